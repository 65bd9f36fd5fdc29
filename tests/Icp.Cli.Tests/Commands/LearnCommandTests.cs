using System.Text.Json;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class LearnCommandTests
{
    private static string Planted(TempDirectory dir, int rows = 3000, int seed = 1) => dir.Write("accounts.csv", PlantedOutcomes.Csv(rows, seed));

    [Fact]
    public void Learn_writes_a_profile_that_score_uses_directly()
    {
        using var dir = new TempDirectory();
        var data = Planted(dir);
        var learned = IcpCli.Run("learn", "-d", data, "--outcome", "outcome", "--positive", "Won", "-o", dir.File("learned.yaml"));
        Assert.True(learned.ExitCode == 0, learned.ToString());
        Assert.Contains("Learned profile", learned.Out, StringComparison.Ordinal);
        Assert.Contains("naive Bayes (Laplace)", learned.Out, StringComparison.Ordinal);
        Assert.Contains("gradient-boosted trees (ML.NET FastTree)", learned.Out, StringComparison.Ordinal);
        Assert.Contains("Win rate by tier", learned.Out, StringComparison.Ordinal);

        var scored = IcpCli.Run("score", "-p", dir.File("learned.yaml"), "-d", data, "-o", dir.File("scored.csv"), "--as-of", "2026-06-30");
        Assert.True(scored.ExitCode == 0, scored.ToString());
        var lines = File.ReadAllLines(dir.File("scored.csv"));
        Assert.Equal(3001, lines.Length);
        Assert.All(lines.Skip(1).Where(l => l.Contains(",Atlantis,", StringComparison.Ordinal)), l => Assert.Contains(",excluded,true,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Same_data_and_seed_write_byte_identical_profiles()
    {
        using var dir = new TempDirectory();
        var data = Planted(dir);
        Assert.Equal(0, IcpCli.Run("learn", "-d", data, "--outcome", "outcome", "--positive", "Won", "-o", dir.File("a.yaml"), "--seed", "7", "--no-trees").ExitCode);
        Assert.Equal(0, IcpCli.Run("learn", "-d", data, "--outcome", "outcome", "--positive", "Won", "-o", dir.File("b.yaml"), "--seed", "7", "--no-trees").ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.File("a.yaml")), File.ReadAllBytes(dir.File("b.yaml")));
    }

    [Fact]
    public void Json_summary_lists_signals_left_out_columns_and_every_model()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), "--json", "--exclude-columns", "colour");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(3000, root.GetProperty("rows").GetInt32());
        var models = root.GetProperty("evaluation").GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()).ToList();
        Assert.Equal(["learned profile", "naive Bayes (Laplace)", "gradient-boosted trees (ML.NET FastTree)"], models);
        foreach (var model in root.GetProperty("evaluation").GetProperty("models").EnumerateArray())
        {
            var auc = model.GetProperty("auc").GetDouble();
            Assert.InRange(auc, model.GetProperty("auc_ci_low").GetDouble(), model.GetProperty("auc_ci_high").GetDouble());
            // Baselines carry the paired test against the learned profile; the profile itself does not.
            Assert.Equal(model.GetProperty("model").GetString() == "learned profile", model.GetProperty("p_vs_learned").ValueKind == JsonValueKind.Null);
        }
        var leftOut = root.GetProperty("left_out").EnumerateArray().ToDictionary(l => l.GetProperty("column").GetString()!, l => l.GetProperty("reason").GetString());
        Assert.Equal("excluded by --exclude-columns", leftOut["colour"]);
        Assert.StartsWith("ID-like", leftOut["company"], StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("disqualifiers").EnumerateArray(), d => d.GetProperty("criterion").GetString()!.StartsWith("country: { in: [", StringComparison.Ordinal));
        var fields = root.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("column").GetString()!, f => f.GetProperty("stable_resamples").GetInt32());
        Assert.Equal(5, fields["industry"]);
        Assert.InRange(fields["noise_number"], 0, 3);
        // The fitted calibration covers the score scale in rising steps that account for every row not excluded.
        var steps = root.GetProperty("evaluation").GetProperty("calibration").EnumerateArray().ToList();
        Assert.Equal(0, steps[0].GetProperty("min_score").GetInt32());
        Assert.Equal(100, steps[^1].GetProperty("max_score").GetInt32());
        for (var i = 1; i < steps.Count; i++)
        {
            Assert.Equal(steps[i - 1].GetProperty("max_score").GetInt32() + 1, steps[i].GetProperty("min_score").GetInt32());
            Assert.True(steps[i].GetProperty("win_rate").GetDouble() > steps[i - 1].GetProperty("win_rate").GetDouble());
        }
        var excluded = root.GetProperty("evaluation").GetProperty("tiers").EnumerateArray().Where(t => t.GetProperty("tier").GetString() == "excluded").Sum(t => t.GetProperty("rows").GetInt32());
        Assert.Equal(root.GetProperty("evaluation").GetProperty("test_rows").GetInt32() - excluded, steps.Sum(s => s.GetProperty("rows").GetInt32()));
        Assert.Contains("# Win probability by score on those rows (isotonic fit): 0-", File.ReadAllText(dir.File("p.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_outcome_column_exits_1_with_a_suggestion_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 200), "--outcome", "outcom", "--positive", "Won", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--outcome 'outcom' is not a column of", result.Err, StringComparison.Ordinal);
        Assert.Contains("did you mean 'outcome'?", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void Positive_value_absent_lists_the_values_seen_and_keeps_an_existing_profile()
    {
        using var dir = new TempDirectory();
        var existing = dir.Write("p.yaml", "keep me");
        var result = IcpCli.Run("learn", "-d", Planted(dir, 200), "--outcome", "outcome", "--positive", "Closed Won", "-o", existing);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Values seen: Lost (", result.Err, StringComparison.Ordinal);
        Assert.Contains("Won (", result.Err, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(existing));
        Assert.Empty(Directory.GetFiles(dir.Path, ".p.yaml.tmp-*"));
    }

    [Fact]
    public void One_class_only_exits_1()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("won.csv", "company,industry,stage\nA,Fintech,Won\nB,Retail,Won\n");
        var result = IcpCli.Run("learn", "-d", data, "--outcome", "stage", "--positive", "Won", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has one class only", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Theory]
    [InlineData("--max-signals", "0", "--max-signals must be between 1 and 100, got 0")]
    [InlineData("--as-of", "31/01/2026", "--as-of '31/01/2026' is not a date like 2026-01-31")]
    [InlineData("--holdout", "1.5", "--holdout must be above 0 and at most 0.9, got 1.5")]
    [InlineData("--capacity", "-3", "--capacity must be a positive number of accounts, got -3")]
    public void Bad_option_values_exit_1_naming_the_option(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 200), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), option, value, "--no-trees");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void Positive_is_required()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 50), "--outcome", "outcome", "-o", dir.File("p.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--positive", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_example_learns_the_best_maven_accounts()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Repository.File("samples", "maven-crm", "accounts_with_outcomes.csv"), "--outcome", "total_won_value",
            "--positive", ">=140000", "--exclude-columns", "open_deals,win_rate", "-o", dir.File("best.yaml"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("5-fold stratified cross-validation", result.Out, StringComparison.Ordinal);
        var yaml = File.ReadAllText(dir.File("best.yaml"));
        Assert.Contains("#   won_deals: suspected post-outcome: the name says 'won'", yaml, StringComparison.Ordinal);
        Assert.Equal(0, IcpCli.Run("validate", dir.File("best.yaml"), "--data", Repository.File("samples", "maven-crm", "accounts.csv")).ExitCode);
    }

    [Fact]
    public void Report_is_one_self_contained_html_file_with_charts_and_every_criterion()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), "--report", dir.File("report.html"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(dir.File("report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<svg ").Length - 1); // criteria, ROC, tiers, score distribution
        // Nothing is fetched: the only URL is the SVG namespace.
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Empty(System.Text.RegularExpressions.Regex.Matches(html, "https?://(?!www\\.w3\\.org/2000/svg)"));
        Assert.Contains("country: { in: [&quot;", html, StringComparison.Ordinal);
        Assert.Contains("industry: { in: [&quot;Fintech&quot;] }", html, StringComparison.Ordinal);
        Assert.Contains("<td>company</td><td>ID-like: 100% of values are distinct</td>", html, StringComparison.Ordinal);
        // Calibration rows: every evaluation row lands in exactly one score band, and every row not excluded in one step of the fitted mapping.
        var fitted = html.IndexOf("<h3>What a score means", StringComparison.Ordinal);
        Assert.True(fitted > 0);
        Assert.Equal(750, RowsIn(html[..fitted], "(?:excluded|\\d+-\\d+)"));
        var excluded = RowsIn(html[..fitted], "excluded");
        Assert.True(excluded > 0, "the planted countries are excluded");
        Assert.Equal(750 - excluded, RowsIn(html[fitted..], "\\d+-\\d+"));
        Assert.Contains("<td>0-", html[fitted..], StringComparison.Ordinal);
        Assert.Contains("-100</td>", html[fitted..], StringComparison.Ordinal);
        Assert.Contains("wrote report", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_in_a_missing_directory_exits_1_and_writes_no_profile_either()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 1000), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), "--report", dir.File("nowhere/report.html"), "--no-trees");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp-*"));
    }

    [Fact]
    public void Report_to_stdout_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Planted(dir, 1000), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), "--report", "-", "--no-trees");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--report needs a file name", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_scores_a_hand_written_profile_on_the_same_rows()
    {
        using var dir = new TempDirectory();
        var mine = dir.Write("mine.yaml", "icp: mine\nsignals:\n  - industry: { in: [Fintech] }\n    points: 10\n");
        var result = IcpCli.Run("learn", "-d", Planted(dir), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), "--compare", mine, "--no-trees", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var models = json.RootElement.GetProperty("evaluation").GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("model").GetString()!, m => m.GetProperty("auc").GetDouble());
        // Fintech alone ranks better than chance, and worse than the learned profile that also knows size and country.
        Assert.InRange(models["your profile (mine.yaml)"], 0.55, models["learned profile"]);
    }

    [Fact]
    public void Compare_with_a_field_the_data_lacks_exits_1_naming_it()
    {
        using var dir = new TempDirectory();
        var mine = dir.Write("mine.yaml", "icp: mine\nsignals:\n  - revenue: { gte: 10 }\n    points: 10\n");
        var result = IcpCli.Run("learn", "-d", Planted(dir, 1000), "--outcome", "outcome", "--positive", "Won", "-o", dir.File("p.yaml"), "--compare", mine, "--no-trees");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("field 'revenue' used at", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    /// <summary>Rows counted in the table rows whose first cell matches <paramref name="label"/>.</summary>
    private static int RowsIn(string html, string label) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>" + label + "</td><td class=\"n\">([\\d,]+)</td>")
            .Sum(m => int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
}
