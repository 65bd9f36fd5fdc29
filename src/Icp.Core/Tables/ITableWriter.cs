namespace Icp.Core.Tables;

/// <summary>
/// A destination for rows: the input columns followed by extra (computed) columns. Output goes to a temporary
/// file that only <see cref="Commit"/> moves into place, so a failed or killed run never leaves half a file.
/// </summary>
public interface ITableWriter : IDisposable
{
    /// <summary>Writes every row of <paramref name="input"/>, each followed by the same row of <paramref name="extra"/>.</summary>
    void Write(RowBatch input, RowBatch? extra);

    /// <summary>Flushes and publishes the output. Disposing without committing discards it.</summary>
    void Commit();
}
