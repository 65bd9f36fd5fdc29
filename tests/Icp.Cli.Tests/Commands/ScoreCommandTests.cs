using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class ScoreCommandTests
{
    private static string[][] ReadCsv(string path) =>
        [.. File.ReadAllLines(path).Select(line => SplitCsv(line))];

    // The test rows quote only icp_reasons when it holds a comma; reasons here have none, so a split is enough.
    private static string[] SplitCsv(string line) => line.Split(',');

    [Fact]
    public void Score_writes_input_columns_then_score_tier_excluded_and_reasons()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("out.csv"), "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());

        var rows = ReadCsv(dir.File("out.csv"));
        Assert.Equal(["name", "domain", "industry", "employees", "country", "tech", "last_funding", "icp_score", "icp_tier", "icp_excluded", "icp_reasons",
            "icp_firmographics", "icp_technographics", "icp_triggers"], rows[0]);
        var acme = rows[1];
        Assert.Equal(["100", "A", "false", "+30 industry=Software; +20 tech has Salesforce; +30 last_funding=2026-01-15", "100", "100", "100"], acme[7..]);
        // Beta: 30 + 20 - 10 earned of 80 available (funding too old) = 50.
        Assert.Equal(["50", "B", "false"], rows[2][7..10]);
        Assert.Equal(["0", "excluded", "true", "excluded: industry=Government (slow procurement)"], rows[3][7..11]);
        Assert.Equal("excluded: employees=5 (needs employees 50-5000)", rows[4][10]);
        Assert.Contains("Accounts by tier", result.Out);
    }

    [Fact]
    public void Score_is_the_same_with_one_thread_and_with_four()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var lines = new List<string> { Samples.Accounts.Split('\n')[0] };
        var body = Samples.Accounts.Split('\n')[1..];
        for (var i = 0; i < 3000; i++) lines.Add(body[i % body.Length].Replace("Acme", $"Acme{i}", StringComparison.Ordinal));
        var data = dir.Write("many.csv", string.Join('\n', lines) + "\n");

        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("one.csv"), "--as-of", "2026-06-30", "--threads", "1").ExitCode);
        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("four.csv"), "--as-of", "2026-06-30", "--threads", "4").ExitCode);
        Assert.Equal(File.ReadAllText(dir.File("one.csv")), File.ReadAllText(dir.File("four.csv")));
        Assert.Equal(3001, File.ReadAllLines(dir.File("four.csv")).Length);
    }

    [Fact]
    public void Min_tier_keeps_only_that_tier_or_better_and_prints_the_funnel()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("out.csv"), "--as-of", "2026-06-30", "--min-tier", "A");
        Assert.True(result.ExitCode == 0, result.ToString());
        var names = ReadCsv(dir.File("out.csv")).Skip(1).Select(r => r[0]).ToArray();
        Assert.Equal(["Acme", "AcmeDup"], names);
        Assert.Contains("Funnel", result.Out);
        Assert.Contains("below tier A", result.Out);
    }

    [Fact]
    public void Top_keeps_the_best_scores_best_first()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("out.csv"), "--as-of", "2026-06-30", "--top", "3", "--drop-excluded");
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = ReadCsv(dir.File("out.csv")).Skip(1).ToArray();
        Assert.Equal(["Acme", "AcmeDup", "Beta"], rows.Select(r => r[0]));
    }

    [Fact]
    public void Json_summary_counts_tiers_and_exclusion_causes()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("out.csv"), "--as-of", "2026-06-30", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal(6, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("excluded").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("tiers").GetProperty("A").GetInt32());
    }

    [Fact]
    public void Two_profiles_label_each_row_with_the_better_fit()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var gov = dir.Write("gov.yaml", """
            icp: public-sector
            version: 1
            signals:
              - industry: { in: [Government] }
                points: 10
            """);
        var result = IcpCli.Run("score", "-p", profile, "-p", gov, "-d", data, "-o", dir.File("out.csv"), "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = ReadCsv(dir.File("out.csv"));
        var profileColumn = Array.IndexOf(rows[0], "icp_profile");
        Assert.Equal("test-saas", rows[1][profileColumn]);
        Assert.Equal("public-sector", rows[3][profileColumn]);
        Assert.Equal("100", rows[3][Array.IndexOf(rows[0], "icp_score")]);
    }

    [Fact]
    public void Output_replaces_an_existing_file_only_when_the_run_succeeds()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var output = dir.Write("out.csv", "previous content\n");
        var bad = dir.Write("bad.csv", "name,industry,employees,country,tech,last_funding\nA,Software,100,US,x,2026-01-01\nB,Software,100\n");
        var result = IcpCli.Run("score", "-p", profile, "-d", bad, "-o", output, "--as-of", "2026-06-30");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("previous content\n", File.ReadAllText(output));
        Assert.Equal(new[] { "accounts.csv", "bad.csv", "out.csv", "profile.yaml" }, dir.Files());
    }
}
