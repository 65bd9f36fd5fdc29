using System.Text;
using System.Text.Json;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

/// <summary><c>icp learn --churned</c>: churned customers as the strongest losses, in the summary, the JSON and the report.</summary>
public sealed class LearnChurnedTests
{
    /// <summary>Planted accounts with a <c>status</c> column: about a third of fintech accounts churned, a few others.</summary>
    private static string Planted(TempDirectory dir, int rows = 2000)
    {
        var random = new Random(11);
        var csv = new StringBuilder(string.Join(',', PlantedOutcomes.Columns)).Append(",status\n");
        foreach (var row in PlantedOutcomes.Rows(rows, 2))
            csv.Append(string.Join(',', row)).Append(',').Append(random.NextDouble() < (row[1] == "Fintech" ? 0.3 : 0.05) ? "Churned" : "Active").Append('\n');
        return dir.Write("accounts.csv", csv.ToString());
    }

    [Fact]
    public void Json_counts_churned_rows_and_the_evaluation_tiers_say_how_many_churned_landed_in_each()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir), "--outcome", "outcome", "--positive", "Won", "--churned", "status=churned", "-o", dir.File("p.yaml"), "--json", "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var churned = root.GetProperty("churned").GetInt32();
        Assert.InRange(churned, 100, 400);
        Assert.InRange(root.GetProperty("won_then_churned").GetInt32(), 10, churned);
        Assert.StartsWith($"churned = status is churned: {churned:N0} rows, losses whatever their outcome (", root.GetProperty("labelling").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("left_out").EnumerateArray(), l => l.GetProperty("column").GetString() == "status" && l.GetProperty("reason").GetString() == "defines churn (--churned)");
        var tiers = root.GetProperty("evaluation").GetProperty("tiers").EnumerateArray().ToList();
        var inTiers = tiers.Sum(t => t.GetProperty("churned").GetInt32());
        Assert.InRange(inTiers, churned / 8, churned / 2); // the 25% hold-out's share of them
        Assert.All(tiers, t => Assert.True(t.GetProperty("churned").GetInt32() <= t.GetProperty("rows").GetInt32() - t.GetProperty("wins").GetInt32()));
    }

    [Fact]
    public void Terminal_summary_counts_churned_rows_and_adds_a_churned_column_to_the_tiers()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir), "--outcome", "outcome", "--positive", "Won", "--churned", "status=Churned", "--churn-weight", "3", "-o", dir.File("p.yaml"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"read 2,000 rows with an outcome: [\d,]+ wins \([\d.]+%\), \d+ churned counted as losses", result.Out);
        Assert.Contains("a churned row weighs 3 losses in the points fit", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ tier +│ +rows │ +win rate \(95% CI\) │ churned │", result.Out);
    }

    [Fact]
    public void Report_shows_won_lost_and_churned_scores_apart()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir), "--outcome", "outcome", "--positive", "Won", "--churned", "status=Churned", "-o", dir.File("p.yaml"),
            "--report", dir.File("r.html"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(dir.File("r.html"));
        Assert.Contains("wins (share)", html, StringComparison.Ordinal);
        Assert.Contains("other losses (share)", html, StringComparison.Ordinal);
        Assert.Contains("churned (share)", html, StringComparison.Ordinal);
        Assert.Matches(@"of [\d,]+ \(95% CI [\d.]+%-[\d.]+%\), \d+ churned</text>", html);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("=Churned")]
    [InlineData("status=")]
    [InlineData("status= , ")]
    public void A_churned_spec_without_column_and_value_is_a_usage_error(string spec)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 50), "--outcome", "outcome", "--positive", "Won", "--churned", spec, "-o", dir.File("p.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--churned '{spec}' is not COLUMN=VALUE[,VALUE]", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1000")]
    public void A_churn_weight_below_a_plain_loss_or_absurdly_high_is_a_usage_error(string weight)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 50), "--outcome", "outcome", "--positive", "Won", "--churned", "status=Churned", "--churn-weight", weight, "-o", dir.File("p.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--churn-weight must be between 1 (a plain loss) and 100", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("statsu=Churned", "accounts.csv — did you mean 'status'?. Columns: company, industry")]
    [InlineData("status=Gone", "accounts.csv has that value in column 'status'. Values seen: Active (")]
    [InlineData("Outcome=Lost", "--churned 'Outcome' is the --outcome column: churn needs a column of its own")]
    public void Bad_churned_columns_and_values_exit_1_and_write_nothing(string spec, string message)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 200), "--outcome", "outcome", "--positive", "Won", "--churned", spec, "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void With_joined_outcomes_an_account_churned_if_any_of_its_deals_says_so()
    {
        using var dir = new TempDirectory();
        var planted = PlantedOutcomes.Rows(1000, 4);
        var accounts = new StringBuilder(string.Join(',', PlantedOutcomes.Columns[..^1])).Append('\n');
        var deals = new StringBuilder("account,deal_stage,renewal\n");
        var random = new Random(3);
        var churnedAccounts = 0;
        foreach (var row in planted)
        {
            accounts.Append(string.Join(',', row[..^1])).Append('\n');
            var churned = random.NextDouble() < 0.1;
            if (churned) churnedAccounts++;
            deals.Append($"{row[0]},{row[^1]},{(churned ? "cancelled" : "renewed")}\n").Append($"{row[0]},Engaging,\n");
        }
        var result = IcpCli.Run("learn", "-d", dir.Write("accounts.csv", accounts.ToString()), "--outcomes", dir.Write("deals.csv", deals.ToString()), "--key", "company=account",
            "--outcome", "deal_stage", "--positive", "Won", "--churned", "renewal=Cancelled", "-o", dir.File("p.yaml"), "--json", "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(churnedAccounts, json.RootElement.GetProperty("churned").GetInt32());
        Assert.Contains("churned if any deal's renewal says so", json.RootElement.GetProperty("labelling").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.RootElement.GetProperty("left_out").EnumerateArray(), l => l.GetProperty("column").GetString() == "renewal" && l.GetProperty("reason").GetString() == "defines churn (--churned)");
    }
}
