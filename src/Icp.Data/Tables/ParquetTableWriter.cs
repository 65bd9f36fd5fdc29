using Icp.Core;
using Icp.Core.Tables;
using Parquet;
using Parquet.Schema;

namespace Icp.Data.Tables;

/// <summary>
/// Writes every column as an optional UTF-8 string (empty fields as null). Rows are accumulated and flushed
/// as row groups of <see cref="RowGroupSize"/> rows, so small batches do not make a file of tiny row groups.
/// </summary>
internal sealed class ParquetTableWriter : ITableWriter
{
    /// <summary>Rows per row group (the last one may be smaller).</summary>
    public const int RowGroupSize = 65_536;

    private readonly OutputFile _output;
    private readonly DataField[] _fields;
    private readonly ParquetWriter _writer;
    private readonly string?[][] _values;
    private int _rows;
    private bool _closed;

    public ParquetTableWriter(OutputFile output, IReadOnlyList<string> columns)
    {
        if (output.IsStandardOutput)
            throw new InputException("Parquet cannot be written to stdout: name a .parquet file", new SourceLocation("stdout"));
        _output = output;
        _fields = [.. columns.Select(c => new DataField<string>(c, nullable: true))];
        _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), output.Stream).GetAwaiter().GetResult();
        _values = [.. _fields.Select(_ => new string?[RowGroupSize])];
    }

    public void Write(RowBatch input, RowBatch? extra)
    {
        TableWriters.CheckShapes(input, extra, _fields.Length);
        for (var row = 0; row < input.Count; row++)
        {
            for (var c = 0; c < input.ColumnCount; c++) _values[c][_rows] = Text(input[row, c]);
            for (var c = 0; c < (extra?.ColumnCount ?? 0); c++) _values[input.ColumnCount + c][_rows] = Text(extra![row, c]);
            if (++_rows == RowGroupSize) FlushRowGroup();
        }
    }

    public void Commit()
    {
        FlushRowGroup();
        Close(); // writes the footer
        _output.Commit();
    }

    public void Dispose()
    {
        Close();
        _output.Dispose();
    }

    private void Close()
    {
        if (_closed) return;
        _closed = true;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static string? Text(ReadOnlySpan<char> value) => value.IsEmpty ? null : value.ToString();

    private void FlushRowGroup()
    {
        if (_rows == 0) return;
        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
                group.WriteAsync(_fields[c], new ArraySegment<string?>(_values[c], 0, _rows), null).GetAwaiter().GetResult();
        }
        foreach (var column in _values) Array.Clear(column, 0, _rows);
        _rows = 0;
    }
}
