using System.Text.Unicode;
using Icp.Core;

namespace Icp.Data.Tables;

/// <summary>
/// Decodes a byte stream as strict UTF-8 (BOM skipped), counting line breaks so that an invalid byte can be
/// reported by line and byte offset. <see cref="StreamReader"/> would either replace bad bytes silently or throw
/// without saying where.
/// </summary>
internal sealed class Utf8TextReader : TextReader
{
    private readonly Stream _stream;
    private readonly string _source;
    private readonly byte[] _bytes = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _offsetOfBuffer;     // absolute offset of _bytes[0]
    private long _lineBreaks;         // in the bytes decoded so far
    private long _lineStartOffset;    // absolute offset where the current line starts
    private bool _lastWasCr;
    private char[] _peeked = [];
    private int _peekedStart;
    private int _peekedEnd;
    private char? _pendingLowSurrogate;

    public Utf8TextReader(Stream stream, string source)
    {
        _stream = stream;
        _source = source;
        Fill();
        if (_bytes.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8)) _start += 3;
        _lineStartOffset = _start;
    }

    /// <summary>Bytes handed to the decoder so far (for progress).</summary>
    public long BytesConsumed => _offsetOfBuffer + _start;

    /// <summary>Decodes up to <paramref name="maxChars"/> characters ahead without consuming them (delimiter sniffing).</summary>
    public ReadOnlySpan<char> Peek(int maxChars)
    {
        if (_peekedEnd - _peekedStart == 0)
        {
            if (_peeked.Length < maxChars) _peeked = new char[maxChars];
            _peekedStart = 0;
            _peekedEnd = 0;
            int n;
            while (_peekedEnd < maxChars && (n = Decode(_peeked.AsSpan(_peekedEnd, maxChars - _peekedEnd))) > 0) _peekedEnd += n;
        }
        return _peeked.AsSpan(_peekedStart, _peekedEnd - _peekedStart);
    }

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_peekedEnd > _peekedStart)
        {
            var n = Math.Min(buffer.Length, _peekedEnd - _peekedStart);
            _peeked.AsSpan(_peekedStart, n).CopyTo(buffer);
            _peekedStart += n;
            return n;
        }
        return Decode(buffer);
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => -1;

    private int Decode(Span<char> buffer)
    {
        if (_pendingLowSurrogate is { } low)
        {
            buffer[0] = low;
            _pendingLowSurrogate = null;
            return 1;
        }
        while (true)
        {
            if (_start == _end)
            {
                if (_eof) return 0;
                Fill();
                continue;
            }
            var bytes = _bytes.AsSpan(_start, _end - _start);
            if (buffer.Length == 1)
            {
                // A supplementary character needs two chars: decode into a pair, hand out one now.
                Span<char> pair = stackalloc char[2];
                var written = Decode(pair);
                if (written == 2) _pendingLowSurrogate = pair[1];
                if (written > 0) buffer[0] = pair[0];
                return Math.Min(written, 1);
            }
            var status = Utf8.ToUtf16(bytes, buffer, out var read, out var charsWritten, replaceInvalidSequences: false, isFinalBlock: _eof);
            CountLineBreaks(bytes[..read]);
            _start += read;
            if (status == System.Buffers.OperationStatus.InvalidData) throw InvalidUtf8(_source, _lineBreaks + 1, BytesConsumed, BytesConsumed - _lineStartOffset);
            if (charsWritten > 0) return charsWritten;
            if (status == System.Buffers.OperationStatus.NeedMoreData) Fill();
        }
    }

    /// <summary>The error for a byte sequence that is not UTF-8, shared with the JSON lines reader.</summary>
    internal static InputException InvalidUtf8(string source, long line, long byteOffset, long byteInLine) =>
        new($"invalid UTF-8 byte sequence at byte offset {byteOffset}: the file is not UTF-8; convert it with iconv -f latin1 -t utf-8",
            new SourceLocation(source, line, (int)Math.Min(int.MaxValue, byteInLine + 1)));

    private void Fill()
    {
        // Keep an incomplete multi-byte sequence at the front and read more behind it.
        var remaining = _end - _start;
        Buffer.BlockCopy(_bytes, _start, _bytes, 0, remaining);
        _offsetOfBuffer += _start;
        _start = 0;
        _end = remaining;
        while (_end < _bytes.Length)
        {
            var n = _stream.Read(_bytes, _end, _bytes.Length - _end);
            if (n == 0)
            {
                _eof = true;
                break;
            }
            _end += n;
            if (n < 4096) break; // a pipe delivering little at a time: don't block waiting for a full buffer
        }
    }

    private void CountLineBreaks(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        var lf = bytes.Count((byte)'\n');
        var breaks = lf;
        if (bytes.Contains((byte)'\r'))
        {
            // Lone CR (old Mac) counts; CR LF counts once, also when split across reads.
            breaks += bytes.Count((byte)'\r') - bytes.Count("\r\n"u8);
        }
        if (_lastWasCr && bytes[0] == (byte)'\n') breaks--;
        _lastWasCr = bytes[^1] == (byte)'\r';
        _lineBreaks += breaks;
        var last = bytes.LastIndexOfAny((byte)'\r', (byte)'\n');
        if (last >= 0) _lineStartOffset = BytesConsumed + last + 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _stream.Dispose();
        base.Dispose(disposing);
    }
}
