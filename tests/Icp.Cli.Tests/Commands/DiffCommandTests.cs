using System.Text.Json;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    private static readonly string V1 = Repository.File("samples", "profiles", "maven-mid-market.yaml");
    private static readonly string V2 = Repository.File("samples", "profiles", "maven-mid-market-v2.yaml");
    private static readonly string Accounts = Repository.File("samples", "maven-crm", "accounts.csv");

    private static string[] Tiers(string scored) =>
        [.. File.ReadAllLines(scored).Skip(1).Select(l => l.Split(',')).Select(f => f[8])]; // accounts.csv has 7 columns (no quoted commas), then icp_score, icp_tier

    [Fact]
    public void Transition_matrix_agrees_with_scoring_each_version_separately()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, IcpCli.Run("score", "-p", V1, "-d", Accounts, "-o", dir.File("v1.csv"), "--as-of", "2026-06-30", "-q").ExitCode);
        Assert.Equal(0, IcpCli.Run("score", "-p", V2, "-d", Accounts, "-o", dir.File("v2.csv"), "--as-of", "2026-06-30", "-q").ExitCode);
        var pairs = Tiers(dir.File("v1.csv")).Zip(Tiers(dir.File("v2.csv"))).ToList();

        var result = IcpCli.Run("diff", V1, V2, "--data", Accounts, "--as-of", "2026-06-30", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var data = json.RootElement.GetProperty("data");
        var before = data.GetProperty("before_tiers").EnumerateArray().Select(t => t.GetString()!).ToList();
        var after = data.GetProperty("after_tiers").EnumerateArray().Select(t => t.GetString()!).ToList();
        var matrix = data.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        for (var b = 0; b < before.Count; b++)
            for (var a = 0; a < after.Count; a++)
                Assert.Equal(pairs.Count(p => p.First == before[b] && p.Second == after[a]), matrix[b][a]);
        Assert.Equal(pairs.Count(p => p.First == "excluded" && p.Second != "excluded"), data.GetProperty("entered").GetInt64());
        Assert.Equal(pairs.Count(p => p.First != "excluded" && p.Second == "excluded"), data.GetProperty("left").GetInt64());
        Assert.Equal(pairs.Count(p => p.First != p.Second), data.GetProperty("changed_tier").GetInt64());
    }

    [Fact]
    public void Changes_are_listed_criterion_by_criterion()
    {
        var result = IcpCli.Run("diff", V1, V2, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("kind").GetString()} {c.GetProperty("section").GetString()}: {c.GetProperty("item").GetString()}").ToList();
        Assert.Equal([
            "changed profile: version", "changed must: office_location in [United States, Canada, Germany, Belgi...",
            "added exclude: revenue<100", "changed signal: 500-5,000 employees", "changed signal: tech, software, telecom or medical",
            "removed signal: low-margin sector", "changed tier: B"], changes);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public void Tables_show_changes_moves_and_examples()
    {
        var result = IcpCli.Run("diff", V1, V2, "--data", Accounts, "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("office_location list adds Japan, Korea", result.Out);
        Assert.Contains("points +25 → +30", result.Out);
        Assert.Contains("Tier moves", result.Out);
        Assert.Contains("Leave the ICP", result.Out);
    }

    [Fact]
    public void An_id_column_that_is_missing_is_bad_input()
    {
        var result = IcpCli.Run("diff", V1, V2, "--data", Accounts, "--id-column", "acount");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--id-column 'acount' is not a column of", result.Err);
        Assert.Contains("did you mean 'account'?", result.Err);
    }

    [Fact]
    public void Examples_out_of_range_is_a_usage_error() =>
        Assert.Equal(2, IcpCli.Run("diff", V1, V2, "--examples", "-1").ExitCode);

    [Fact]
    public void A_broken_profile_is_bad_input_with_its_location()
    {
        using var dir = new TempDirectory();
        var broken = dir.Write("broken.yaml", "icp: broken\nsignals:\n  - employees: { betwen: [1, 2] }\n    points: 5\n");
        var result = IcpCli.Run("diff", V1, broken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.yaml:3:", result.Err);
    }

    [Fact]
    public void Data_without_a_column_the_new_version_reads_is_bad_input()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("accounts.csv", "account,sector,employees,office_location\nAcme,software,900,United States\n");
        var result = IcpCli.Run("diff", V1, V2, "--data", data);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a column of", result.Err);
    }
}
