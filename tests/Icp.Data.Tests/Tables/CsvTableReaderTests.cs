using System.Text;
using Icp.Core;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Icp.TestSupport;

namespace Icp.Data.Tests.Tables;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private InputException Fails(string name, string text) => Fails(_dir.Write(name, text));

    private static InputException Fails(string path) => Assert.Throws<InputException>(() => ReadBack.Of(path));

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void Delimiter_is_sniffed_from_the_header(string delimiter)
    {
        var path = _dir.Write("a.csv", $"name{delimiter}employees{delimiter}note\nAcme{delimiter}250{delimiter}\"x{delimiter}y\"\n");
        var table = ReadBack.Of(path);
        Assert.Equal(["name", "employees", "note"], table.Columns);
        Assert.Equal(["Acme", "250", $"x{delimiter}y"], Assert.Single(table.Rows));
    }

    [Fact]
    public void Tsv_uses_tabs_even_when_the_header_has_more_commas()
    {
        var path = _dir.Write("a.tsv", "a,b\tc\n1,2\t3\n");
        var table = ReadBack.Of(path);
        Assert.Equal(["a,b", "c"], table.Columns);
        Assert.Equal(["1,2", "3"], Assert.Single(table.Rows));
    }

    [Fact]
    public void Utf8_bom_is_not_part_of_the_first_column_name()
    {
        var path = _dir.WriteBytes("a.csv", [.. "\uFEFF"u8, .. "name,city\nÅsa,Malmö\n"u8]);
        var table = ReadBack.Of(path);
        Assert.Equal(["name", "city"], table.Columns);
        Assert.Equal(["Åsa", "Malmö"], Assert.Single(table.Rows));
    }

    [Fact]
    public void Header_names_are_trimmed()
    {
        var table = ReadBack.Of(_dir.Write("a.csv", " name , city\n1,2\n"));
        Assert.Equal(["name", "city"], table.Columns);
    }

    [Fact]
    public void Quoted_newlines_and_doubled_quotes_are_values_and_later_records_keep_their_line_numbers()
    {
        var path = _dir.Write("a.csv", "id,note\n1,\"two\nlines\"\n2,\"he said \"\"hi\"\"\"\n3,\"a\n\nb\"\n4,end\n");
        var table = ReadBack.Of(path);
        Assert.Equal(["two\nlines", "he said \"hi\"", "a\n\nb", "end"], table.Rows.Select(r => r[1]));
        Assert.Equal([2L, 4, 5, 8], table.Lines);
    }

    [Fact]
    public void Old_mac_cr_line_endings_are_line_ends()
    {
        var table = ReadBack.Of(_dir.Write("a.csv", "a,b\r1,2\r3,\"x\ry\"\r5,6"));
        Assert.Equal([["1", "2"], ["3", "x\ry"], ["5", "6"]], table.Rows);
        Assert.Equal([2L, 3, 5], table.Lines);
    }

    [Fact]
    public void Crlf_line_endings_are_line_ends()
    {
        var table = ReadBack.Of(_dir.Write("a.csv", "a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n5,6\r\n"));
        Assert.Equal([["1", "2"], ["3", "x\r\ny"], ["5", "6"]], table.Rows);
        Assert.Equal([2L, 3, 5], table.Lines);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var table = ReadBack.Of(_dir.Write("a.csv", "a,b\n\n1,2\n\n\n3,4\n\n"));
        Assert.Equal([["1", "2"], ["3", "4"]], table.Rows);
        Assert.Equal([3L, 6], table.Lines);
    }

    [Fact]
    public void Header_only_file_has_columns_and_no_rows()
    {
        var table = ReadBack.Of(_dir.Write("a.csv", "a,b\n"));
        Assert.Equal(["a", "b"], table.Columns);
        Assert.Empty(table.Rows);
    }

    [Fact]
    public void Trailing_delimiter_on_every_line_drops_the_unnamed_last_column()
    {
        var table = ReadBack.Of(_dir.Write("a.csv", "a,b,\n1,2,\n3,,\n"));
        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal([["1", "2"], ["3", ""]], table.Rows);
    }

    [Fact]
    public void A_value_under_the_unnamed_trailing_column_is_an_error()
    {
        var e = Fails("a.csv", "a,b,\n1,2,\n3,4,5\n");
        Assert.Equal(3, e.Location?.Line);
        Assert.Contains("field 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_across_several_batches_keep_their_order()
    {
        var text = new StringBuilder("n,square\n");
        for (var i = 0; i < 1000; i++) text.Append(i).Append(',').Append(i * i).Append('\n');
        var table = ReadBack.Of(_dir.Write("a.csv", text.ToString()), capacity: 7);
        Assert.Equal(143, table.Batches);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i.ToString()), table.Rows.Select(r => r[0]));
        Assert.Equal(Enumerable.Range(2, 1000).Select(i => (long)i), table.Lines);
    }

    [Fact]
    public void Progress_reaches_one_at_the_end_of_a_file()
    {
        using var reader = TableReaders.Open(_dir.Write("a.csv", "a\n1\n2\n"));
        ReadBack.Of(reader);
        Assert.Equal(1.0, reader.Progress);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var e = Fails(_dir.File("nope.csv"));
        Assert.StartsWith("file not found: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("nope.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_asks_for_a_header_row()
    {
        var e = Fails("empty.csv", "");
        Assert.Contains("empty.csv is empty: expected a header row", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_column_names_the_column_and_its_position()
    {
        var e = Fails("a.csv", "id,name,id\n1,2,3\n");
        Assert.Contains("'id'", e.Message, StringComparison.Ordinal);
        Assert.Contains("column 3", e.Message, StringComparison.Ordinal);
        Assert.Equal("a.csv", Path.GetFileName(e.Location?.Source));
        Assert.Equal(1, e.Location?.Line);
    }

    [Fact]
    public void Empty_column_name_names_its_position()
    {
        var e = Fails("a.csv", "id,,name\n1,2,3\n");
        Assert.Contains("column 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_quote_names_the_line_where_the_field_started()
    {
        var e = Fails("a.csv", "a,b\n1,2\n3,\"open\n4,5\n6,7\n");
        Assert.Contains("unclosed quote", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Location?.Line);
        Assert.Contains("a.csv:3", e.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Row_with_fewer_fields_names_its_line_and_the_counts()
    {
        var e = Fails("a.csv", "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n");
        Assert.Equal(5, e.Location?.Line);
        Assert.Contains("expected 3 fields, found 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("a.csv:5", e.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Row_with_more_fields_names_its_line_and_the_counts()
    {
        var e = Fails("a.csv", "a,b\r1,2\r3,4,5\r");
        Assert.Equal(3, e.Location?.Line);
        Assert.Contains("expected 2 fields, found 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_file_names_the_line_and_byte_offset_and_says_how_to_convert()
    {
        var bytes = Encoding.Latin1.GetBytes("name,city\nAcme,Paris\nBeta,Malmö\n");
        var e = Fails(_dir.WriteBytes("latin1.csv", bytes));
        Assert.Equal(3, e.Location?.Line);
        Assert.Contains("byte offset 30", e.Message, StringComparison.Ordinal);
        Assert.Contains("the file is not UTF-8; convert it with iconv -f latin1 -t utf-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("latin1.csv:3", e.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_far_into_a_large_file_names_the_right_line()
    {
        var text = new StringBuilder("a,b\n");
        for (var i = 0; i < 20_000; i++) text.Append("row,").Append(i).Append("\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { (byte)'x', 0xFF, (byte)',', (byte)'1', (byte)'\n' }).ToArray();
        var e = Fails(_dir.WriteBytes("big.csv", bytes));
        Assert.Equal(20_002, e.Location?.Line);
        Assert.Contains($"byte offset {bytes.Length - 4}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crunchbase_sample_reads_with_its_cr_line_endings()
    {
        var path = Path.Combine(Repository.Root, "samples", "crunchbase", "companies.csv");
        if (!File.Exists(path)) Assert.Skip("the Crunchbase sample is not in this checkout");
        var table = ReadBack.Of(path, capacity: 100);
        Assert.NotEmpty(table.Rows);
        Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Length));
    }
}
