using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Icp.Core.Tables;

namespace Icp.Data.Tables;

/// <summary>
/// Writes one JSON object per line, keys in column order, every value a JSON string except empty fields, which
/// are written as null (an empty field is a missing value).
/// </summary>
internal sealed class JsonLinesTableWriter : ITableWriter
{
    private const int FlushAt = 1 << 20;

    private readonly OutputFile _output;
    private readonly JsonEncodedText[] _keys;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt + (FlushAt >> 2));
    private readonly Utf8JsonWriter _json;

    public JsonLinesTableWriter(OutputFile output, IReadOnlyList<string> columns)
    {
        _output = output;
        // Relaxed escaping keeps non-ASCII text readable; the output is data, not HTML.
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        _keys = [.. columns.Select(c => JsonEncodedText.Encode(c, encoder))];
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });
    }

    public void Write(RowBatch input, RowBatch? extra)
    {
        TableWriters.CheckShapes(input, extra, _keys.Length);
        for (var row = 0; row < input.Count; row++)
        {
            _json.WriteStartObject();
            for (var c = 0; c < input.ColumnCount; c++) WriteValue(_keys[c], input[row, c]);
            for (var c = 0; c < (extra?.ColumnCount ?? 0); c++) WriteValue(_keys[input.ColumnCount + c], extra![row, c]);
            _json.WriteEndObject();
            _json.Flush();
            _json.Reset();
            _buffer.Write("\n"u8);
            if (_buffer.WrittenCount >= FlushAt) Flush();
        }
    }

    public void Commit()
    {
        Flush();
        _output.Commit();
    }

    public void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }

    private void WriteValue(JsonEncodedText key, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) _json.WriteNull(key);
        else _json.WriteString(key, value);
    }

    private void Flush()
    {
        _output.Stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}
