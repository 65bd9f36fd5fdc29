using Icp.Core.Tables;

namespace Icp.Data.Tables;

/// <summary>Creates a table writer, choosing it by format.</summary>
public static class TableWriters
{
    /// <summary>
    /// Starts writing <paramref name="path"/> (<c>-</c> for stdout) as <paramref name="format"/> or the format its
    /// extension names. <paramref name="columns"/> are the input columns followed by the extra columns. Output goes
    /// to a temporary file beside the target until <see cref="ITableWriter.Commit"/>; disposing without committing
    /// leaves the target as it was.
    /// </summary>
    /// <exception cref="Icp.Core.InputException">unknown extension, missing directory, or Parquet to stdout.</exception>
    public static ITableWriter Create(string path, IReadOnlyList<string> columns, TableFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        var resolved = TableFormats.Detect(path, format);
        var output = OutputFile.Create(path);
        try
        {
            return resolved switch
            {
                TableFormat.Csv => new CsvTableWriter(output, columns, ','),
                TableFormat.Tsv => new CsvTableWriter(output, columns, '\t'),
                TableFormat.JsonLines => new JsonLinesTableWriter(output, columns),
                TableFormat.Parquet => new ParquetTableWriter(output, columns),
                _ => throw new ArgumentOutOfRangeException(nameof(format), resolved, "unknown table format"),
            };
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>Checks that a Write call matches the writer's columns: input then extra, row for row.</summary>
    internal static void CheckShapes(RowBatch input, RowBatch? extra, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(input);
        var extraColumns = extra?.ColumnCount ?? 0;
        if (input.ColumnCount + extraColumns != columnCount)
            throw new ArgumentException($"the writer has {columnCount} columns, the batches {input.ColumnCount} + {extraColumns}");
        if (extra is not null && extra.Count != input.Count)
            throw new ArgumentException($"input has {input.Count} rows, extra {extra.Count}", nameof(extra));
    }
}
