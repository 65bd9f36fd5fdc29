using Icp.Core;
using Icp.Core.Tables;
using Sylvan.Data.Csv;

namespace Icp.Data.Tables;

/// <summary>
/// Reads CSV/TSV with Sylvan.Data.Csv: RFC 4180 quoting, any of LF / CRLF / CR line ends, strict UTF-8.
/// Records are tracked by the physical line they start on, counted from each record's raw text.
/// </summary>
internal sealed class CsvTableReader : ITableReader
{
    private const int MaxRecordChars = 16 * 1024 * 1024;
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    private readonly Utf8TextReader _text;
    private readonly CsvDataReader _csv;
    private readonly long? _length;
    private readonly string[] _columns;
    private readonly int _fieldsPerRecord;   // physical fields, including a dropped trailing empty column
    private long _nextLine = 1;              // the physical line the next record starts on

    public CsvTableReader(Stream stream, string sourceName, TableFormat format)
    {
        SourceName = sourceName;
        _length = stream.CanSeek ? stream.Length : null;
        _text = new Utf8TextReader(stream, sourceName);
        try
        {
            var delimiter = format == TableFormat.Tsv ? '\t' : SniffDelimiter(_text.Peek(1 << 16));
            _csv = CsvDataReader.Create(_text, new CsvDataReaderOptions
            {
                HasHeaders = false, // the header is read here, to check names and count lines
                Delimiter = delimiter,
                BufferSize = 1 << 16,
                MaxBufferSize = MaxRecordChars,
                OwnsReader = false,
            });
            (_columns, _fieldsPerRecord) = ReadHeader();
        }
        catch
        {
            _text.Dispose();
            throw;
        }
    }

    public string SourceName { get; }

    public IReadOnlyList<string> Columns => _columns;

    public double? Progress => _length is > 0 and var length ? Math.Min(1.0, (double)_text.BytesConsumed / length) : _length == 0 ? 1 : null;

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ColumnCount != _columns.Length)
            throw new ArgumentException($"batch has {batch.ColumnCount} columns, the table {_columns.Length}", nameof(batch));
        batch.Clear();
        while (!batch.IsFull && NextRecord(out var line))
        {
            var found = _csv.RowFieldCount;
            if (found != _fieldsPerRecord) throw Ragged(line, found);
            batch.BeginRow(line);
            for (var i = 0; i < _columns.Length; i++) batch.AddField(_csv.GetFieldSpan(i));
            if (_fieldsPerRecord > _columns.Length && !_csv.GetFieldSpan(_columns.Length).IsEmpty)
                throw new InputException(
                    $"field {_fieldsPerRecord} has a value but the header names no column for it",
                    new SourceLocation(SourceName, line));
            batch.EndRow();
        }
        return batch.Count > 0;
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }

    /// <summary>The delimiter among <c>, ; \t |</c> that occurs most often (outside quotes) in the header line; comma on a tie.</summary>
    internal static char SniffDelimiter(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && Array.IndexOf(Candidates, c) is >= 0 and var i) counts[i]++;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return Candidates[best];
    }

    private (string[] Columns, int FieldsPerRecord) ReadHeader()
    {
        if (!NextRecord(out var line))
            throw new InputException($"{SourceName} is empty: expected a header row", new SourceLocation(SourceName));
        var count = _csv.RowFieldCount;
        // "a,b," on every line: a trailing delimiter, not a column.
        var named = count > 1 && _csv.GetFieldSpan(count - 1).Trim().IsEmpty ? count - 1 : count;
        var names = new string[named];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < named; i++)
        {
            var name = _csv.GetFieldSpan(i).Trim().ToString();
            if (name.Length == 0)
                throw new InputException($"column {i + 1} of the header has no name", new SourceLocation(SourceName, line));
            if (!seen.TryAdd(name, i))
                throw new InputException(
                    $"duplicate column name '{name}' at column {i + 1} (also column {seen[name] + 1})",
                    new SourceLocation(SourceName, line, 0, name));
            names[i] = name;
        }
        return (names, count);
    }

    /// <summary>Advances to the next non-blank record, reporting the line it starts on.</summary>
    private bool NextRecord(out long line)
    {
        while (true)
        {
            line = _nextLine;
            try
            {
                if (!_csv.Read()) return false;
            }
            catch (CsvRecordTooLargeException)
            {
                throw new InputException(
                    $"the record starting on line {line} is longer than {MaxRecordChars} characters: probably a quote that is never closed",
                    new SourceLocation(SourceName, line));
            }
            catch (CsvFormatException e)
            {
                var field = e.FieldOrdinal >= 0 && _columns is not null && e.FieldOrdinal < _columns.Length ? _columns[e.FieldOrdinal] : null;
                // Sylvan reports both kinds as CsvFormatException; only its message tells them apart.
                var message = e.Message.Contains("closing quote", StringComparison.Ordinal)
                    ? $"unclosed quote: the quoted field (field {e.FieldOrdinal + 1}) starting on line {line} has no closing quote"
                    : $"malformed quoted field (field {e.FieldOrdinal + 1}) in the record starting on line {line}: text after the closing quote";
                throw new InputException(message, new SourceLocation(SourceName, line, 0, field), e);
            }
            var raw = _csv.GetRawRecordSpan();
            _nextLine += LineBreaks(raw);
            // A blank line is one empty field whose raw text is just the line end.
            if (_csv.RowFieldCount == 1 && raw.TrimEnd("\r\n").IsEmpty) continue;
            return true;
        }
    }

    private InputException Ragged(long line, int found) =>
        new($"expected {_fieldsPerRecord} fields, found {found}" + (found > _fieldsPerRecord ? " (an unquoted delimiter in a value?)" : ""),
            new SourceLocation(SourceName, line));

    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var n = 0;
        int i;
        while ((i = text.IndexOfAny('\r', '\n')) >= 0)
        {
            n++;
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            text = text[(i + 1)..];
        }
        return n;
    }
}
