using Icp.Core;
using Icp.Data.Tables;

namespace Icp.Data.Tests.Tables;

public sealed class TableFormatTests
{
    [Theory]
    [InlineData("a.csv", TableFormat.Csv)]
    [InlineData("dir/A.CSV", TableFormat.Csv)]
    [InlineData("a.tsv", TableFormat.Tsv)]
    [InlineData("a.parquet", TableFormat.Parquet)]
    [InlineData("a.jsonl", TableFormat.JsonLines)]
    [InlineData("a.ndjson", TableFormat.JsonLines)]
    [InlineData("-", TableFormat.Csv)]
    public void Format_follows_the_extension(string path, TableFormat expected) =>
        Assert.Equal(expected, TableFormats.Detect(path));

    [Fact]
    public void A_forced_format_wins_over_the_extension_and_stdin() =>
        Assert.Equal(TableFormat.JsonLines, TableFormats.Detect("-", TableFormat.JsonLines));

    [Fact]
    public void Unknown_extension_names_the_file_and_the_supported_extensions()
    {
        var e = Assert.Throws<InputException>(() => TableFormats.Detect("accounts.xlsx"));
        Assert.Contains("accounts.xlsx", e.Describe(), StringComparison.Ordinal);
        Assert.Contains(".csv, .tsv, .parquet, .jsonl, .ndjson", e.Message, StringComparison.Ordinal);
    }
}
