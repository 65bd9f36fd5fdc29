using System.Globalization;
using System.Text;
using System.Text.Json;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

/// <summary><c>icp learn</c>'s other ways to say what a win is: an outcomes table joined on a key, and the top share by a value.</summary>
public sealed class LearnInputsTests
{
    private static readonly string MavenAccounts = Repository.File("samples", "maven-crm", "accounts.csv");
    private static readonly string MavenDeals = Repository.File("samples", "maven-crm", "sales_pipeline.csv");

    /// <summary>
    /// The planted accounts without their outcome, and deals for them: every tenth account has none, a won account has
    /// one Won deal among 1-3 (the rest Lost), a lost account only Lost ones, each account also an open deal; plus
    /// three deals whose key is no account's.
    /// </summary>
    private static (string Accounts, string Deals, int WithDeals, int Wins, int DealCount) Joined(TempDirectory dir, int rows = 2000)
    {
        var planted = PlantedOutcomes.Rows(rows, 1);
        var accounts = new StringBuilder(string.Join(',', PlantedOutcomes.Columns[..^1])).Append('\n');
        var deals = new StringBuilder("deal_id,account,deal_stage\n");
        int withDeals = 0, wins = 0, dealCount = 0;
        for (var i = 0; i < planted.Length; i++)
        {
            var row = planted[i];
            accounts.Append(string.Join(',', row[..^1])).Append('\n');
            if (i % 10 == 0) continue;
            withDeals++;
            var won = row[^1] == "Won";
            if (won) wins++;
            var count = 1 + i % 3;
            for (var d = 0; d < count; d++) deals.Append($"D{++dealCount},{(d == 1 ? row[0].ToUpperInvariant() : " " + row[0])},{(won && d == count - 1 ? "Won" : "Lost")}\n");
            deals.Append($"D{++dealCount},{row[0]},Engaging\n");
        }
        for (var d = 0; d < 3; d++) deals.Append($"D{++dealCount},Nobody {d},Won\n");
        return (dir.Write("accounts.csv", accounts.ToString()), dir.Write("deals.csv", deals.ToString()), withDeals, wins, dealCount);
    }

    [Fact]
    public void Joined_outcomes_count_each_account_once_by_its_best_deal_and_report_the_match_rate()
    {
        using var dir = new TempDirectory();
        var (accounts, deals, withDeals, wins, dealCount) = Joined(dir);
        var result = IcpCli.Run("learn", "-d", accounts, "--outcomes", deals, "--key", "company=account", "--outcome", "deal_stage", "--positive", "Won", "--negative", "Lost",
            "-o", dir.File("p.yaml"), "--json", "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(withDeals, root.GetProperty("rows").GetInt32());
        Assert.Equal(wins, root.GetProperty("wins").GetInt32());
        var join = root.GetProperty("join");
        Assert.Equal(2000, join.GetProperty("accounts").GetInt32());
        Assert.Equal(withDeals, join.GetProperty("accounts_with_deals").GetInt32());
        Assert.Equal(0.9, join.GetProperty("account_match_rate").GetDouble());
        Assert.Equal(dealCount, join.GetProperty("deals_with_key").GetInt32());
        Assert.Equal(dealCount - 3, join.GetProperty("deals_matched").GetInt32());
        // The planted disqualifier survives the join.
        Assert.Contains(root.GetProperty("disqualifiers").EnumerateArray(), d => d.GetProperty("criterion").GetString()!.StartsWith("country: { in: [", StringComparison.Ordinal));
        var header = File.ReadLines(dir.File("p.yaml")).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.StartsWith("# Outcome: from deals.csv joined on 'company', the best outcome of each account's deals; 1,800 of 2,000 accounts (90.0%) have deals", StringComparison.Ordinal));
    }

    [Fact]
    public void Joined_outcomes_report_says_how_the_outcome_was_made_and_the_match_rate()
    {
        using var dir = new TempDirectory();
        var (accounts, deals, _, _, _) = Joined(dir, 600);
        var result = IcpCli.Run("learn", "-d", accounts, "--outcomes", deals, "--key", "company=account", "--outcome", "deal_stage", "--positive", "Won", "--negative", "Lost",
            "-o", dir.File("p.yaml"), "--report", dir.File("r.html"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(dir.File("r.html"));
        Assert.Contains("<p>Outcome: from deals.csv joined on &#39;company&#39;, the best outcome of each account&#39;s deals<br>\n540 of 600 accounts (90.0%) have deals", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Joined_outcomes_terminal_summary_says_the_match_rate()
    {
        using var dir = new TempDirectory();
        var (accounts, deals, _, _, _) = Joined(dir, 600);
        var result = IcpCli.Run("learn", "-d", accounts, "--outcomes", deals, "--key", "company=account", "--outcome", "deal_stage", "--positive", "Won", "-o", dir.File("p.yaml"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Out.Contains("540 of 600 accounts (90.0%) have deals", StringComparison.Ordinal), result.Out);
    }

    [Fact]
    public void Latest_takes_the_outcome_of_the_most_recent_dated_deal()
    {
        using var dir = new TempDirectory();
        var accounts = new StringBuilder("account,segment\n");
        var deals = new StringBuilder("account,stage,closed\n");
        for (var i = 0; i < 40; i++)
        {
            // Every account won once; whether it lost later mostly depends on its segment, which only 'latest' can see.
            var segment = i % 2 == 0 ? "kept" : "churned";
            var lostLater = (segment == "churned") != (i % 8 is 0 or 1);
            accounts.Append($"A{i},{segment}\n");
            deals.Append($"A{i},Won,2024-0{1 + i % 9}-01\n");
            if (lostLater) deals.Append($"A{i},Lost,2025-03-01\n");
            deals.Append($"A{i},Engaging,\n"); // open: no date, never the latest
        }
        var a = dir.Write("accounts.csv", accounts.ToString());
        var d = dir.Write("deals.csv", deals.ToString());
        var best = IcpCli.Run("learn", "-d", a, "--outcomes", d, "--key", "account", "--outcome", "stage", "--positive", "Won", "--negative", "Lost", "-o", dir.File("best.yaml"), "--json", "--no-trees");
        Assert.Equal(1, best.ExitCode);
        Assert.Contains("one class only", best.Err, StringComparison.Ordinal);

        var latest = IcpCli.Run("learn", "-d", a, "--outcomes", d, "--key", "account", "--outcome", "stage", "--positive", "Won", "--negative", "Lost",
            "--per-account", "latest", "--date-column", "closed", "-o", dir.File("latest.yaml"), "--json", "--no-trees");
        Assert.True(latest.ExitCode == 0, latest.ToString());
        using var json = JsonDocument.Parse(latest.Out);
        Assert.Equal(40, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(20, json.RootElement.GetProperty("wins").GetInt32());
    }

    [Fact]
    public void Latest_without_a_date_column_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", "account", "--outcome", "deal_stage", "--positive", "Won", "--per-account", "latest", "-o", dir.File("p.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--per-account latest needs --date-column", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_names_the_outcomes_file_and_line()
    {
        using var dir = new TempDirectory();
        var deals = dir.Write("deals.csv", "account,deal_stage,close_date\nAcme Corporation,Won,2017-03-01\nBetasoloin,Lost,someday\n");
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", deals, "--key", "account", "--outcome", "deal_stage", "--positive", "Won",
            "--per-account", "latest", "--date-column", "close_date", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("deals.csv:3", result.Err, StringComparison.Ordinal);
        Assert.Contains("'someday' is not a date", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Theory]
    [InlineData("acount", "did you mean 'account'?")]
    [InlineData("account=acount", "is not a column of")]
    public void A_missing_key_column_exits_1_with_a_suggestion(string key, string expected)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", key, "--outcome", "deal_stage", "--positive", "Won", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--key column 'acount'", result.Err, StringComparison.Ordinal);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void No_account_matching_any_deal_says_the_match_rate_and_example_keys_of_each_side()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", "account=sales_agent", "--outcome", "deal_stage", "--positive", "Won", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no account matches any deal on --key: 0 of 85 accounts (0.0%) have deals; 0 of 8,800 deals", result.Err, StringComparison.Ordinal);
        Assert.Contains("'Acme Corporation', 'Betasoloin', 'Betatech'", result.Err, StringComparison.Ordinal);
        Assert.Contains("'Moses Frase', 'Darcel Schlecht'", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void Duplicate_account_keys_name_the_key_and_both_lines()
    {
        using var dir = new TempDirectory();
        var accounts = dir.Write("accounts.csv", "account,sector\nAcme Corporation,technology\nBetasoloin,medical\n acme corporation ,retail\n");
        var result = IcpCli.Run("learn", "-d", accounts, "--outcomes", MavenDeals, "--key", "account", "--outcome", "deal_stage", "--positive", "Won", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("key 'acme corporation' of column 'account' appears twice (lines 2 and 4)", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void Maven_accounts_have_won_deals_all_so_best_outcomes_are_one_class()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", "account", "--outcome", "deal_stage", "--positive", "Won", "-o", dir.File("p.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("one class only: all 85 rows with an outcome are positive", result.Err, StringComparison.Ordinal);
    }

    /// <summary>Planted accounts with a value instead of an outcome: fintech and 50-499 employees are worth about three times as much.</summary>
    private static string Valued(TempDirectory dir, int rows = 2000)
    {
        var random = new Random(5);
        var csv = new StringBuilder(string.Join(',', PlantedOutcomes.Columns[..^1])).Append(",lifetime_value\n");
        foreach (var row in PlantedOutcomes.Rows(rows, 3))
        {
            var employees = int.Parse(row[2], CultureInfo.InvariantCulture);
            var value = 1000 * Math.Exp(random.NextDouble() * 1.5) * (row[1] == "Fintech" ? 3 : 1) * (employees is >= 50 and < 500 ? 3 : 1);
            var text = random.NextDouble() < 0.01 ? "n/a" : random.NextDouble() < 0.01 ? "" : value.ToString("0", CultureInfo.InvariantCulture);
            csv.Append(string.Join(',', row[..^1])).Append(',').Append(text).Append('\n');
        }
        return dir.Write("valued.csv", csv.ToString());
    }

    [Fact]
    public void Best_by_value_labels_the_top_share_and_recovers_the_planted_signals()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Valued(dir), "--value", "lifetime_value", "--best", "top 25%", "-o", dir.File("p.yaml"), "--json", "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var rows = root.GetProperty("rows").GetInt32();
        var wins = root.GetProperty("wins").GetInt32();
        Assert.InRange(wins, (int)Math.Ceiling(rows * 0.25), (int)Math.Ceiling(rows * 0.25) + 2); // ties at the threshold count as wins
        Assert.True(root.GetProperty("blank_outcomes").GetInt32() > 0);
        var labelling = root.GetProperty("labelling").GetString()!;
        Assert.Matches(@"^best = lifetime_value >= [\d,]+, the top 25% of [\d,]+ rows with a value; \d+ rows? whose lifetime_value is not a number skipped$", labelling);
        var signals = root.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("criterion").GetString()!).ToList();
        Assert.Contains(signals, s => s.StartsWith("industry: { in: [\"Fintech\"", StringComparison.Ordinal) || s.StartsWith("industry: { in: [Fintech", StringComparison.Ordinal));
        Assert.Contains(signals, s => s.StartsWith("employees:", StringComparison.Ordinal));
        Assert.DoesNotContain(signals, s => s.StartsWith("colour", StringComparison.Ordinal) || s.StartsWith("noise_number", StringComparison.Ordinal));
        Assert.Contains("# Outcome: " + labelling + ".", File.ReadAllText(dir.File("p.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Best_by_value_on_the_maven_accounts_says_the_threshold_in_the_summary()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Repository.File("samples", "maven-crm", "accounts_with_outcomes.csv"), "--value", "total_won_value", "--best", "top 25%",
            "--exclude-columns", "open_deals,win_rate", "-o", dir.File("p.yaml"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("outcome: best = total_won_value >= 140,086, the top 25% of 85 rows with a value", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("top 250%")]
    [InlineData("best 10")]
    [InlineData("top 0%")]
    [InlineData("25%")]
    public void Bad_best_text_is_a_usage_error_showing_the_expected_form(string best)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Valued(dir, 50), "--value", "lifetime_value", "--best", best, "-o", dir.File("p.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--best '{best}' is not of the form \"top N%\"", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("need --positive", "--value", "lifetime_value", "--best", "top 25%", "--outcome", "colour")]
    [InlineData("need --positive", "--value", "lifetime_value", "--best", "top 25%", "--negative", "red")]
    [InlineData("is the --outcome column", "--value", "lifetime_value", "--best", "top 25%", "--outcome", "Lifetime_Value", "--positive", "1")]
    [InlineData("say what a win is", "--outcome", "colour")]
    [InlineData("--value needs --best", "--value", "lifetime_value")]
    [InlineData("--best picks the top rows by --value", "--outcome", "colour", "--positive", "red", "--best", "top 25%")]
    public void Value_best_outcome_and_positive_misused_are_usage_errors(string message, params string[] options)
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run(["learn", "-d", Valued(dir, 50), "-o", dir.File("p.yaml"), .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.yaml")));
    }

    [Fact]
    public void Value_with_positive_makes_the_wins_the_top_share_of_the_positive_rows()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", Valued(dir), "--outcome", "country", "--positive", "United States,Germany", "--value", "lifetime_value", "--best", "top 25%",
            "-o", dir.File("p.yaml"), "--json", "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var labelling = root.GetProperty("labelling").GetString()!;
        var match = System.Text.RegularExpressions.Regex.Match(labelling, @"^best = top 25% of ([\d,]+) won rows by lifetime_value \(>= [\d,]+\), every other row a loss");
        Assert.True(match.Success, labelling);
        var ranked = int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(root.GetProperty("wins").GetInt32(), (int)Math.Ceiling(ranked * 0.25), (int)Math.Ceiling(ranked * 0.25) + 2);
        Assert.True(root.GetProperty("rows").GetInt32() > ranked + 700); // the other countries (45% of 2,000) are losses, not skipped
        Assert.Contains(root.GetProperty("left_out").EnumerateArray(), l => l.GetProperty("column").GetString() == "lifetime_value" && l.GetProperty("reason").GetString() == "ranks the wins (--value)");
    }

    [Fact]
    public void Maven_accounts_by_the_summed_value_of_their_deals_are_two_classes()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", "account", "--value", "close_value", "--best", "top 25%", "-o", dir.File("p.yaml"), "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("outcome: best = close_value >= 140,086, the top 25% of 85 rows with a value", result.Out, StringComparison.Ordinal);
        Assert.Contains("from sales_pipeline.csv joined on 'account', value = sum of close_value over each account's deals", result.Out, StringComparison.Ordinal);
        Assert.Contains("read 85 rows with an outcome: 22 wins", result.Out, StringComparison.Ordinal);
        Assert.Contains("# Outcome: best = close_value >= 140,086", File.ReadAllText(dir.File("p.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Maven_won_accounts_by_the_summed_value_of_their_won_deals()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", "account", "--outcome", "deal_stage", "--positive", "Won", "--negative", "Lost",
            "--value", "close_value", "--best", "top 25%", "-o", dir.File("p.yaml"), "--json", "--no-trees");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.StartsWith("best = top 25% of 85 won rows by close_value (>= 140,086), every other row a loss; from sales_pipeline.csv joined on 'account', the best outcome of each account's deals, value = sum of close_value over its won deals",
            json.RootElement.GetProperty("labelling").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Per_account_latest_with_value_alone_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var result = IcpCli.Run("learn", "-d", MavenAccounts, "--outcomes", MavenDeals, "--key", "account", "--value", "close_value", "--best", "top 25%",
            "--per-account", "latest", "--date-column", "close_date", "-o", dir.File("p.yaml"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--value alone sums every deal of an account", result.Err, StringComparison.Ordinal);
    }
}
