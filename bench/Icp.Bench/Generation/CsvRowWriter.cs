using System.Buffers;
using System.Globalization;
using System.Text;

namespace Icp.Bench.Generation;

/// <summary>
/// Writes RFC 4180 CSV rows to a buffered UTF-8 stream (no BOM, <c>\n</c> line ends). Numbers are formatted
/// invariantly straight into a stack buffer, so writing a row allocates nothing beyond the caller's strings.
/// </summary>
internal sealed class CsvRowWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;
    private bool _rowStarted;

    public CsvRowWriter(Stream stream)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 20);
    }

    /// <summary>A text field, quoted only when it holds a comma, quote or line break; null or empty is a missing value.</summary>
    public void Text(ReadOnlySpan<char> value)
    {
        Separator();
        if (value.IndexOfAny(NeedsQuoting) < 0)
        {
            _writer.Write(value);
            return;
        }
        _writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"') _writer.Write('"');
            _writer.Write(c);
        }
        _writer.Write('"');
    }

    public void Missing() => Separator();

    public void Integer(long value)
    {
        Separator();
        Span<char> buffer = stackalloc char[24];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    public void Integer(long? value)
    {
        if (value is { } v) Integer(v);
        else Missing();
    }

    public void Date(DateOnly? value)
    {
        Separator();
        if (value is not { } d) return;
        Span<char> buffer = stackalloc char[10];
        d.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    public void Boolean(bool? value)
    {
        Separator();
        if (value is { } b) _writer.Write(b ? "true" : "false");
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
    }

    public void Dispose() => _writer.Dispose();

    private void Separator()
    {
        if (_rowStarted) _writer.Write(',');
        _rowStarted = true;
    }
}
