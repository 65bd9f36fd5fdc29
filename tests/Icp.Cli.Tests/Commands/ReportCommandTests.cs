using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    private static readonly string Profile = Repository.File("samples", "profiles", "maven-mid-market.yaml");
    private static string Crm(string file) => Repository.SharedData("maven_crm_sales_opportunities", file);

    private static CliResult Report(params string[] extra) =>
        IcpCli.Run(["report", "-p", Profile, "-d", Crm("accounts.csv"), "--outcomes", Crm("sales_pipeline.csv"), "--as-of", "2026-06-30", .. extra]);

    /// <summary>Per-segment figures computed by DuckDB SQL over the same files, with accounts scored by <c>icp score</c>.</summary>
    private static Dictionary<string, double[]> DuckDbFigures(string scored)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = $"""
            WITH scored AS (SELECT * FROM read_csv('{scored}', header = true, all_varchar = true)),
                 deals AS (SELECT * FROM read_csv('{Crm("sales_pipeline.csv")}', header = true, all_varchar = true)),
                 joined AS (
                     SELECT d.*, s.icp_tier AS tier, CASE WHEN s.icp_excluded = 'true' THEN 'out of ICP' ELSE 'in ICP' END AS in_out
                     FROM deals d JOIN scored s ON s.account = d.account),
                 segments AS (SELECT tier AS segment, * FROM joined UNION ALL SELECT in_out AS segment, * FROM joined)
            SELECT segment,
                   count(*) AS deals,
                   count(*) FILTER (WHERE deal_stage = 'Won') AS won,
                   count(*) FILTER (WHERE deal_stage = 'Lost') AS lost,
                   median(CAST(close_date AS DATE) - CAST(engage_date AS DATE)) FILTER (WHERE deal_stage = 'Won') AS cycle,
                   median(CAST(close_value AS DOUBLE)) FILTER (WHERE deal_stage = 'Won') AS value
            FROM segments GROUP BY segment
            """;
        using var reader = query.ExecuteReader();
        var figures = new Dictionary<string, double[]>();
        while (reader.Read())
            figures[reader.GetString(0)] = [.. Enumerable.Range(1, 5).Select(i => Convert.ToDouble(reader.GetValue(i), CultureInfo.InvariantCulture))];
        return figures;
    }

    [Fact]
    public void Figures_on_the_shared_crm_data_match_duckdb_over_the_same_files()
    {
        using var dir = new TempDirectory();
        var scored = dir.File("scored.csv");
        Assert.Equal(0, IcpCli.Run("score", "-p", Profile, "-d", Crm("accounts.csv"), "-o", scored, "--as-of", "2026-06-30", "-q").ExitCode);
        var expected = DuckDbFigures(scored);

        var result = Report("--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var segments = root.GetProperty("segments").EnumerateArray().Concat(root.GetProperty("tiers").EnumerateArray()).ToList();
        Assert.Equal(7, segments.Count);
        foreach (var s in segments)
        {
            var name = s.GetProperty("segment").GetString()!;
            var sql = expected[name];
            Assert.Equal(sql[0], s.GetProperty("deals").GetInt64());
            Assert.Equal(sql[1], s.GetProperty("won").GetInt64());
            Assert.Equal(sql[2], s.GetProperty("lost").GetInt64());
            Assert.Equal(sql[1] / (sql[1] + sql[2]), s.GetProperty("win_rate").GetProperty("rate").GetDouble(), 12);
            Assert.Equal(sql[3], s.GetProperty("cycle_days").GetProperty("median").GetDouble(), 9);
            Assert.Equal(sql[4], s.GetProperty("value").GetProperty("median").GetDouble(), 9);
        }

        // Every won or lost deal names an account; only open deals are unattributed (data README: 1,425).
        var join = root.GetProperty("join");
        Assert.Equal(8800, join.GetProperty("deals").GetInt64());
        Assert.Equal(1425, join.GetProperty("blank_key").GetInt64());
        Assert.Equal(expected["in ICP"][0] + expected["out of ICP"][0], join.GetProperty("matched").GetInt64());

        // The z statistic, recomputed from DuckDB's counts with the pooled formula.
        double[] i = expected["in ICP"], o = expected["out of ICP"];
        double n1 = i[1] + i[2], n2 = o[1] + o[2], pooled = (i[1] + o[1]) / (n1 + n2);
        var z = (i[1] / n1 - o[1] / n2) / Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var win = root.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "win_rate");
        Assert.Equal(z, win.GetProperty("test").GetProperty("z").GetDouble(), 9);
    }

    [Fact]
    public void Mann_whitney_u_and_wilson_bounds_match_duckdb_on_the_shared_crm_data()
    {
        using var dir = new TempDirectory();
        var scored = dir.File("scored.csv");
        Assert.Equal(0, IcpCli.Run("score", "-p", Profile, "-d", Crm("accounts.csv"), "-o", scored, "--as-of", "2026-06-30", "-q").ExitCode);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        // U of the in-ICP cycles: the sum of their mid-ranks (ties share the mean rank) minus n(n+1)/2, over won deals.
        // Wilson bounds of the in-ICP win rate from the closed-form interval with z = 1.959963984540054.
        query.CommandText = $"""
            WITH scored AS (SELECT * FROM read_csv('{scored}', header = true, all_varchar = true)),
                 deals AS (SELECT * FROM read_csv('{Crm("sales_pipeline.csv")}', header = true, all_varchar = true)),
                 joined AS (SELECT d.*, s.icp_excluded = 'false' AS in_icp FROM deals d JOIN scored s ON s.account = d.account),
                 cycles AS (SELECT in_icp, CAST(close_date AS DATE) - CAST(engage_date AS DATE) AS days FROM joined WHERE deal_stage = 'Won'),
                 ranked AS (SELECT in_icp, rank() OVER (ORDER BY days) + (count(*) OVER (PARTITION BY days) - 1) / 2.0 AS r FROM cycles),
                 u AS (SELECT sum(r) FILTER (WHERE in_icp) - count(*) FILTER (WHERE in_icp) * (count(*) FILTER (WHERE in_icp) + 1) / 2.0 AS u FROM ranked),
                 rate AS (SELECT count(*) FILTER (WHERE deal_stage = 'Won') AS x, count(*) FILTER (WHERE deal_stage IN ('Won', 'Lost')) AS n FROM joined WHERE in_icp),
                 w AS (SELECT x / n AS p, n, 1.959963984540054 AS z FROM rate)
            SELECT (SELECT u FROM u),
                   (p + z * z / (2 * n)) / (1 + z * z / n) - z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n)),
                   (p + z * z / (2 * n)) / (1 + z * z / n) + z / (1 + z * z / n) * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
            FROM w
            """;
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());

        var result = Report("--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var cycle = json.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "cycle_days");
        Assert.Equal(Convert.ToDouble(reader.GetValue(0), CultureInfo.InvariantCulture), cycle.GetProperty("test").GetProperty("statistic").GetDouble(), 6);
        var rate = json.RootElement.GetProperty("segments")[0].GetProperty("win_rate");
        Assert.Equal(reader.GetDouble(1), rate.GetProperty("low").GetDouble(), 12);
        Assert.Equal(reader.GetDouble(2), rate.GetProperty("high").GetDouble(), 12);
    }

    [Fact]
    public void Drift_per_quarter_matches_duckdb_over_the_same_files()
    {
        using var dir = new TempDirectory();
        var scored = dir.File("scored.csv");
        Assert.Equal(0, IcpCli.Run("score", "-p", Profile, "-d", Crm("accounts.csv"), "-o", scored, "--as-of", "2026-06-30", "-q").ExitCode);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        // A deal belongs to the quarter it closed in, an open deal to the quarter it was created in.
        query.CommandText = $"""
            WITH scored AS (SELECT * FROM read_csv('{scored}', header = true, all_varchar = true)),
                 deals AS (SELECT * FROM read_csv('{Crm("sales_pipeline.csv")}', header = true, all_varchar = true)),
                 dated AS (
                     SELECT d.deal_stage, s.icp_excluded = 'false' AS in_icp, CAST(coalesce(d.close_date, d.engage_date) AS DATE) AS day,
                            CAST(d.close_date AS DATE) - CAST(d.engage_date AS DATE) AS cycle
                     FROM deals d JOIN scored s ON s.account = d.account)
            SELECT CAST(year(day) AS VARCHAR) || '-Q' || CAST(quarter(day) AS VARCHAR) AS period,
                   count(*), count(*) FILTER (WHERE in_icp),
                   count(*) FILTER (WHERE in_icp AND deal_stage = 'Won'), count(*) FILTER (WHERE in_icp AND deal_stage IN ('Won', 'Lost')),
                   median(cycle) FILTER (WHERE in_icp AND deal_stage = 'Won')
            FROM dated WHERE day IS NOT NULL GROUP BY period ORDER BY period
            """;
        var expected = new List<(string, long, long, long, long, double?)>();
        using (var reader = query.ExecuteReader())
            while (reader.Read())
                expected.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture)));

        var result = Report("--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var periods = json.RootElement.GetProperty("drift").GetProperty("periods").EnumerateArray().Select(p =>
        {
            var deals = p.GetProperty("deals").GetInt64();
            var rate = p.GetProperty("in_icp_win_rate");
            var cycle = p.GetProperty("in_icp_median_cycle_days");
            return (p.GetProperty("period").GetString()!, deals, (long)Math.Round(p.GetProperty("in_icp_share").GetDouble() * deals),
                rate.GetProperty("won").GetInt64(), rate.GetProperty("closed").GetInt64(), cycle.ValueKind == JsonValueKind.Null ? (double?)null : cycle.GetDouble());
        }).ToList();
        Assert.Equal(expected, periods);
        Assert.True(expected.Count >= 4);
    }

    [Fact]
    public void Off_icp_review_counts_match_duckdb_over_the_same_files()
    {
        using var dir = new TempDirectory();
        var scored = dir.File("scored.csv");
        Assert.Equal(0, IcpCli.Run("score", "-p", Profile, "-d", Crm("accounts.csv"), "-o", scored, "--as-of", "2026-06-30", "-q").ExitCode);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = $"""
            WITH scored AS (SELECT * FROM read_csv('{scored}', header = true, all_varchar = true)),
                 deals AS (SELECT * FROM read_csv('{Crm("sales_pipeline.csv")}', header = true, all_varchar = true)),
                 open_deals AS (SELECT d.sales_agent, s.icp_excluded = 'true' AS off FROM deals d JOIN scored s ON s.account = d.account
                                WHERE d.deal_stage NOT IN ('Won', 'Lost'))
            SELECT sales_agent, count(*) FILTER (WHERE off), count(*) FROM open_deals GROUP BY ROLLUP (sales_agent)
            """;
        var expected = new Dictionary<string, (long Off, long Open)>();
        using (var reader = query.ExecuteReader())
            while (reader.Read())
                expected[reader.IsDBNull(0) ? "(all)" : reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));

        var result = Report("--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var review = json.RootElement.GetProperty("off_icp");
        Assert.Equal(expected["(all)"], (review.GetProperty("off_icp_open_deals").GetInt64(), review.GetProperty("open_deals").GetInt64()));
        Assert.Equal(664, review.GetProperty("open_deals").GetInt64()); // the data README: 664 open deals name an account
        var owners = review.GetProperty("by_owner").EnumerateArray().ToList();
        Assert.Equal(10, owners.Count);
        foreach (var o in owners)
            Assert.Equal(expected[o.GetProperty("owner").GetString()!], (o.GetProperty("off_icp").GetInt64(), o.GetProperty("open").GetInt64()));
        Assert.Equal(20, review.GetProperty("deals").GetArrayLength());
    }

    [Fact]
    public void Criterion_lift_matches_duckdb_for_a_signal()
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        // "US headquarters" holds when office_location = United States; lift = its win rate ÷ the overall one over matched closed deals.
        query.CommandText = $"""
            WITH accounts AS (SELECT * FROM read_csv('{Crm("accounts.csv")}', header = true, all_varchar = true)),
                 deals AS (SELECT * FROM read_csv('{Crm("sales_pipeline.csv")}', header = true, all_varchar = true)),
                 closed AS (SELECT d.deal_stage = 'Won' AS won, a.office_location = 'United States' AS holds
                            FROM deals d JOIN accounts a ON a.account = d.account WHERE d.deal_stage IN ('Won', 'Lost'))
            SELECT count(*) FILTER (WHERE holds), avg(CAST(won AS DOUBLE)) FILTER (WHERE holds), avg(CAST(won AS DOUBLE)) FILTER (WHERE NOT holds),
                   avg(CAST(won AS DOUBLE)) FILTER (WHERE holds) / avg(CAST(won AS DOUBLE))
            FROM closed
            """;
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());

        var result = Report("--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var us = json.RootElement.GetProperty("criterion_lifts").EnumerateArray().Single(l => l.GetProperty("criterion").GetString() == "US headquarters");
        Assert.Equal(reader.GetInt64(0), us.GetProperty("closed_when_holds").GetInt64());
        Assert.Equal(reader.GetDouble(1), us.GetProperty("win_rate_when_holds").GetDouble(), 12);
        Assert.Equal(reader.GetDouble(2), us.GetProperty("win_rate_otherwise").GetDouble(), 12);
        Assert.Equal(reader.GetDouble(3), us.GetProperty("lift").GetDouble(), 12);
    }

    [Fact]
    public void Report_prints_segments_tests_and_a_verdict()
    {
        var result = Report();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("In ICP vs out of ICP", result.Out);
        Assert.Contains("two-proportion z", result.Out);
        Assert.Contains("Mann-Whitney U", result.Out);
        Assert.Contains("deals: 7,375 of 8,800 matched an account on account (100.0% of keyed deals); left out: 1,425 with no key, 0 unmatched", result.Out);
        // Publisher-made data: win rates barely differ by segment (data README), so the profile cannot show lift.
        Assert.Contains("Verdict: in-ICP does not outperform on any metric", result.Out);
        Assert.Contains("Drift by quarter", result.Out);
        Assert.Contains("Lift of each criterion", result.Out);
        Assert.Contains("Off-ICP review: reps keep working off-ICP deals: 20% of open pipeline (134 of 664 open deals)", result.Out);
    }

    [Fact]
    public void A_segment_smaller_than_min_deals_says_too_few()
    {
        var result = Report("--min-deals", "1000", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var a = json.RootElement.GetProperty("tiers").EnumerateArray().First();
        Assert.True(a.GetProperty("win_rate").GetProperty("too_few").GetBoolean());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("win_rate").GetProperty("rate").ValueKind);
    }

    [Fact]
    public void A_key_that_matches_no_deal_is_bad_input()
    {
        var result = Report("--key", "revenue=account");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no deal matched an account: none of the 7,375 values of 'account' is a 'revenue' of", result.Err);
    }

    [Fact]
    public void A_key_that_repeats_in_the_accounts_is_bad_input()
    {
        var result = Report("--key", "sector=account");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("accounts.csv:4 (field 'sector'): key 'medical' of column 'sector' appears twice (lines 3 and 4)", result.Err);
    }

    [Fact]
    public void A_named_column_that_is_missing_is_bad_input()
    {
        var result = Report("--created", "created_on");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--created column 'created_on' is not a column of", result.Err);
    }

    [Fact]
    public void Key_without_outcomes_and_min_deals_below_one_are_usage_errors()
    {
        Assert.Equal(2, IcpCli.Run("report", "-p", Profile, "-d", Crm("accounts.csv"), "--key", "account").ExitCode);
        Assert.Equal(2, Report("--min-deals", "0").ExitCode);
        Assert.Equal(2, Report("--review", "-1").ExitCode);
        Assert.Equal(2, Report("--period", "week").ExitCode);
    }

    [Fact]
    public void Accounts_without_deal_columns_have_no_outcome_data_at_all()
    {
        var result = IcpCli.Run("report", "-p", Profile, "-d", Crm("accounts.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no outcome data at all", result.Err);
    }

    [Fact]
    public void Html_report_is_one_self_contained_file_with_wellformed_charts()
    {
        using var dir = new TempDirectory();
        var path = dir.File("report.html");
        var result = Report("--html", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        var html = File.ReadAllText(path);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        var charts = System.Text.RegularExpressions.Regex.Matches(html, "<svg.*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(4, charts.Count); // win rate, cycle, value, drift
        foreach (System.Text.RegularExpressions.Match chart in charts) System.Xml.Linq.XDocument.Parse(chart.Value);
        Assert.Contains("in-ICP does not outperform on any metric", html);
        Assert.Contains("Drift by quarter", html);
    }

    [Fact]
    public void Html_report_into_a_missing_directory_is_bad_input_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "missing", "report.html");
        var result = Report("--html", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Err);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "missing")));
        Assert.Empty(result.Out);
    }
}
