using System.Collections.Frozen;

namespace Icp.Core.Normalisation;

/// <summary>
/// Canonical names and their synonyms, looked up after <see cref="TextFold"/> (case, spacing, punctuation and
/// accents ignored), so "E-Commerce", "ecommerce" and "e commerce" are one key. Immutable once built.
/// </summary>
public sealed class SynonymMap
{
    private const int MaxKey = 128;
    private readonly FrozenDictionary<string, string> _byKey;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SynonymMap(Dictionary<string, string> byFoldedKey, IReadOnlyList<string> canonical)
    {
        _byKey = byFoldedKey.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Canonical = canonical;
    }

    /// <summary>Every canonical name, in definition order.</summary>
    public IReadOnlyList<string> Canonical { get; }

    /// <summary>The canonical name for <paramref name="value"/>, or null when it is no known name or synonym.</summary>
    public string? Find(ReadOnlySpan<char> value)
    {
        Span<char> key = stackalloc char[MaxKey];
        var length = TextFold.Fold(value, key);
        return length > 0 && _lookup.TryGetValue(key[..length], out var name) ? name : null;
    }

    /// <summary>Builds a map from "Canonical: synonym | synonym" lines; a synonym listed under two names is a bug in the table.</summary>
    internal static SynonymMap Parse(string table)
    {
        var builder = new Builder();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var name = line[..colon];
            builder.Add(name, name);
            foreach (var synonym in line[(colon + 2)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (builder.Add(name, synonym) is { } other && other != name)
                    throw new InvalidOperationException($"built-in synonym '{synonym}' is listed under both '{other}' and '{name}'");
        }
        return builder.Build();
    }

    /// <summary>Collects entries; a later entry for the same key replaces the earlier one (a user file overrides the defaults).</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
        private readonly List<string> _canonical = [];

        public Builder() { }

        public Builder(SynonymMap start)
        {
            _canonical.AddRange(start.Canonical);
            foreach (var (key, value) in start._byKey) _byKey[key] = value;
        }

        /// <summary>Maps <paramref name="synonym"/> to <paramref name="canonical"/>; returns the name it mapped to before, if any.</summary>
        public string? Add(string canonical, string synonym)
        {
            if (!_canonical.Contains(canonical)) _canonical.Add(canonical);
            var key = TextFold.Fold(synonym);
            if (key.Length == 0) return null;
            _byKey.TryGetValue(key, out var before);
            _byKey[key] = canonical;
            return before;
        }

        public SynonymMap Build() => new(_byKey, [.. _canonical]);
    }
}
