using Icp.Core;
using Icp.Core.Tables;

namespace Icp.Data.Tables;

/// <summary>Opens a table for reading, choosing the reader by format.</summary>
public static class TableReaders
{
    /// <summary>
    /// Opens <paramref name="path"/> (<c>-</c> for stdin) as <paramref name="format"/>, or as the format its extension
    /// names (see <see cref="TableFormats.Detect"/>). The header (CSV/TSV), the first 1000 lines (JSON lines) or the
    /// schema (Parquet) are read before this returns, so <see cref="ITableReader.Columns"/> is ready.
    /// </summary>
    /// <exception cref="InputException">the file is missing, empty, or its header or schema cannot be used.</exception>
    public static ITableReader Open(string path, TableFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var resolved = TableFormats.Detect(path, format);
        var stdin = path == TableFormats.StandardStream;
        var name = stdin ? "stdin" : path;
        var stream = stdin ? Console.OpenStandardInput() : OpenFile(path);
        try
        {
            return resolved switch
            {
                TableFormat.Csv or TableFormat.Tsv => new CsvTableReader(stream, name, resolved),
                TableFormat.JsonLines => new JsonLinesTableReader(stream, name),
                // Parquet needs to seek (the footer is at the end): stdin is read into memory first.
                TableFormat.Parquet => new ParquetTableReader(stream.CanSeek ? stream : InMemory(stream), name),
                _ => throw new ArgumentOutOfRangeException(nameof(format), resolved, "unknown table format"),
            };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            // The readers buffer themselves; a second FileStream buffer would only copy.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"file not found: {path}", new SourceLocation(path), e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"cannot read {path}: permission denied (or it is a directory)", new SourceLocation(path), e);
        }
    }

    private static MemoryStream InMemory(Stream stream)
    {
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        stream.Dispose();
        memory.Position = 0;
        return memory;
    }
}
