using System.Buffers;
using System.Text.Unicode;
using Icp.Core.Tables;

namespace Icp.Data.Tables;

/// <summary>
/// Writes RFC 4180 CSV (or TSV): UTF-8 without BOM, <c>\n</c> line ends, a field quoted only when it holds the
/// delimiter, a quote, CR or LF, or starts or ends with a space. Fields are encoded from spans straight into a
/// byte buffer: no string per field. Lone UTF-16 surrogates are written as U+FFFD. Encoding is stateless, so the
/// scoring pipeline runs it on its worker threads (<see cref="IEncodingTableWriter"/>).
/// </summary>
internal sealed class CsvTableWriter : IEncodingTableWriter
{
    private const int FlushThreshold = 1 << 20;

    private readonly OutputFile _output;
    private readonly byte _delimiter;
    private readonly SearchValues<char> _special;
    private readonly int _columnCount;
    private readonly ArrayBufferWriter<byte> _pending = new(FlushThreshold + (1 << 16));

    public CsvTableWriter(OutputFile output, IReadOnlyList<string> columns, char delimiter)
    {
        _output = output;
        _delimiter = (byte)delimiter;
        _special = SearchValues.Create([delimiter, '"', '\r', '\n']);
        _columnCount = columns.Count;
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) _pending.Write([_delimiter]);
            EncodeField(columns[i], _pending);
        }
        _pending.Write("\n"u8);
    }

    public void Write(RowBatch input, RowBatch? extra)
    {
        Encode(input, extra, _pending);
        if (_pending.WrittenCount >= FlushThreshold) Flush();
    }

    public void Encode(RowBatch input, RowBatch? extra, IBufferWriter<byte> destination)
    {
        TableWriters.CheckShapes(input, extra, _columnCount);
        var inputColumns = input.ColumnCount;
        var extraColumns = extra?.ColumnCount ?? 0;
        for (var row = 0; row < input.Count; row++)
        {
            for (var c = 0; c < inputColumns; c++)
            {
                if (c > 0) Put(destination, _delimiter);
                EncodeField(input[row, c], destination);
            }
            for (var c = 0; c < extraColumns; c++)
            {
                if (c > 0 || inputColumns > 0) Put(destination, _delimiter);
                EncodeField(extra![row, c], destination);
            }
            Put(destination, (byte)'\n');
        }
    }

    public void WriteEncoded(ReadOnlySpan<byte> encoded)
    {
        Flush();
        _output.Stream.Write(encoded);
    }

    public void Commit()
    {
        Flush();
        _output.Commit();
    }

    public void Dispose() => _output.Dispose();

    private void EncodeField(ReadOnlySpan<char> field, IBufferWriter<byte> destination)
    {
        if (field.IsEmpty)
        {
            // A lone empty field would be a blank line, which readers skip.
            if (_columnCount == 1) destination.Write("\"\""u8);
            return;
        }
        if (field.IndexOfAny(_special) < 0 && field[0] != ' ' && field[^1] != ' ')
        {
            Utf8Of(field, destination);
            return;
        }
        Put(destination, (byte)'"');
        int quote;
        while ((quote = field.IndexOf('"')) >= 0)
        {
            Utf8Of(field[..(quote + 1)], destination);
            Put(destination, (byte)'"'); // doubled
            field = field[(quote + 1)..];
        }
        Utf8Of(field, destination);
        Put(destination, (byte)'"');
    }

    private static void Utf8Of(ReadOnlySpan<char> text, IBufferWriter<byte> destination)
    {
        // At most 3 UTF-8 bytes per UTF-16 char, so one span always fits the whole field.
        var span = destination.GetSpan(text.Length * 3);
        Utf8.FromUtf16(text, span, out _, out var written, replaceInvalidSequences: true, isFinalBlock: true);
        destination.Advance(written);
    }

    private static void Put(IBufferWriter<byte> destination, byte value)
    {
        destination.GetSpan(1)[0] = value;
        destination.Advance(1);
    }

    private void Flush()
    {
        if (_pending.WrittenCount == 0) return;
        _output.Stream.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }
}
