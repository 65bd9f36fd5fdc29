using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Icp.Core;
using Icp.Core.Tables;

namespace Icp.Data.Tables;

/// <summary>
/// Reads one JSON object per line. Columns are the keys of the first <see cref="SchemaLines"/> non-empty lines in
/// first-seen order; those lines are buffered and replayed. Strings are read as is, numbers as their JSON text,
/// booleans as true/false, null or missing as empty, arrays and objects as compact JSON.
/// </summary>
internal sealed class JsonLinesTableReader : ITableReader
{
    /// <summary>How many non-empty lines are scanned for keys before the first row is returned.</summary>
    public const int SchemaLines = 1000;

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LineSplitter _lines;
    private readonly long? _length;
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Queue<(byte[] Line, long Number)> _buffered = new();
    private char[] _scratch = new char[1024];
    private int _scratchLength;
    private int[] _starts = [];
    private int[] _lengths = [];
    private readonly ArrayBufferWriter<byte> _nested = new();

    public JsonLinesTableReader(Stream stream, string sourceName)
    {
        SourceName = sourceName;
        _length = stream.CanSeek ? stream.Length : null;
        _lines = new LineSplitter(stream);
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        try
        {
            while (_buffered.Count < SchemaLines && _lines.TryRead(out var line, out var number))
            {
                if (IsBlank(line)) continue;
                Parse(line, number, learnKeys: true);
                _buffered.Enqueue((line.ToArray(), number));
            }
        }
        catch
        {
            _lines.Dispose();
            throw;
        }
    }

    public string SourceName { get; }

    public IReadOnlyList<string> Columns => _columns;

    public double? Progress => _length is > 0 and var length ? Math.Min(1.0, (double)_lines.BytesConsumed / length) : _length == 0 ? 1 : null;

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ColumnCount != _columns.Count)
            throw new ArgumentException($"batch has {batch.ColumnCount} columns, the table {_columns.Count}", nameof(batch));
        batch.Clear();
        while (!batch.IsFull)
        {
            if (_buffered.TryDequeue(out var held))
            {
                Parse(held.Line, held.Number, learnKeys: false);
                AddRow(batch, held.Number);
            }
            else if (_lines.TryRead(out var line, out var number))
            {
                if (IsBlank(line)) continue;
                Parse(line, number, learnKeys: false);
                AddRow(batch, number);
            }
            else break;
        }
        return batch.Count > 0;
    }

    public void Dispose() => _lines.Dispose();

    private void AddRow(RowBatch batch, long number)
    {
        batch.BeginRow(number);
        for (var c = 0; c < _columns.Count; c++) batch.AddField(_scratch.AsSpan(_starts[c], _lengths[c]));
        batch.EndRow();
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    /// <summary>Parses one object into the scratch fields (one per column, empty when absent).</summary>
    private void Parse(ReadOnlySpan<byte> line, long number, bool learnKeys)
    {
        if (!Utf8.IsValid(line)) throw InvalidUtf8(line, number);
        _scratchLength = 0;
        Array.Clear(_lengths);
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw Error(number, reader.TokenStartIndex, "expected a JSON object ({...}) on every line");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var keyStart = _scratchLength;
                var key = Append(ref reader);
                var column = ColumnOf(key, learnKeys, number, reader.TokenStartIndex);
                _scratchLength = keyStart; // the key text is not kept
                reader.Read();
                var start = _scratchLength;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        Append(ref reader);
                        break;
                    case JsonTokenType.Number:
                        AppendUtf8(reader.ValueSpan);
                        break;
                    case JsonTokenType.True:
                        AppendUtf8("true"u8);
                        break;
                    case JsonTokenType.False:
                        AppendUtf8("false"u8);
                        break;
                    case JsonTokenType.StartArray or JsonTokenType.StartObject:
                        AppendCompact(ref reader);
                        break;
                }
                if (column >= 0)
                {
                    _starts[column] = start;
                    _lengths[column] = _scratchLength - start;
                }
            }
            if (reader.Read())
                throw Error(number, reader.TokenStartIndex, "unexpected text after the JSON object");
        }
        catch (JsonException e)
        {
            var position = e.BytePositionInLine ?? 0;
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) reason = reason[..cut];
            throw Error(number, position, reason, e);
        }
    }

    private int ColumnOf(ReadOnlySpan<char> key, bool learnKeys, long number, long position)
    {
        if (_lookup.TryGetValue(key, out var column)) return column;
        if (!learnKeys)
            throw Error(number, position,
                $"key '{key}' does not appear in the first {SchemaLines} lines, which set the columns; put a line with every key first");
        var name = key.ToString();
        _index.Add(name, _columns.Count);
        _columns.Add(name);
        Array.Resize(ref _starts, _columns.Count);
        Array.Resize(ref _lengths, _columns.Count);
        return _columns.Count - 1;
    }

    private ReadOnlySpan<char> Append(ref Utf8JsonReader reader)
    {
        var start = _scratchLength;
        Reserve(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
        _scratchLength += reader.CopyString(_scratch.AsSpan(_scratchLength));
        return _scratch.AsSpan(start, _scratchLength - start);
    }

    private void AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        _scratchLength += Encoding.UTF8.GetChars(utf8, _scratch.AsSpan(_scratchLength));
    }

    private void AppendCompact(ref Utf8JsonReader reader)
    {
        // Arrays and objects are rare and small: re-serialise them without whitespace.
        using var value = JsonDocument.ParseValue(ref reader);
        _nested.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_nested, CompactJson)) value.WriteTo(writer);
        AppendUtf8(_nested.WrittenSpan);
    }

    private void Reserve(int chars)
    {
        if (_scratchLength + chars > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + chars));
    }

    private InputException Error(long line, long bytePosition, string reason, Exception? inner = null) =>
        new($"malformed JSON at byte {bytePosition + 1} of the line: {reason}",
            new SourceLocation(SourceName, line, (int)Math.Min(int.MaxValue, bytePosition + 1)), inner);

    private InputException InvalidUtf8(ReadOnlySpan<byte> line, long number)
    {
        var valid = 0;
        while (Rune.DecodeFromUtf8(line[valid..], out _, out var consumed) == OperationStatus.Done) valid += consumed;
        return Utf8TextReader.InvalidUtf8(SourceName, number, _lines.OffsetOf(number) + valid, valid);
    }

    /// <summary>Splits a byte stream into lines (LF or CRLF), remembering where the current line starts.</summary>
    private sealed class LineSplitter(Stream stream) : IDisposable
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;
        private bool _eof;
        private long _offsetOfBuffer;
        private long _lineNumber;
        private long _lineOffset;
        private bool _checkedBom;

        public long BytesConsumed => _offsetOfBuffer + _start;

        /// <summary>Byte offset where line <paramref name="number"/> starts; known for the line just read.</summary>
        public long OffsetOf(long number) => number == _lineNumber ? _lineOffset : 0;

        public bool TryRead(out ReadOnlySpan<byte> line, out long number)
        {
            var searchFrom = _start;
            while (true)
            {
                var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
                if (newline >= 0 || (_eof && _end > _start))
                {
                    var length = newline >= 0 ? searchFrom - _start + newline : _end - _start;
                    line = _buffer.AsSpan(_start, length);
                    if (line.EndsWith("\r"u8)) line = line[..^1];
                    _lineOffset = BytesConsumed;
                    number = ++_lineNumber;
                    _start += newline >= 0 ? length + 1 : length;
                    return true;
                }
                if (_eof)
                {
                    line = default;
                    number = _lineNumber;
                    return false;
                }
                searchFrom = _end;
                var shifted = _start;
                Fill();
                searchFrom -= shifted;
            }
        }

        private void Fill()
        {
            var remaining = _end - _start;
            if (remaining == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _offsetOfBuffer += _start;
            _start = 0;
            _end = remaining;
            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0) _eof = true;
            _end += n;
            if (!_checkedBom && _end - _start >= 3 || _eof)
            {
                if (!_checkedBom && _buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8)) _start += 3;
                _checkedBom = true;
            }
        }

        public void Dispose() => stream.Dispose();
    }
}
