using System.Text;
using Icp.Core;
using Icp.Data.Tables;
using Icp.TestSupport;

namespace Icp.Data.Tests.Tables;

public sealed class JsonLinesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Columns_are_the_union_of_keys_in_first_seen_order_and_values_are_text()
    {
        var path = _dir.Write("a.jsonl",
            "{\"name\":\"Acme\",\"employees\":250,\"tech\":[\"Salesforce\", \"Slack\"]}\n" +
            "\n" +
            "{\"name\":\"Beta\",\"public\":true,\"employees\":1.5e3,\"hq\":{\"city\": \"Oslo\"}}\r\n" +
            "{\"employees\":null,\"public\":false,\"name\":\"Gamma \\\"G\\\" \\u00e9\"}");
        var table = ReadBack.Of(path);
        Assert.Equal(["name", "employees", "tech", "public", "hq"], table.Columns);
        Assert.Equal(
            [
                ["Acme", "250", "[\"Salesforce\",\"Slack\"]", "", ""],
                ["Beta", "1.5e3", "", "true", "{\"city\":\"Oslo\"}"],
                ["Gamma \"G\" é", "", "", "false", ""],
            ],
            table.Rows);
        Assert.Equal([1L, 3, 4], table.Lines);
    }

    [Fact]
    public void A_new_key_after_the_first_thousand_lines_names_the_line_and_key()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 1000; i++) text.Append("{\"id\":").Append(i).Append("}\n");
        text.Append("{\"id\":1000,\"surprise\":1}\n");
        var path = _dir.Write("a.jsonl", text.ToString());
        var e = Assert.Throws<InputException>(() => ReadBack.Of(path, capacity: 64));
        Assert.Equal(1001, e.Location?.Line);
        Assert.Contains("'surprise'", e.Message, StringComparison.Ordinal);
        Assert.Contains("a.jsonl:1001", e.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_line_names_the_line_and_byte_position()
    {
        var path = _dir.Write("a.jsonl", "{\"a\":1}\n{\"a\":2\n{\"a\":3}\n");
        var e = Assert.Throws<InputException>(() => ReadBack.Of(path));
        Assert.Equal(2, e.Location?.Line);
        Assert.Contains("malformed JSON at byte", e.Message, StringComparison.Ordinal);
        Assert.True(e.Location?.Column > 0);
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_malformed()
    {
        var path = _dir.Write("a.jsonl", "{\"a\":1}\n[1,2]\n");
        var e = Assert.Throws<InputException>(() => ReadBack.Of(path));
        Assert.Equal(2, e.Location?.Line);
    }

    [Fact]
    public void Non_utf8_line_says_how_to_convert()
    {
        var bytes = Encoding.Latin1.GetBytes("{\"a\":\"x\"}\n{\"a\":\"Malmö\"}\n");
        var e = Assert.Throws<InputException>(() => ReadBack.Of(_dir.WriteBytes("a.jsonl", bytes)));
        Assert.Equal(2, e.Location?.Line);
        Assert.Contains("not UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("byte offset 20", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_json_lines_read_back_with_empty_fields_as_null()
    {
        var path = _dir.File("out.jsonl");
        using (var writer = TableWriters.Create(path, ["name", "tech", "icp_score"]))
        {
            writer.Write(
                Table.Of(["name", "tech"], ["Acme \"A\"", "[\"Salesforce\",\"Slack\"]"], ["Beta\nline", ""]),
                Table.Of(["icp_score"], ["87"], ["12"]));
            writer.Commit();
        }
        var lines = File.ReadAllLines(path);
        Assert.Equal("{\"name\":\"Acme \\\"A\\\"\",\"tech\":\"[\\\"Salesforce\\\",\\\"Slack\\\"]\",\"icp_score\":\"87\"}", lines[0]);
        Assert.Equal("{\"name\":\"Beta\\nline\",\"tech\":null,\"icp_score\":\"12\"}", lines[1]);
        var back = ReadBack.Of(path);
        Assert.Equal(["name", "tech", "icp_score"], back.Columns);
        Assert.Equal([["Acme \"A\"", "[\"Salesforce\",\"Slack\"]", "87"], ["Beta\nline", "", "12"]], back.Rows);
    }

    [Fact]
    public void Rows_across_several_batches_keep_their_order()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 2500; i++) text.Append("{\"n\":").Append(i).Append("}\n");
        var table = ReadBack.Of(_dir.Write("a.ndjson", text.ToString()), capacity: 100);
        Assert.Equal(25, table.Batches);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => i.ToString()), table.Rows.Select(r => r[0]));
    }
}
