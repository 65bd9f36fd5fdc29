using FsCheck;
using FsCheck.Fluent;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Icp.TestSupport;

namespace Icp.Data.Tests.Tables;

public sealed class CsvTableWriterTests : IDisposable
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure.WithReplay(0xC5F_2025UL, 0x9E37_79B9_7F4A_7C15UL).WithMaxTest(200);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void WriteTable(string path, string[] columns, string[][] rows, int extraColumns = 0, TableFormat? format = null)
    {
        var inputColumns = columns.Length - extraColumns;
        using var writer = TableWriters.Create(path, columns, format);
        writer.Write(
            Table.Of(columns[..inputColumns], [.. rows.Select(r => r[..inputColumns])]),
            extraColumns == 0 ? null : Table.Of(columns[inputColumns..], [.. rows.Select(r => r[inputColumns..])]));
        writer.Commit();
    }

    [Fact]
    public void Fields_are_quoted_only_when_needed()
    {
        var path = _dir.File("out.csv");
        WriteTable(path, ["a", "b"], [["plain", "has,comma"], ["say \"hi\"", "two\nlines"], [" lead", "trail "], ["", "cr\rhere"]]);
        Assert.Equal("a,b\nplain,\"has,comma\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n\" lead\",\"trail \"\n,\"cr\rhere\"\n", File.ReadAllText(path));
    }

    [Fact]
    public void Output_is_utf8_without_bom_and_extra_columns_follow_the_input_columns()
    {
        var path = _dir.File("out.csv");
        WriteTable(path, ["name", "icp_score"], [["Malmö AB", "87"]], extraColumns: 1);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("name,icp_score\nMalmö AB,87\n"u8.ToArray(), bytes);
    }

    [Fact]
    public void Tsv_quotes_fields_with_tabs_not_commas()
    {
        var path = _dir.File("out.tsv");
        WriteTable(path, ["a", "b"], [["x,y", "t\tab"]]);
        Assert.Equal("a\tb\nx,y\t\"t\tab\"\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_single_empty_column_value_survives_as_a_quoted_empty_field()
    {
        var path = _dir.File("out.csv");
        WriteTable(path, ["a"], [["x"], [""], ["y"]]);
        Assert.Equal([["x"], [""], ["y"]], ReadBack.Of(path).Rows);
    }

    [Fact]
    public void Fields_larger_than_the_write_buffer_are_written_whole()
    {
        var path = _dir.File("out.csv");
        var big = string.Concat(Enumerable.Repeat("é,\"x\"\n", 400_000));
        WriteTable(path, ["a", "b"], [[big, "1"]]);
        Assert.Equal([big, "1"], Assert.Single(ReadBack.Of(path).Rows));
    }

    [Fact]
    public void Random_text_survives_csv_write_then_read()
    {
        // Commas, quotes, CR, LF, spaces and non-ASCII are the characters that need care; no lone surrogates.
        var chars = Gen.Elements(',', '"', '\n', '\r', ' ', ';', '\t', '|', 'a', 'Z', '0', 'é', '日');
        var text = Gen.ArrayOf(chars).Select(c => new string(c));
        var rows = from columns in Gen.Choose(1, 4)
                   from body in Gen.ListOf(Gen.ArrayOf(text, columns))
                   select (columns, body.ToArray());
        var run = 0;
        Prop.ForAll(rows.ToArbitrary(), c =>
        {
            var columns = Enumerable.Range(1, c.columns).Select(i => $"c{i}").ToArray();
            var path = _dir.File($"p{run++}.csv");
            WriteTable(path, columns, c.Item2);
            var back = ReadBack.Of(path);
            return back.Columns.SequenceEqual(columns)
                && back.Rows.Count == c.Item2.Length
                && back.Rows.Zip(c.Item2).All(p => p.First.SequenceEqual(p.Second));
        }).Check(Fixed);
    }

    [Fact]
    public void Disposing_without_commit_leaves_no_file_and_no_temp_file()
    {
        var path = _dir.File("out.csv");
        using (var writer = TableWriters.Create(path, ["a"]))
            writer.Write(Table.Of(["a"], ["1"]), null);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Disposing_without_commit_keeps_the_old_content()
    {
        var path = _dir.Write("out.csv", "old\n");
        using (var writer = TableWriters.Create(path, ["a"]))
        {
            writer.Write(Table.Of(["a"], ["1"]), null);
            Assert.Equal(2, _dir.Files().Count); // the temp file sits beside the target
        }
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], _dir.Files());
    }

    [Fact]
    public void Commit_replaces_the_old_content_and_leaves_no_temp_file()
    {
        var path = _dir.Write("out.csv", "old\n");
        WriteTable(path, ["a"], [["1"]]);
        Assert.Equal("a\n1\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], _dir.Files());
    }

    [Fact]
    public void Writing_into_a_missing_directory_is_an_input_error()
    {
        var e = Assert.Throws<Icp.Core.InputException>(() => TableWriters.Create(_dir.File("no/such/out.csv"), ["a"]));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_with_the_wrong_shape_are_rejected()
    {
        using var writer = TableWriters.Create(_dir.File("out.csv"), ["a", "b"]);
        Assert.Throws<ArgumentException>(() => writer.Write(Table.Of(["a"], ["1"]), null));
    }
}
