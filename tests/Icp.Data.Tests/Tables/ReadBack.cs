using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Data.Tests.Tables;

/// <summary>A whole table read into memory, with the source line of every row.</summary>
internal sealed record ReadBack(IReadOnlyList<string> Columns, List<string[]> Rows, List<long> Lines, int Batches)
{
    public static ReadBack Of(string path, TableFormat? format = null, int capacity = 4096)
    {
        using var reader = TableReaders.Open(path, format);
        return Of(reader, capacity);
    }

    public static ReadBack Of(ITableReader reader, int capacity = 4096)
    {
        var batch = new RowBatch(reader.Columns.Count, capacity);
        var rows = new List<string[]>();
        var lines = new List<long>();
        var batches = 0;
        while (reader.ReadBatch(batch))
        {
            batches++;
            for (var r = 0; r < batch.Count; r++)
            {
                var row = new string[batch.ColumnCount];
                for (var c = 0; c < row.Length; c++) row[c] = batch[r, c].ToString();
                rows.Add(row);
                lines.Add(batch.LineOf(r));
            }
        }
        return new ReadBack(reader.Columns, rows, lines, batches);
    }
}
