using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// Case (a): the floor any scorer over CSV stands on. Reads the file with the same reader <c>icp score</c> uses
/// (<see cref="TableReaders.Open"/>), in-process on one thread, touching every field so nothing is elided.
/// </summary>
internal static class ParseBaseline
{
    /// <summary>What a pass saw: rows, and a checksum over every field (lengths and first characters).</summary>
    public readonly record struct Totals(long Rows, long Checksum);

    public static Totals ReadAll(string path)
    {
        using var reader = TableReaders.Open(path);
        var batch = new RowBatch(reader.Columns.Count);
        var columns = reader.Columns.Count;
        long rows = 0, checksum = 0;
        while (reader.ReadBatch(batch))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                for (var column = 0; column < columns; column++)
                {
                    var field = batch[row, column];
                    checksum += field.Length;
                    if (!field.IsEmpty) checksum += field[0];
                }
            }
            rows += batch.Count;
        }
        return new Totals(rows, checksum);
    }

    /// <summary>
    /// Case (a2): read every row and write it back out with the same writer <c>icp score</c> uses (temporary file,
    /// fsync, rename), scoring nothing: the I/O floor of any command that reads a CSV and writes one.
    /// </summary>
    public static long CopyAll(string path, string output)
    {
        using var reader = TableReaders.Open(path);
        using var writer = TableWriters.Create(output, reader.Columns);
        var batch = new RowBatch(reader.Columns.Count);
        long rows = 0;
        while (reader.ReadBatch(batch))
        {
            writer.Write(batch, null);
            rows += batch.Count;
        }
        writer.Commit();
        return rows;
    }
}
