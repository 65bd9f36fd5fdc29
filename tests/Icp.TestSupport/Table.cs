using Icp.Core.Tables;

namespace Icp.TestSupport;

/// <summary>In-memory tables: a <see cref="RowBatch"/> or an <see cref="ITableReader"/> over literal rows.</summary>
public static class Table
{
    /// <summary>
    /// A batch holding <paramref name="rows"/> under <paramref name="columns"/>; row i gets source line i + 2,
    /// as if read from a CSV file with a header on line 1.
    /// </summary>
    public static RowBatch Of(string[] columns, params string[][] rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var batch = new RowBatch(columns.Length, Math.Max(1, rows.Length));
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != columns.Length)
                throw new ArgumentException($"row {r} has {rows[r].Length} fields, expected {columns.Length}", nameof(rows));
            batch.BeginRow(r + 2);
            foreach (var field in rows[r]) batch.AddField(field);
            batch.EndRow();
        }
        return batch;
    }

    /// <summary>A reader over <paramref name="rows"/> (line numbers from 2), in batches of at most the batch's capacity.</summary>
    public static InMemoryTableReader Reader(string[] columns, IReadOnlyList<string[]> rows, string sourceName = "data.csv") =>
        new(sourceName, columns, rows);
}

/// <summary>An <see cref="ITableReader"/> over rows held in memory; row i is reported as line i + 2.</summary>
public sealed class InMemoryTableReader(string sourceName, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows) : ITableReader
{
    private int _next;

    public string SourceName { get; } = sourceName;
    public IReadOnlyList<string> Columns { get; } = columns;
    public double? Progress => rows.Count == 0 ? 1 : (double)_next / rows.Count;

    /// <summary>How many batches have been handed out.</summary>
    public int BatchesRead { get; private set; }

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        while (_next < rows.Count && !batch.IsFull)
        {
            batch.BeginRow(_next + 2);
            foreach (var field in rows[_next]) batch.AddField(field);
            batch.EndRow();
            _next++;
        }
        if (batch.Count > 0) BatchesRead++;
        return batch.Count > 0;
    }

    public void Dispose() { }
}
