using System.Text;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

/// <summary>
/// The catalogue of mistakes users make: each gets exit code 1, a message naming the file and place, and no
/// output file.
/// </summary>
public sealed class BadInputTests
{
    private static CliResult Score(TempDirectory dir, string profile, string data, params string[] extra) =>
        IcpCli.Run(["score", "-p", profile, "-d", data, "-o", dir.File("out.csv"), .. extra.Contains("--as-of") ? extra : ["--as-of", "2026-06-30", .. extra]]);

    private static void AssertFailedCleanly(TempDirectory dir, CliResult result, params string[] expectedInMessage)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        foreach (var text in expectedInMessage) Assert.Contains(text, result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("out.csv", dir.Files());
        Assert.DoesNotContain(dir.Files(), f => f.Contains("tmp", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Missing_data_file_is_named()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        AssertFailedCleanly(dir, Score(dir, profile, dir.File("nope.csv")), "nope.csv");
    }

    [Fact]
    public void Missing_profile_file_is_named()
    {
        using var dir = new TempDirectory();
        var (_, data) = Samples.Write(dir);
        AssertFailedCleanly(dir, Score(dir, dir.File("nope.yaml"), data), "nope.yaml", "not found");
    }

    [Fact]
    public void Empty_data_file_says_a_header_was_expected()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        AssertFailedCleanly(dir, Score(dir, profile, dir.Write("empty.csv", "")), "empty.csv", "empty");
    }

    [Fact]
    public void Unclosed_quote_names_the_line()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var data = dir.Write("quote.csv", "name,industry,employees,country,tech,last_funding\nA,Software,100,US,x,2026-01-01\nB,\"Software,100,US,x,2026-01-01\nC,Software,100,US,x,2026-01-01\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "quote.csv", ":3");
    }

    [Fact]
    public void Ragged_row_names_the_line_and_the_field_counts()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var data = dir.Write("ragged.csv", "name,industry,employees,country,tech,last_funding\nA,Software,100,US,x,2026-01-01\nB,Software,100\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "ragged.csv", ":3", "6");
    }

    [Fact]
    public void Column_the_profile_needs_but_the_data_lacks_is_listed_with_a_suggestion()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var data = dir.Write("typo.csv", "name,industy,employees,country,tech,last_funding\nA,Software,100,US,x,2026-01-01\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "typo.csv", "'industry'", "did you mean 'industy'", "Columns: name, industy");
    }

    [Fact]
    public void Unparsable_numbers_are_counted_with_their_lines_and_strict_makes_them_fatal()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var data = dir.Write("nums.csv", "name,industry,employees,country,tech,last_funding\nA,Software,lots,US,x,2026-01-01\nB,Software,100,US,x,2026-01-01\nC,Software,many,US,x,2026-01-01\n");

        var lenient = Score(dir, profile, data);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("employees", lenient.Out);
        Assert.Contains("2, 4", lenient.Out);

        File.Delete(dir.File("out.csv"));
        var strict = Score(dir, profile, data, "--strict");
        AssertFailedCleanly(dir, strict, "nums.csv:2", "'lots'", "employees", "not a number");
    }

    [Fact]
    public void Invalid_regex_is_reported_at_its_line_and_column()
    {
        using var dir = new TempDirectory();
        var (_, data) = Samples.Write(dir);
        var profile = dir.Write("bad.yaml", "icp: x\nversion: 1\nsignals:\n  - name: { matches: \"(unclosed\" }\n    points: 5\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "bad.yaml:4:22", "invalid regular expression");
    }

    [Fact]
    public void Unknown_operator_suggests_the_closest()
    {
        using var dir = new TempDirectory();
        var (_, data) = Samples.Write(dir);
        var profile = dir.Write("bad.yaml", "icp: x\nversion: 1\nsignals:\n  - employees: { betwen: [1, 5] }\n    points: 5\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "bad.yaml:4:18", "unknown operator 'betwen'", "did you mean 'between'");
    }

    [Fact]
    public void Duplicate_criteria_are_rejected()
    {
        using var dir = new TempDirectory();
        var (_, data) = Samples.Write(dir);
        var profile = dir.Write("bad.yaml", "icp: x\nversion: 1\nsignals:\n  - industry: [Software]\n    points: 5\n  - industry: [software]\n    points: 7\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "bad.yaml:6", "duplicate criterion");
    }

    [Fact]
    public void Profile_with_no_filters_and_no_signals_is_rejected()
    {
        using var dir = new TempDirectory();
        var (_, data) = Samples.Write(dir);
        var profile = dir.Write("bad.yaml", "icp: x\nversion: 1\ntiers: { A: 50 }\n");
        AssertFailedCleanly(dir, Score(dir, profile, data), "bad.yaml", "no must, exclude or signals");
    }

    [Fact]
    public void Non_utf8_data_is_rejected_with_a_conversion_hint()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var latin1 = Encoding.Latin1.GetBytes("name,industry,employees,country,tech,last_funding\nCaf\u00e9 Soci\u00e9t\u00e9,Software,100,FR,x,2026-01-01\n");
        var data = dir.WriteBytes("latin1.csv", latin1);
        AssertFailedCleanly(dir, Score(dir, profile, data), "latin1.csv", "UTF-8");
    }

    [Fact]
    public void Bad_as_of_date_is_rejected()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        AssertFailedCleanly(dir, Score(dir, profile, data, "--as-of", "yesterday"), "--as-of", "yesterday");
    }

    [Fact]
    public void Unknown_min_tier_lists_the_tiers()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        AssertFailedCleanly(dir, Score(dir, profile, data, "--min-tier", "Z"), "tiers A, B, C, D");
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var result = IcpCli.Run("score", "--profle", "x.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--profle", result.Err);
        Assert.Contains("icp score --help", result.Err);
    }
}
