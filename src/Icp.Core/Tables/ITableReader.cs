namespace Icp.Core.Tables;

/// <summary>A forward-only source of rows (a CSV, Parquet or JSON-lines file, or stdin).</summary>
public interface ITableReader : IDisposable
{
    /// <summary>The file path, or "stdin": used in every error message.</summary>
    string SourceName { get; }

    /// <summary>Column names in file order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Clears <paramref name="batch"/> and fills it with up to its capacity; false when no row was read.</summary>
    /// <exception cref="InputException">malformed input, naming the line.</exception>
    bool ReadBatch(RowBatch batch);

    /// <summary>How far through the source the reader is, 0-1, when the size is known (for progress bars).</summary>
    double? Progress { get; }
}
