using Icp.Core.Profiles;
using Icp.Core.Tables;
using Icp.Core.Values;

namespace Icp.Core.Scoring;

/// <summary>A field the compiled profile reads: its column and type. One slot per field, shared by its criteria.</summary>
internal sealed record FieldSlot(int Index, string Field, int Column, FieldType Type, char Separator);

/// <summary>
/// The row being evaluated, with per-row caches so a field used by several criteria is parsed once and an
/// unparsable value is counted once. Owned by one evaluator, so by one thread.
/// </summary>
internal sealed class RowContext
{
    private enum Parsed : byte { Ok, Missing, Bad }

    private readonly FieldSlot[] _slots;
    private readonly int[] _parsedAt;
    private readonly Parsed[] _state;
    private readonly double[] _numbers;
    private readonly bool _strict;
    private readonly string _sourceName;
    private RowBatch _batch = null!;
    private int _row;
    private int _generation;

    public RowContext(FieldSlot[] slots, bool strict, string sourceName, DataIssues issues)
    {
        _slots = slots;
        _parsedAt = new int[slots.Length];
        _state = new Parsed[slots.Length];
        _numbers = new double[slots.Length];
        _strict = strict;
        _sourceName = sourceName;
        Issues = issues;
    }

    public DataIssues Issues { get; }

    public RowBatch Batch => _batch;
    public int Row => _row;

    public void MoveTo(RowBatch batch, int row)
    {
        _batch = batch;
        _row = row;
        _generation++;
    }

    /// <summary>The trimmed text of a field; empty means missing.</summary>
    public ReadOnlySpan<char> Text(int slot) => _batch[_row, _slots[slot].Column].Trim();

    /// <summary>The field as a number: a double for number fields, a day number for dates, 1/0 for bools.</summary>
    /// <returns>false when the value is missing or could not be parsed (which is recorded).</returns>
    public bool TryValue(int slot, out double value)
    {
        if (_parsedAt[slot] != _generation)
        {
            _parsedAt[slot] = _generation;
            _state[slot] = Parse(slot, out _numbers[slot]);
        }
        value = _numbers[slot];
        return _state[slot] == Parsed.Ok;
    }

    private Parsed Parse(int slot, out double value)
    {
        value = 0;
        var text = Text(slot);
        if (text.IsEmpty) return Parsed.Missing;
        var s = _slots[slot];
        bool ok;
        switch (s.Type)
        {
            case FieldType.Number:
                ok = ValueParsers.TryParseNumber(text, out value);
                break;
            case FieldType.Date:
                ok = ValueParsers.TryParseDate(text, out var date);
                value = date.DayNumber;
                break;
            default:
                ok = ValueParsers.TryParseBool(text, out var b);
                value = b ? 1 : 0;
                break;
        }
        if (ok) return Parsed.Ok;
        var what = s.Type switch { FieldType.Number => "a number", FieldType.Date => "a date", _ => "true or false" };
        if (_strict)
            throw new InputException($"'{text}' in column of field '{s.Field}' is not {what} (--strict)",
                new SourceLocation(_sourceName, _batch.LineOf(_row), 0, s.Field));
        Issues.Record(s.Field, $"not {what}", _batch.LineOf(_row));
        return Parsed.Bad;
    }
}

/// <summary>Values in the data that could not be read: counted per field, with the first few line numbers.</summary>
public sealed class DataIssues
{
    private const int LinesKept = 5;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public sealed class Entry(string field, string problem)
    {
        public string Field { get; } = field;
        public string Problem { get; } = problem;
        public long Count { get; internal set; }
        public List<long> FirstLines { get; } = [];
    }

    public IEnumerable<Entry> Entries => _entries.Values.OrderBy(e => e.Field, StringComparer.Ordinal);
    public long Total => _entries.Values.Sum(e => e.Count);

    public void Record(string field, string problem, long line)
    {
        var key = field + "\0" + problem;
        if (!_entries.TryGetValue(key, out var e)) _entries[key] = e = new Entry(field, problem);
        e.Count++;
        if (e.FirstLines.Count < LinesKept) e.FirstLines.Add(line);
    }

    /// <summary>Adds another evaluator's issues (threads each keep their own).</summary>
    public void Merge(DataIssues other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, o) in other._entries)
        {
            if (!_entries.TryGetValue(key, out var e)) _entries[key] = e = new Entry(o.Field, o.Problem);
            e.Count += o.Count;
            e.FirstLines.AddRange(o.FirstLines);
            e.FirstLines.Sort();
            if (e.FirstLines.Count > LinesKept) e.FirstLines.RemoveRange(LinesKept, e.FirstLines.Count - LinesKept);
        }
    }
}
