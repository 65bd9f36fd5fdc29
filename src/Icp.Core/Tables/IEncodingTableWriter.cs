using System.Buffers;

namespace Icp.Core.Tables;

/// <summary>
/// A writer whose text encoding can run on any thread. The scoring pipeline encodes batches in parallel with
/// <see cref="Encode"/> and hands the bytes, in input order, to <see cref="WriteEncoded"/>, so the one ordered
/// writer thread only copies bytes instead of formatting every field.
/// </summary>
public interface IEncodingTableWriter : ITableWriter
{
    /// <summary>Appends the encoded rows of <paramref name="input"/> (and <paramref name="extra"/>) to <paramref name="destination"/>. Thread-safe.</summary>
    void Encode(RowBatch input, RowBatch? extra, IBufferWriter<byte> destination);

    /// <summary>Writes bytes produced by <see cref="Encode"/>, after everything written so far.</summary>
    void WriteEncoded(ReadOnlySpan<byte> encoded);
}
