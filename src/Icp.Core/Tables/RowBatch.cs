namespace Icp.Core.Tables;

/// <summary>
/// A block of rows held as text in one reusable buffer. Readers fill it, the scorer reads fields as spans
/// (no per-row allocation), writers copy it out. An empty field is a missing value.
/// </summary>
/// <remarks>
/// Text is the common currency of every format: CSV fields are already text, Parquet and JSON values are
/// formatted invariantly. Keeping one representation makes the compiled evaluator format-agnostic.
/// </remarks>
public sealed class RowBatch
{
    private char[] _chars;
    private int _charCount;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly long[] _lines;
    private int _fieldInRow;

    public RowBatch(int columnCount, int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ColumnCount = columnCount;
        Capacity = capacity;
        _starts = new int[Math.Max(1, columnCount) * capacity];
        _lengths = new int[_starts.Length];
        _lines = new long[capacity];
        _chars = new char[Math.Max(256, capacity * Math.Max(1, columnCount) * 12)];
    }

    /// <summary>Columns per row.</summary>
    public int ColumnCount { get; }

    /// <summary>Maximum rows the batch holds.</summary>
    public int Capacity { get; }

    /// <summary>Rows currently held.</summary>
    public int Count { get; private set; }

    /// <summary>True when no more rows fit.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>The text of one field; empty when the value is missing.</summary>
    public ReadOnlySpan<char> this[int row, int column]
    {
        get
        {
            var i = row * ColumnCount + column;
            return _chars.AsSpan(_starts[i], _lengths[i]);
        }
    }

    /// <summary>Where the row came from in its source: 1-based line for text formats, record number otherwise.</summary>
    public long LineOf(int row) => _lines[row];

    /// <summary>Forgets every row, keeping the buffers.</summary>
    public void Clear()
    {
        Count = 0;
        _charCount = 0;
        _fieldInRow = 0;
    }

    /// <summary>Starts a row; add exactly <see cref="ColumnCount"/> fields, then call <see cref="EndRow"/>.</summary>
    public void BeginRow(long sourceLine)
    {
        if (IsFull) throw new InvalidOperationException("The batch is full.");
        _lines[Count] = sourceLine;
        _fieldInRow = 0;
    }

    /// <summary>Appends the next field of the current row.</summary>
    public void AddField(scoped ReadOnlySpan<char> value)
    {
        if (_fieldInRow >= ColumnCount) throw new InvalidOperationException("Too many fields for the row.");
        EnsureRoom(value.Length);
        value.CopyTo(_chars.AsSpan(_charCount));
        var i = Count * ColumnCount + _fieldInRow++;
        _starts[i] = _charCount;
        _lengths[i] = value.Length;
        _charCount += value.Length;
    }

    /// <summary>Reserves room for the next field and returns it to be written in place; commit with <see cref="CommitField"/>.</summary>
    public Span<char> GetFieldBuffer(int maxLength)
    {
        EnsureRoom(maxLength);
        return _chars.AsSpan(_charCount, maxLength);
    }

    /// <summary>Commits a field written through <see cref="GetFieldBuffer"/>.</summary>
    public void CommitField(int length)
    {
        if (_fieldInRow >= ColumnCount) throw new InvalidOperationException("Too many fields for the row.");
        var i = Count * ColumnCount + _fieldInRow++;
        _starts[i] = _charCount;
        _lengths[i] = length;
        _charCount += length;
    }

    /// <summary>Finishes the current row.</summary>
    public void EndRow()
    {
        if (_fieldInRow != ColumnCount)
            throw new InvalidOperationException($"Row has {_fieldInRow} fields, expected {ColumnCount}.");
        Count++;
        _fieldInRow = 0;
    }

    /// <summary>Copies one row of another batch with the same column count.</summary>
    public void CopyRowFrom(RowBatch source, int row)
    {
        ArgumentNullException.ThrowIfNull(source);
        BeginRow(source.LineOf(row));
        for (var c = 0; c < ColumnCount; c++) AddField(source[row, c]);
        EndRow();
    }

    private void EnsureRoom(int extra)
    {
        if (_charCount + extra <= _chars.Length) return;
        var size = Math.Max(_chars.Length * 2, _charCount + extra);
        Array.Resize(ref _chars, size);
    }
}
