using Icp.Core.Profiles;
using Icp.Core.Reporting;
using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Reporting;

public sealed class ProfileReportTests
{
    // Big US accounts reach tier A, small US accounts stay in the floor tier, anyone else is excluded.
    private static readonly Profile Profile = Some.Profile("""
        icp: report-test
        must:
          - country: { in: [US] }
        signals:
          - employees: { gte: 100 }
            points: 10
        tiers: { A: 50 }
        """);

    private static readonly string[] AccountColumns = ["account", "country", "employees"];
    private static readonly string[][] AccountRows = [["Big", "US", "500"], ["Small", "US", "20"], ["Abroad", "DE", "500"]];
    private static readonly string[] DealColumns = ["opportunity", "account", "deal_stage", "engage_date", "close_date", "close_value"];

    private static ReportOptions Options(DealColumnNames? columns = null, string? key = null, string? minTier = null, int min = 20, bool strict = false,
        DriftPeriod period = DriftPeriod.Quarter) =>
        new(new ScoringOptions(new DateOnly(2026, 6, 30), strict), columns ?? new DealColumnNames(), key, minTier, min, Period: period);

    /// <summary><paramref name="n"/> deals of one account: the first <paramref name="won"/> won, then lost, each with a cycle of <paramref name="days"/> days and value <paramref name="value"/>.</summary>
    private static IEnumerable<string[]> Deals(string account, int n, int won, int days = 30, int value = 1000, int open = 0, DateOnly? from = null)
    {
        var start = from ?? new DateOnly(2025, 1, 1);
        for (var i = 0; i < n; i++)
        {
            var created = start.AddDays(i);
            yield return [$"{account}-{i}", account, i < won ? "Won" : "Lost", created.ToString("yyyy-MM-dd"), created.AddDays(days + i % 3).ToString("yyyy-MM-dd"), i < won ? $"{value + i}" : "0"];
        }
        for (var i = 0; i < open; i++) yield return [$"{account}-open-{i}", account, "Engaging", start.ToString("yyyy-MM-dd"), "", ""];
    }

    private static string[] With(string[] row, int column, string value)
    {
        var copy = (string[])row.Clone();
        copy[column] = value;
        return copy;
    }

    private static ValidationReport Report(IEnumerable<string[]> deals, ReportOptions? options = null, string[]? dealColumns = null) =>
        ProfileReport.Build(Profile, Table.Reader(AccountColumns, AccountRows, "accounts.csv"),
            Table.Reader(dealColumns ?? DealColumns, [.. deals], "deals.csv"), options ?? Options());

    [Fact]
    public void Deals_are_segmented_by_their_accounts_fit_and_outcome()
    {
        var report = Report([.. Deals("Big", 30, 20, open: 2), .. Deals("Small", 25, 10), .. Deals("Abroad", 40, 12)]);

        Assert.Equal((57, 30L, 25L, 2L), (report.InIcp.Deals, report.InIcp.Won, report.InIcp.Lost, report.InIcp.Open));
        Assert.Equal((40, 12L, 28L), (report.OutOfIcp.Deals, report.OutOfIcp.Won, report.OutOfIcp.Lost));
        Assert.Equal(["A", "D", "excluded"], report.Tiers.Select(t => t.Segment));
        Assert.Equal([32L, 25L, 40L], report.Tiers.Select(t => t.Deals));
        Assert.Equal(30.0 / 55, report.InIcp.WinRate!.Rate.Value, 12);
        Assert.Equal(new JoinSummary("account", "account", 97, 0, 97, 0, []).Matched, report.Join!.Matched);
    }

    [Fact]
    public void In_icp_that_wins_twice_as_often_outperforms_with_its_p_value()
    {
        var report = Report([.. Deals("Big", 50, 40), .. Deals("Abroad", 50, 20)]);

        var win = report.Comparisons.Single(c => c.Metric == "win_rate");
        Assert.Equal(Verdict.Outperforms, win.Verdict);
        Assert.Equal("in-ICP wins 2.0x as often (80% vs 40%, p<0.001)", win.Text);
        Assert.Equal(Verdict.Outperforms, report.Overall);
        Assert.StartsWith("in-ICP outperforms: in-ICP wins 2.0x as often", report.OverallText);
    }

    [Fact]
    public void No_difference_says_the_profile_is_wrong_or_stale()
    {
        var report = Report([.. Deals("Big", 50, 30), .. Deals("Abroad", 50, 30)]);

        Assert.All(report.Comparisons, c => Assert.Equal(Verdict.DoesNotOutperform, c.Verdict));
        Assert.Equal(Verdict.DoesNotOutperform, report.Overall);
        Assert.EndsWith("the profile is wrong or stale", report.OverallText);
        Assert.Contains("in-ICP does not outperform on win rate (60% vs 60%, p=1.00)", report.Comparisons[0].Text);
    }

    [Fact]
    public void Shorter_cycles_and_bigger_deals_in_the_icp_are_recognised()
    {
        var report = Report([.. Deals("Big", 40, 30, days: 20, value: 5000), .. Deals("Abroad", 40, 30, days: 60, value: 1000)]);

        Assert.Equal(Verdict.Outperforms, report.Comparisons.Single(c => c.Metric == "cycle_days").Verdict);
        Assert.StartsWith("in-ICP deals close faster (median 21 vs 61 days, p<0.001)", report.Comparisons.Single(c => c.Metric == "cycle_days").Text);
        Assert.StartsWith("in-ICP deals are worth", report.Comparisons.Single(c => c.Metric == "value").Text);
        // Only won deals count for cycle and value.
        Assert.Equal(30, report.InIcp.CycleDays!.Count);
        Assert.Equal(30, report.InIcp.Value!.Count);
    }

    [Fact]
    public void Worse_in_icp_win_rate_underperforms()
    {
        var report = Report([.. Deals("Big", 50, 10), .. Deals("Abroad", 50, 40)]);

        Assert.Equal(Verdict.Underperforms, report.Comparisons[0].Verdict);
        Assert.Equal(Verdict.Underperforms, report.Overall);
    }

    [Fact]
    public void Small_segments_say_too_few_instead_of_a_number()
    {
        var report = Report([.. Deals("Big", 50, 30), .. Deals("Abroad", 8, 3)]);

        Assert.True(report.OutOfIcp.WinRate!.TooFew);
        Assert.False(report.InIcp.WinRate!.TooFew);
        var win = report.Comparisons[0];
        Assert.Equal(Verdict.NotEnoughData, win.Verdict);
        Assert.Null(win.InIcp);
        Assert.Equal("too few closed deals to compare win rates (in-ICP 50, out-of-ICP 8; 20 needed in each)", win.Text);
        Assert.Equal(Verdict.NotEnoughData, report.Overall);
    }

    [Fact]
    public void Dates_that_do_not_parse_are_counted_with_their_lines()
    {
        string[][] deals = [.. Deals("Big", 30, 20), ["x1", "Big", "Won", "someday", "2025-03-01", "10"], ["x2", "Big", "Won", "2025-01-01", "31/02/2025", "10"]];
        var report = Report(deals);

        var created = Assert.Single(report.Issues.Entries, e => e.Field == "engage_date");
        Assert.Equal(("not a date", 1L), (created.Problem, created.Count));
        Assert.Equal([32L], created.FirstLines);
        Assert.Equal([33L], Assert.Single(report.Issues.Entries, e => e.Field == "close_date").FirstLines);
        Assert.Equal(20, report.InIcp.CycleDays!.Count); // the two bad deals have no cycle, but still count as won
        Assert.Equal(22, report.InIcp.Won);
    }

    [Fact]
    public void Strict_stops_at_the_first_date_that_does_not_parse()
    {
        string[][] deals = [.. Deals("Big", 3, 2), ["x1", "Big", "Won", "someday", "2025-03-01", "10"]];
        var e = Assert.Throws<InputException>(() => Report(deals, Options(strict: true)));
        Assert.Equal("deals.csv:5 (field 'engage_date'): 'someday' is not a date: expected a date like 2024-03-01", e.Describe());
    }

    [Fact]
    public void Closed_before_created_deals_are_counted_and_left_out_of_the_cycle()
    {
        string[][] deals = [.. Deals("Big", 30, 20), ["x1", "Big", "Won", "2025-03-01", "2025-02-01", "10"]];
        var report = Report(deals);

        var entry = Assert.Single(report.Issues.Entries);
        Assert.Equal(("close_date", "closed before created (left out of the sales cycle)", 1L, 32L), (entry.Field, entry.Problem, entry.Count, entry.FirstLines[0]));
        Assert.Contains(report.Warnings, w => w.StartsWith("1 deal(s) closed before they were created", StringComparison.Ordinal));
        Assert.Equal(20, report.InIcp.CycleDays!.Count);
    }

    [Fact]
    public void Deals_without_any_outcome_column_are_rejected()
    {
        var e = Assert.Throws<InputException>(() => Report([["o1", "Big", "note"]], dealColumns: ["opportunity", "account", "comment"]));
        Assert.StartsWith("no outcome data at all: deals.csv has none of the columns deal_stage, engage_date, close_date, close_value", e.Message);
    }

    [Fact]
    public void An_outcome_column_with_no_won_or_lost_deal_is_rejected_with_the_values_seen()
    {
        string[][] deals = [["o1", "Big", "Engaging", "", "", ""], ["o2", "Big", "Closed Won", "", "", ""]];
        var e = Assert.Throws<InputException>(() => Report(deals));
        Assert.Equal("deals.csv:1 (field 'deal_stage'): no outcome data: no value of 'deal_stage' is Won or Lost (values seen: Closed Won, Engaging); name the outcome values with --won and --lost", e.Describe());
    }

    [Fact]
    public void Won_and_lost_values_can_be_renamed()
    {
        string[][] deals = [.. Deals("Big", 30, 20).Select(d => With(d, 2, d[2] == "Won" ? "Closed Won" : "Closed Lost"))];
        var report = Report(deals, Options(new DealColumnNames(Won: ["closed won"], Lost: ["Closed Lost"])));
        Assert.Equal((20L, 10L), (report.InIcp.Won, report.InIcp.Lost));
    }

    [Fact]
    public void A_join_key_that_matches_nothing_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => Report([.. Deals("Nobody", 5, 2)]));
        Assert.Equal("deals.csv:1 (field 'account'): no deal matched an account: none of the 5 values of 'account' is a 'account' of accounts.csv (e.g. 'Nobody'); check --key", e.Describe());
    }

    [Fact]
    public void A_partial_join_reports_its_match_rate_and_leaves_unmatched_and_blank_deals_out()
    {
        string[][] deals = [.. Deals("Big", 30, 20), .. Deals("Ghost", 10, 5), ["b1", "", "Engaging", "", "", ""]];
        var report = Report(deals);

        Assert.Equal((41L, 1L, 30L, 10L), (report.Join!.Deals, report.Join.BlankKey, report.Join.Matched, report.Join.Unmatched));
        Assert.Equal(0.75, report.Join.MatchRate, 12);
        Assert.Equal(["Ghost"], report.Join.UnmatchedExamples);
        Assert.Contains("only 75.0% of deals with a 'account' matched an account (e.g. 'Ghost')", report.Warnings);
        Assert.Equal(30, report.InIcp.Deals + report.OutOfIcp.Deals);
    }

    [Fact]
    public void Keys_can_name_different_columns_on_each_side()
    {
        string[] renamed = ["opportunity", "company", "deal_stage", "engage_date", "close_date", "close_value"];
        var report = Report([.. Deals("Big", 30, 20)], Options(key: "account=company"), renamed);
        Assert.Equal(("account", "company", 30L), (report.Join!.KeyColumn, report.Join.DealKeyColumn, report.Join.Matched));
    }

    [Fact]
    public void A_key_column_that_is_missing_is_rejected_with_a_suggestion()
    {
        var e = Assert.Throws<InputException>(() => Report([.. Deals("Big", 3, 2)], Options(key: "acount")));
        Assert.Equal("accounts.csv:1: --key column 'acount' is not a column of accounts.csv — did you mean 'account'?", e.Describe());
    }

    [Fact]
    public void A_duplicated_account_key_is_rejected_with_both_lines()
    {
        var accounts = Table.Reader(AccountColumns, [.. AccountRows, ["big", "US", "30"]], "accounts.csv");
        var e = Assert.Throws<InputException>(() => ProfileReport.Build(Profile, accounts, Table.Reader(DealColumns, [.. Deals("Big", 3, 2)], "deals.csv"), Options()));
        Assert.Equal("accounts.csv:5 (field 'account'): key 'big' of column 'account' appears twice (lines 2 and 5): each account needs its own key to join deals to", e.Describe());
    }

    [Fact]
    public void Every_closed_deal_won_means_win_rate_cannot_be_tested()
    {
        var report = Report([.. Deals("Big", 30, 30), .. Deals("Abroad", 30, 30)]);

        Assert.Equal(Verdict.NotEnoughData, report.Comparisons[0].Verdict);
        Assert.StartsWith("every closed deal has the same outcome", report.Comparisons[0].Text);
        Assert.Contains("every closed deal is won (60 deals): win rates cannot tell segments apart", report.Warnings);
    }

    [Fact]
    public void Metrics_whose_default_columns_are_missing_are_listed_as_not_available()
    {
        string[] columns = ["opportunity", "account", "deal_stage"];
        var report = Report([.. Deals("Big", 30, 20).Select(d => d[..3]), .. Deals("Abroad", 30, 10).Select(d => d[..3])], dealColumns: columns);

        Assert.Equal(["win_rate"], report.Comparisons.Select(c => c.Metric));
        Assert.Equal(["sales cycle: no created-date column 'engage_date'", "deal value: no value column 'close_value'"], report.NotAvailable);
        Assert.Null(report.InIcp.CycleDays);
        Assert.Null(report.InIcp.Value);
    }

    [Fact]
    public void A_named_column_that_is_missing_is_rejected_with_a_suggestion()
    {
        var e = Assert.Throws<InputException>(() => Report([.. Deals("Big", 3, 2)], Options(new DealColumnNames(Value: "close_valu"))));
        Assert.Equal("deals.csv:1: --value column 'close_valu' is not a column of deals.csv — did you mean 'close_value'?", e.Describe());
    }

    [Fact]
    public void Values_in_two_currencies_are_not_compared()
    {
        string[][] deals = [.. Deals("Big", 30, 20).Select((d, i) => With(d, 5, i == 3 ? "€1200" : "$" + d[5]))];
        var report = Report(deals);

        Assert.Null(report.InIcp.Value);
        Assert.Equal("deal value: 'close_value' mixes currencies (EUR from line 5, USD from line 2); convert to one currency first", Assert.Single(report.NotAvailable));
    }

    [Fact]
    public void Values_with_one_currency_symbol_are_read()
    {
        var report = Report([.. Deals("Big", 30, 20).Select(d => With(d, 5, "$" + d[5]))]);
        Assert.Equal(20, report.InIcp.Value!.Count);
    }

    [Fact]
    public void Min_tier_narrows_the_icp_and_must_name_a_tier()
    {
        var report = Report([.. Deals("Big", 30, 20), .. Deals("Small", 30, 5)], Options(minTier: "a"));
        Assert.Equal((30L, 30L), (report.InIcp.Deals, report.OutOfIcp.Deals));
        Assert.Equal("not excluded and tier a or better", report.InIcpMeans);

        var e = Assert.Throws<InputException>(() => Report([.. Deals("Big", 3, 2)], Options(minTier: "Z")));
        Assert.Equal("--min-tier 'Z' is not a tier of profile 'report-test' (tiers: A, D)", e.Message);
    }

    [Fact]
    public void Without_separate_deals_each_row_is_scored_and_is_a_deal()
    {
        string[] columns = ["account", "country", "employees", "deal_stage"];
        string[][] rows = [.. Enumerable.Range(0, 40).Select(i => new[] { $"a{i}", i % 2 == 0 ? "US" : "DE", "500", i % 4 < 2 ? "Won" : "Lost" })];
        var report = ProfileReport.Build(Profile, Table.Reader(columns, rows), null, Options());

        Assert.Null(report.Join);
        Assert.Equal((20L, 20L), (report.InIcp.Deals, report.OutOfIcp.Deals));
        Assert.Equal((10L, 10L), (report.InIcp.Won, report.OutOfIcp.Won));
    }

    [Fact]
    public void Drift_repeats_the_comparison_per_quarter_of_the_close_date()
    {
        // Q1 closes: in-ICP wins 24 of 30; Q3 closes: 6 of 30. Cycles of 30-32 days keep each batch in its quarter.
        var report = Report([.. Deals("Big", 30, 24, from: new DateOnly(2025, 1, 1)), .. Deals("Big", 30, 6, from: new DateOnly(2025, 6, 1)),
            .. Deals("Abroad", 30, 15, from: new DateOnly(2025, 1, 1)), .. Deals("Abroad", 30, 15, from: new DateOnly(2025, 6, 1))]);

        var drift = report.Drift!;
        Assert.Equal("2025-Q1", drift.Baseline);
        Assert.Equal(["2025-Q1", "2025-Q3"], drift.Periods.Select(p => p.Period));
        Assert.Equal((24L, 30L), (drift.Periods[0].InIcpWinRate.Rate.Successes, drift.Periods[0].InIcpWinRate.Rate.Trials));
        Assert.Equal(0.8 / 0.5, drift.Periods[0].Lift!.Value, 12);
        Assert.Equal(0.5, drift.Periods[1].InIcpShare, 12);
        Assert.Equal(0, drift.Periods[1].Psi!.Value, 12); // same accounts, same score mix
        Assert.Equal("2025-Q3: in-ICP win rate moved from 80% in 2025-Q1 to 20% (p<0.001)", Assert.Single(drift.Alerts));
    }

    [Fact]
    public void Drift_flags_a_shift_in_the_score_distribution()
    {
        var report = Report([.. Deals("Big", 30, 15, from: new DateOnly(2025, 1, 1)), .. Deals("Abroad", 30, 15, from: new DateOnly(2025, 6, 1))],
            Options(min: 10, period: DriftPeriod.Month));

        var drift = report.Drift!;
        Assert.Equal("2025-02", drift.Baseline);
        Assert.All(drift.Periods.Where(p => p.Psi is not null && p.Period.CompareTo("2025-07") >= 0), p => Assert.Equal("major shift", p.Stability));
        Assert.Contains(drift.Alerts, a => a.StartsWith("2025-07: the score distribution shifted from 2025-02 (PSI", StringComparison.Ordinal));
    }

    [Fact]
    public void Drift_alerts_when_the_in_icp_sales_cycle_moves()
    {
        var report = Report([.. Deals("Big", 30, 24, days: 30, from: new DateOnly(2025, 1, 1)), .. Deals("Big", 30, 24, days: 60, from: new DateOnly(2025, 6, 1))]);

        var drift = report.Drift!;
        Assert.Equal([31.0, 61.0], drift.Periods.Select(p => p.InIcpMedianCycle!.Value));
        Assert.Equal("2025-Q3: in-ICP sales cycle moved from a median of 31 days in 2025-Q1 to 61 (p<0.001)", Assert.Single(drift.Alerts));
    }

    [Fact]
    public void A_profile_past_its_review_date_is_flagged_as_possibly_stale()
    {
        var stale = Some.Profile("icp: stale\nreview_by: 2026-01-31\nmust:\n  - country: { in: [US] }\nsignals:\n  - employees: { gte: 100 }\n    points: 10\n");
        var report = ProfileReport.Build(stale, Table.Reader(AccountColumns, AccountRows, "accounts.csv"), Table.Reader(DealColumns, [.. Deals("Big", 30, 20)], "deals.csv"), Options());
        Assert.Contains("the profile's review_by date 2026-01-31 has passed: it may be stale", report.Warnings);
        Assert.DoesNotContain(Report([.. Deals("Big", 30, 20)]).Warnings, w => w.Contains("review_by", StringComparison.Ordinal));
    }

    [Fact]
    public void Drift_can_be_turned_off() =>
        Assert.Null(Report([.. Deals("Big", 30, 20)], Options(period: DriftPeriod.None)).Drift);

    [Fact]
    public void Open_deals_on_off_icp_accounts_make_the_review_list_with_reasons_and_owners()
    {
        string[] columns = ["opportunity", "account", "deal_stage", "engage_date", "close_date", "close_value", "sales_agent"];
        string[][] deals = [
            ["o1", "Big", "Engaging", "2025-01-01", "", "", "Ann"],
            ["o2", "Abroad", "Engaging", "2025-02-01", "", "", "Ann"],
            ["o3", "Abroad", "Prospecting", "2025-03-01", "", "", "Bob"],
            ["o4", "Small", "Engaging", "2025-01-15", "", "", "Bob"],
            ["w1", "Abroad", "Won", "2025-01-01", "2025-02-01", "10", "Ann"],
            ["l1", "Big", "Lost", "2025-01-01", "2025-02-01", "0", "Bob"]];
        var report = Report(deals, dealColumns: columns);

        var review = report.OffIcp!;
        Assert.Equal((4L, 2L), (review.OpenDeals, review.OffIcpOpenDeals));
        Assert.Equal("reps keep working off-ICP deals: 50% of open pipeline (2 of 4 open deals)", review.Text);
        Assert.Equal([new OwnerShare("Ann", 1, 2), new OwnerShare("Bob", 1, 2)], review.ByOwner);
        Assert.Equal(["o3", "o2"], review.Deals.Select(d => d.Deal)); // newest first
        Assert.Equal(new OffIcpDeal("o3", "Abroad", "Bob", new DateOnly(2025, 3, 1), "country=DE (needs country=US)", 4), review.Deals[0]);

        var narrowed = Report(deals, Options(minTier: "A"), columns).OffIcp!;
        Assert.Equal(3, narrowed.OffIcpOpenDeals);
        Assert.Equal("tier D, below A", narrowed.Deals.Single(d => d.Deal == "o4").Reason);
    }

    [Fact]
    public void Without_an_outcome_column_there_is_no_review_list()
    {
        string[] columns = ["opportunity", "account", "engage_date", "close_date"];
        var report = Report([["o1", "Big", "2025-01-01", "2025-02-01"]], dealColumns: columns);
        Assert.Null(report.OffIcp);
    }

    [Fact]
    public void Values_that_are_not_numbers_are_counted_with_their_lines()
    {
        string[][] deals = [.. Deals("Big", 30, 20), ["x1", "Big", "Won", "2025-01-01", "2025-02-01", "lots"]];
        var report = Report(deals);

        var entry = Assert.Single(report.Issues.Entries);
        Assert.Equal(("close_value", "not a number", 1L, 32L), (entry.Field, entry.Problem, entry.Count, entry.FirstLines[0]));
        Assert.Equal(20, report.InIcp.Value!.Count);
    }

    [Fact]
    public void Accounts_and_deals_without_a_shared_column_need_a_key()
    {
        string[] columns = ["opportunity", "company", "deal_stage"];
        var e = Assert.Throws<InputException>(() => Report([["o1", "Big", "Won"]], dealColumns: columns));
        Assert.Equal("deals.csv:1: no column of accounts.csv is also a column of deals.csv: name the join key with --key ACCOUNT_COLUMN=DEAL_COLUMN", e.Describe());
    }

    [Fact]
    public void A_value_that_is_both_won_and_lost_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => Report([.. Deals("Big", 3, 2)], Options(new DealColumnNames(Won: ["Won", "Closed"], Lost: ["closed"]))));
        Assert.Equal("'Closed' is both a --won and a --lost value", e.Message);
    }

    [Fact]
    public void A_deals_file_without_rows_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => ProfileReport.Build(Profile, Table.Reader([.. AccountColumns, "deal_stage"], [], "deals.csv"), null, Options()));
        Assert.Equal("deals.csv: deals.csv has no deals to report on", e.Describe());
    }

    [Fact]
    public void Each_criterion_gets_its_lift_overall_and_per_period()
    {
        // employees>=100 holds for Big and Abroad: 39 of 60 won (65%), against 6 of 30 (20%) for Small; overall 45 of 90.
        var report = Report([.. Deals("Big", 30, 24), .. Deals("Small", 30, 6), .. Deals("Abroad", 30, 15)]);

        Assert.Equal([("must", "country=US"), ("signal", "employees>=100")], report.CriterionLifts.Select(l => (l.Section, l.Criterion)));
        var size = report.CriterionLifts[1];
        Assert.Equal(60, size.ClosedWhenHolds);
        Assert.Equal(0.65, size.WinRateWhenHolds!.Value, 12);
        Assert.Equal(0.2, size.WinRateOtherwise!.Value, 12);
        Assert.Equal(0.65 / 0.5, size.Lift!.Value, 12);
        Assert.True(size.Test!.Value.P < 0.001);
        Assert.Equal(1.0, report.CriterionLifts[0].Lift!.Value, 12); // Big and Small together win exactly the overall rate
        var q1 = Assert.Single(size.ByPeriod);
        Assert.Equal(("2025-Q1", 1.3), (q1.Period, Math.Round(q1.Lift!.Value, 12)));
    }
}
