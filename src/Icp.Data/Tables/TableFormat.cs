using Icp.Core;

namespace Icp.Data.Tables;

/// <summary>The file formats icp reads and writes.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values (the delimiter is sniffed when reading: <c>, ; \t |</c>).</summary>
    Csv,

    /// <summary>Tab-separated values.</summary>
    Tsv,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>One JSON object per line (<c>.jsonl</c> or <c>.ndjson</c>).</summary>
    JsonLines,
}

/// <summary>Tells a table's format from its file name.</summary>
public static class TableFormats
{
    /// <summary>The path that means stdin (reading) or stdout (writing).</summary>
    public const string StandardStream = "-";

    /// <summary>The extensions <see cref="Detect"/> understands, for messages and help text.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv", ".tsv", ".parquet", ".jsonl", ".ndjson"];

    /// <summary>
    /// <paramref name="forced"/> when given, otherwise the format implied by the extension of <paramref name="path"/>
    /// (case-insensitive); <c>-</c> (stdin/stdout) is CSV.
    /// </summary>
    /// <exception cref="InputException">the extension is not one of <see cref="Extensions"/>.</exception>
    public static TableFormat Detect(string path, TableFormat? forced = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (forced is { } format) return format;
        if (path == StandardStream) return TableFormat.Csv;
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => TableFormat.Csv,
            ".TSV" => TableFormat.Tsv,
            ".PARQUET" => TableFormat.Parquet,
            ".JSONL" or ".NDJSON" => TableFormat.JsonLines,
            _ => throw new InputException(
                $"cannot tell the format of '{path}' from its extension: use one of {string.Join(", ", Extensions)}",
                new SourceLocation(path)),
        };
    }
}
