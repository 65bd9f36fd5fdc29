using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Icp.Core.Profiles;
using Icp.Core.Values;

namespace Icp.Core.Scoring;

/// <summary>A compiled condition: column resolved, values parsed, sets hashed, regexes compiled.</summary>
internal abstract class Node
{
    public abstract Truth Eval(RowContext row);

    protected static Truth Of(bool b) => b ? Truth.True : Truth.False;
}

/// <summary>A node on one field, able to show the row's value as evidence in a reason.</summary>
internal abstract class FieldNode(int slot) : Node
{
    public int Slot { get; } = slot;

    /// <summary>Writes the evidence for a holding condition, e.g. <c>industry=Fintech</c>.</summary>
    public virtual void AppendEvidence(RowContext row, TextBuffer text, string field)
    {
        text.Append(field);
        text.Append('=');
        text.Append(row.Text(Slot));
    }
}

internal sealed class TextInNode(int slot, IEnumerable<string> values, bool negate) : FieldNode(slot)
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _values =
        values.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(v => v, _ => 0, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public override Truth Eval(RowContext row)
    {
        var text = row.Text(Slot);
        if (text.IsEmpty) return Truth.Unknown;
        return Of(TextSets.TryGet(_values, text, out _) != negate);
    }
}

/// <summary>
/// <c>in_region</c>: the value read as a country (code, name or variant) is in the regions' set. A value that names
/// no country is known but in no region, so the test fails rather than going unknown.
/// </summary>
internal sealed class RegionNode(int slot, ImmutableHashSet<string> countries) : FieldNode(slot)
{
    private readonly FrozenSet<string> _countries = countries.ToFrozenSet(StringComparer.Ordinal);

    public override Truth Eval(RowContext row)
    {
        var text = row.Text(Slot);
        if (text.IsEmpty) return Truth.Unknown;
        return Of(Normalisation.Countries.ToIso2(text) is { } iso2 && _countries.Contains(iso2));
    }
}

internal static class TextSets
{
    /// <summary>Case-insensitive lookup that also ignores runs of white space, without allocating.</summary>
    public static bool TryGet(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> map, ReadOnlySpan<char> trimmed, out int value)
    {
        if (!ValueParsers.NeedsCollapsing(trimmed)) return map.TryGetValue(trimmed, out value);
        Span<char> buffer = trimmed.Length <= 256 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        return map.TryGetValue(buffer[..ValueParsers.CollapseWhiteSpace(trimmed, buffer)], out value);
    }
}

/// <summary>Numbers, dates (as day numbers) and bools (as 1/0) share one range test.</summary>
internal sealed class RangeNode(int slot, double min, bool minInclusive, double max, bool maxInclusive) : FieldNode(slot)
{
    public override Truth Eval(RowContext row)
    {
        if (!row.TryValue(Slot, out var v)) return Truth.Unknown;
        var aboveMin = minInclusive ? v >= min : v > min;
        var belowMax = maxInclusive ? v <= max : v < max;
        return Of(aboveMin && belowMax);
    }
}

internal sealed class NumberInNode(int slot, double[] values, bool negate) : FieldNode(slot)
{
    public override Truth Eval(RowContext row)
    {
        if (!row.TryValue(Slot, out var v)) return Truth.Unknown;
        return Of(Array.IndexOf(values, v) >= 0 != negate);
    }
}

internal sealed class PresenceNode(int slot, bool mustExist) : FieldNode(slot)
{
    public override Truth Eval(RowContext row) => Of(row.Text(Slot).IsEmpty != mustExist);

    public override void AppendEvidence(RowContext row, TextBuffer text, string field)
    {
        text.Append(field);
        text.Append(mustExist ? " present" : " missing");
    }
}

internal sealed class RegexNode(int slot, string pattern, string field) : FieldNode(slot)
{
    // One Regex per thread: a Regex shares one cached runner, and threads that miss it build a new runner per call.
    private readonly ThreadLocal<Regex> _regex = new(() => ProfileRegex.Create(pattern));

    public override Truth Eval(RowContext row)
    {
        var text = row.Text(Slot);
        if (text.IsEmpty) return Truth.Unknown;
        try { return Of(_regex.Value!.IsMatch(text)); }
        catch (RegexMatchTimeoutException)
        {
            row.Issues.Record(field, "regular expression timed out", row.Batch.LineOf(row.Row));
            return Truth.Unknown;
        }
    }
}

/// <summary><c>any</c>, <c>all</c>, <c>none</c> over a <c>;</c>-separated or JSON-array set.</summary>
internal sealed class SetNode(int slot, Operator op, IReadOnlyList<string> tokens, char separator) : FieldNode(slot)
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokens =
        tokens.Select((t, i) => (t, i)).DistinctBy(x => x.t, StringComparer.OrdinalIgnoreCase)
              .ToDictionary(x => x.t, x => x.i, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly int _distinct = tokens.Distinct(StringComparer.OrdinalIgnoreCase).Count();

    public override Truth Eval(RowContext row)
    {
        var text = row.Text(Slot);
        if (text.IsEmpty) return Truth.Unknown;
        var seen = 0UL;
        var found = 0;
        foreach (var token in new SetTokens(text, separator))
        {
            if (!TextSets.TryGet(_tokens, token, out var index)) continue;
            if (op != Operator.All) return Of(op == Operator.Any);
            var bit = 1UL << (index & 63);
            if ((seen & bit) == 0) { seen |= bit; found++; }
        }
        return op switch { Operator.Any => Truth.False, Operator.None => Truth.True, _ => Of(found >= _distinct) };
    }

    public override void AppendEvidence(RowContext row, TextBuffer text, string field)
    {
        text.Append(field);
        if (op != Operator.Any) { text.Append(op == Operator.All ? " has all of [" : " has none of ["); text.AppendJoined(tokens); text.Append(']'); return; }
        text.Append(" has ");
        foreach (var token in new SetTokens(row.Text(Slot), separator))
            if (TextSets.TryGet(_tokens, token, out _)) { text.Append(token); return; }
    }
}

internal sealed class AndNode(Node[] parts) : Node
{
    public Node[] Parts { get; } = parts;

    public override Truth Eval(RowContext row)
    {
        var result = Truth.True;
        foreach (var p in Parts)
        {
            var t = p.Eval(row);
            if (t == Truth.False) return Truth.False;
            if (t == Truth.Unknown) result = Truth.Unknown;
        }
        return result;
    }
}

internal sealed class OrNode(Node[] parts) : Node
{
    public override Truth Eval(RowContext row)
    {
        var result = Truth.False;
        foreach (var p in parts)
        {
            var t = p.Eval(row);
            if (t == Truth.True) return Truth.True;
            if (t == Truth.Unknown) result = Truth.Unknown;
        }
        return result;
    }
}

internal sealed class NotNode(Node inner) : Node
{
    public override Truth Eval(RowContext row) => inner.Eval(row) switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };
}

/// <summary>Splits a set value into trimmed tokens: <c>a; b</c> or <c>["a","b"]</c>, without allocating.</summary>
internal ref struct SetTokens(ReadOnlySpan<char> text, char separator)
{
    private ReadOnlySpan<char> _rest = text.Length > 1 && text[0] == '[' && text[^1] == ']' ? text[1..^1] : text;
    private readonly bool _json = text.Length > 1 && text[0] == '[' && text[^1] == ']';

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly SetTokens GetEnumerator() => this;

    public bool MoveNext()
    {
        while (!_rest.IsEmpty)
        {
            var sep = _json ? ',' : separator;
            ReadOnlySpan<char> token;
            var rest = _rest.TrimStart();
            if (_json && rest.Length > 0 && rest[0] == '"')
            {
                var close = rest[1..].IndexOf('"');
                token = close < 0 ? rest[1..] : rest.Slice(1, close);
                var after = close < 0 ? ReadOnlySpan<char>.Empty : rest[(close + 2)..];
                var next = after.IndexOf(sep);
                _rest = next < 0 ? ReadOnlySpan<char>.Empty : after[(next + 1)..];
            }
            else
            {
                var next = rest.IndexOf(sep);
                token = next < 0 ? rest : rest[..next];
                _rest = next < 0 ? ReadOnlySpan<char>.Empty : rest[(next + 1)..];
            }
            token = token.Trim();
            if (token.IsEmpty) continue;
            Current = token;
            return true;
        }
        return false;
    }
}
