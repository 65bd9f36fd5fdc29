using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Icp.Core;
using Icp.Core.Tables;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Icp.Data.Tables;

/// <summary>
/// Reads Parquet row group by row group, column by column, formatting every value as invariant text:
/// numbers round-trip, dates ISO 8601 (<c>yyyy-MM-dd</c>, or <c>yyyy-MM-ddTHH:mm:ss</c> when there is a time),
/// booleans true/false, byte arrays as UTF-8, lists as JSON arrays; null (and an empty list) as empty.
/// A row's "line" is its 1-based row number.
/// </summary>
internal sealed class ParquetTableReader : ITableReader
{
    private readonly ParquetReader _reader;
    private readonly DataField[] _fields;
    private readonly string[] _columns;
    private readonly ColumnText[] _texts;
    private int _group = -1;
    private long _rowsInGroup;
    private long _rowInGroup;
    private long _rowsBefore;
    private readonly long _totalRows;

    public ParquetTableReader(Stream stream, string sourceName)
    {
        SourceName = sourceName;
        try
        {
            _reader = ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true })
                .GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException)
        {
            stream.Dispose();
            throw new InputException($"{sourceName} is not a Parquet file: {e.Message}", new SourceLocation(sourceName), e);
        }
        var fields = new List<DataField>();
        var columns = new List<string>();
        foreach (var field in _reader.Schema.Fields) Flatten(field, "", fields, columns);
        _fields = [.. fields];
        _columns = [.. columns];
        _texts = [.. _fields.Select(_ => new ColumnText())];
        for (var g = 0; g < _reader.RowGroupCount; g++) _totalRows += _reader.OpenRowGroupReader(g).RowCount;
    }

    public string SourceName { get; }

    public IReadOnlyList<string> Columns => _columns;

    public double? Progress => _totalRows == 0 ? 1 : (double)(_rowsBefore + _rowInGroup) / _totalRows;

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.ColumnCount != _columns.Length)
            throw new ArgumentException($"batch has {batch.ColumnCount} columns, the table {_columns.Length}", nameof(batch));
        batch.Clear();
        while (!batch.IsFull)
        {
            if (_rowInGroup == _rowsInGroup && !NextGroup()) break;
            var row = (int)_rowInGroup++;
            batch.BeginRow(_rowsBefore + row + 1);
            foreach (var text in _texts) batch.AddField(text[row]);
            batch.EndRow();
        }
        return batch.Count > 0;
    }

    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private bool NextGroup()
    {
        _rowsBefore += _rowsInGroup;
        _rowInGroup = 0;
        _rowsInGroup = 0;
        while (_rowsInGroup == 0)
        {
            if (++_group >= _reader.RowGroupCount) return false;
            var group = _reader.OpenRowGroupReader(_group);
            _rowsInGroup = group.RowCount;
            for (var c = 0; c < _fields.Length; c++)
            {
                using var raw = group.ReadRawColumnDataBaseAsync(_fields[c]).AsTask().GetAwaiter().GetResult();
                _texts[c].Fill(_fields[c], raw, (int)_rowsInGroup);
            }
        }
        return true;
    }

    /// <summary>Top-level and struct fields become columns ("a.b"); a list of scalars becomes one JSON-array column.</summary>
    private void Flatten(Field field, string prefix, List<DataField> fields, List<string> columns)
    {
        var name = prefix + field.Name;
        switch (field)
        {
            case DataField data when data.MaxRepetitionLevel == 0 || data.IsArray:
                fields.Add(data);
                columns.Add(name);
                break;
            case ListField { Item: DataField item } when item.MaxRepetitionLevel == 1:
                fields.Add(item);
                columns.Add(name);
                break;
            case StructField group when group.MaxRepetitionLevel == 0:
                foreach (var child in group.Fields) Flatten(child, name + ".", fields, columns);
                break;
            default:
                throw new InputException(
                    $"column '{name}' is a {field.SchemaType} of nested values, which icp cannot read; flatten it first",
                    new SourceLocation(SourceName, 0, 0, name));
        }
    }

    /// <summary>One column of a row group as text: one buffer, a span per row.</summary>
    private sealed class ColumnText
    {
        private static readonly JavaScriptEncoder JsonText = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        private readonly StringBuilder _list = new();
        private char[] _chars = new char[4096];
        private char[] _formatted = new char[64];
        private int _length;
        private int[] _starts = [];
        private int[] _lengths = [];

        public ReadOnlySpan<char> this[int row] => _chars.AsSpan(_starts[row], _lengths[row]);

        public void Fill(DataField field, RawColumnData raw, int rows)
        {
            if (_starts.Length < rows)
            {
                _starts = new int[rows];
                _lengths = new int[rows];
            }
            _length = 0;
            switch (raw)
            {
                case RawColumnData<ReadOnlyMemory<char>> d: Fill(field, raw, d.Values, rows, static (v, _) => v.Span); break;
                case RawColumnData<bool> d: Fill(field, raw, d.Values, rows, static (v, _) => v ? "true" : "false"); break;
                case RawColumnData<DateOnly> d: Fill(field, raw, d.Values, rows, static (v, _) => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                case RawColumnData<DateTime> d: Fill(field, raw, d.Values, rows, static (v, _) => FormatDateTime(v)); break;
                case RawColumnData<DateTimeOffset> d: Fill(field, raw, d.Values, rows, static (v, _) => FormatDateTime(v.UtcDateTime)); break;
                case RawColumnData<TimeOnly> d: Fill(field, raw, d.Values, rows, static (v, _) => v.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
                case RawColumnData<TimeSpan> d: Fill(field, raw, d.Values, rows, static (v, _) => v.ToString("c", CultureInfo.InvariantCulture)); break;
                case RawColumnData<ReadOnlyMemory<byte>> d: Fill(field, raw, d.Values, rows, static (v, _) => Encoding.UTF8.GetString(v.Span)); break;
                case RawColumnData<int> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<long> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<short> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<sbyte> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<byte> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<ushort> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<uint> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<ulong> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<float> d: FillNumbers(field, raw, d.Values, rows, "R"); break;
                case RawColumnData<double> d: FillNumbers(field, raw, d.Values, rows, "R"); break;
                case RawColumnData<Half> d: FillNumbers(field, raw, d.Values, rows, "R"); break;
                case RawColumnData<decimal> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<BigInteger> d: FillNumbers(field, raw, d.Values, rows); break;
                case RawColumnData<Guid> d: FillNumbers(field, raw, d.Values, rows); break;
                default:
                    throw new InputException($"column '{field.Name}' has a type icp cannot read ({field.ClrType.Name})");
            }
        }

        private static string FormatDateTime(DateTime v) =>
            v.TimeOfDay == TimeSpan.Zero
                ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : v.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        private void FillNumbers<T>(DataField field, RawColumnData raw, Span<T> values, int rows, string? format = null)
            where T : ISpanFormattable =>
            Fill(field, raw, values, rows, (v, self) => self.Format(v, format));

        private ReadOnlySpan<char> Format<T>(T value, string? format) where T : ISpanFormattable
        {
            // Into a scratch buffer, not a string: the caller copies it into the column text.
            while (true)
            {
                if (value.TryFormat(_formatted, out var written, format, CultureInfo.InvariantCulture))
                    return _formatted.AsSpan(0, written);
                _formatted = new char[_formatted.Length * 2];
            }
        }

        private delegate ReadOnlySpan<char> Formatter<T>(T value, ColumnText self);

        private void Fill<T>(DataField field, RawColumnData raw, Span<T> values, int rows, Formatter<T> format)
        {
            var maxDefinition = field.MaxDefinitionLevel;
            if (field.MaxRepetitionLevel > 0)
            {
                FillLists(field, raw, values, rows, format);
                return;
            }
            var levels = maxDefinition > 0 ? raw.DefinitionLevels : default;
            var next = 0;
            for (var row = 0; row < rows; row++)
            {
                _starts[row] = _length;
                _lengths[row] = 0;
                if (maxDefinition > 0 && levels[row] != maxDefinition) continue;
                Append(format(values[next++], this));
                _lengths[row] = _length - _starts[row];
            }
        }

        private void FillLists<T>(DataField field, RawColumnData raw, Span<T> values, int rows, Formatter<T> format)
        {
            var definitions = raw.DefinitionLevels;
            var repetitions = raw.RepetitionLevels;
            var maxDefinition = field.MaxDefinitionLevel;
            var elementLevel = field.IsNullable ? maxDefinition - 1 : maxDefinition; // at or above: an element exists
            var row = -1;
            var next = 0;
            for (var i = 0; i < definitions.Length; i++)
            {
                if (repetitions[i] == 0)
                {
                    if (row >= 0) EndList(row);
                    row++;
                    _list.Clear();
                }
                if (definitions[i] < elementLevel) continue; // null or empty list
                _list.Append(_list.Length == 0 ? '[' : ',');
                if (definitions[i] < maxDefinition)
                {
                    _list.Append("null");
                    continue;
                }
                var text = format(values[next++], this);
                if (typeof(T) == typeof(bool) || IsNumber<T>()) _list.Append(text);
                else _list.Append('"').Append(JsonEncodedText.Encode(text, JsonText).Value).Append('"');
            }
            if (row >= 0) EndList(row);
            for (row++; row < rows; row++)
            {
                _starts[row] = _length;
                _lengths[row] = 0;
            }
        }

        private static bool IsNumber<T>() => typeof(T).IsPrimitive || typeof(T) == typeof(decimal) || typeof(T) == typeof(BigInteger) || typeof(T) == typeof(Half);

        private void EndList(int row)
        {
            _starts[row] = _length;
            if (_list.Length > 0)
            {
                _list.Append(']');
                Reserve(_list.Length);
                _list.CopyTo(0, _chars.AsSpan(_length), _list.Length);
                _length += _list.Length;
            }
            _lengths[row] = _length - _starts[row];
        }

        private void Append(ReadOnlySpan<char> text)
        {
            Reserve(text.Length);
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        private void Reserve(int chars)
        {
            if (_length + chars > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + chars));
        }
    }
}
