using System.Buffers;
using System.Text.Unicode;
using Icp.Core.Tables;

namespace Icp.Data.Tables;

/// <summary>
/// Writes RFC 4180 CSV (or TSV): UTF-8 without BOM, <c>\n</c> line ends, a field quoted only when it holds the
/// delimiter, a quote, CR or LF, or starts or ends with a space. Fields are encoded from spans straight into one
/// large byte buffer: no string per field. Lone UTF-16 surrogates are written as U+FFFD.
/// </summary>
internal sealed class CsvTableWriter : ITableWriter
{
    private const int BufferSize = 1 << 20;

    private readonly OutputFile _output;
    private readonly byte _delimiter;
    private readonly SearchValues<char> _special;
    private readonly int _columnCount;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    public CsvTableWriter(OutputFile output, IReadOnlyList<string> columns, char delimiter)
    {
        _output = output;
        _delimiter = (byte)delimiter;
        _special = SearchValues.Create([delimiter, '"', '\r', '\n']);
        _columnCount = columns.Count;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) WriteByte(_delimiter);
            WriteField(columns[i]);
        }
        WriteByte((byte)'\n');
    }

    public void Write(RowBatch input, RowBatch? extra)
    {
        TableWriters.CheckShapes(input, extra, _columnCount);
        var inputColumns = input.ColumnCount;
        var extraColumns = extra?.ColumnCount ?? 0;
        for (var row = 0; row < input.Count; row++)
        {
            for (var c = 0; c < inputColumns; c++)
            {
                if (c > 0) WriteByte(_delimiter);
                WriteField(input[row, c]);
            }
            for (var c = 0; c < extraColumns; c++)
            {
                if (c > 0 || inputColumns > 0) WriteByte(_delimiter);
                WriteField(extra![row, c]);
            }
            WriteByte((byte)'\n');
        }
    }

    public void Commit()
    {
        Flush();
        _output.Commit();
    }

    public void Dispose()
    {
        _output.Dispose();
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void WriteField(ReadOnlySpan<char> field)
    {
        if (field.IsEmpty)
        {
            // A lone empty field would be a blank line, which readers skip.
            if (_columnCount == 1) WriteAscii("\"\""u8);
            return;
        }
        if (field.IndexOfAny(_special) < 0 && field[0] != ' ' && field[^1] != ' ')
        {
            Encode(field);
            return;
        }
        WriteByte((byte)'"');
        int quote;
        while ((quote = field.IndexOf('"')) >= 0)
        {
            Encode(field[..(quote + 1)]);
            WriteByte((byte)'"'); // doubled
            field = field[(quote + 1)..];
        }
        Encode(field);
        WriteByte((byte)'"');
    }

    private void Encode(ReadOnlySpan<char> text)
    {
        while (true)
        {
            Utf8.FromUtf16(text, _buffer.AsSpan(_used), out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
            _used += written;
            if (read == text.Length) return;
            text = text[read..];
            Flush();
        }
    }

    private void WriteByte(byte value)
    {
        if (_used == _buffer.Length) Flush();
        _buffer[_used++] = value;
    }

    private void WriteAscii(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length) Flush();
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Flush()
    {
        _output.Stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
