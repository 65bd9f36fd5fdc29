using System.Globalization;
using Icp.Core.Reporting;
using Spectre.Console;

namespace Icp.Cli.Terminal;

/// <summary>The tables and JSON of <c>icp report</c>.</summary>
internal static class ReportRender
{
    public static void Tables(IAnsiConsole console, ValidationReport report)
    {
        console.MarkupLine($"[bold]Profile {Markup.Escape(report.ProfileName)}[/] v{report.ProfileVersion}: in ICP = {Markup.Escape(report.InIcpMeans)}");
        if (report.Join is { } join)
            console.MarkupLine(Markup.Escape($"deals: {join.Matched:N0} of {join.Deals:N0} matched an account on {Key(join)} ({join.MatchRate:0.0%} of keyed deals);"
                + $" left out: {join.BlankKey:N0} with no key, {join.Unmatched:N0} unmatched"));
        console.Write(Segments("In ICP vs out of ICP", [report.InIcp, report.OutOfIcp]));
        console.Write(Segments("By tier", report.Tiers));

        var tests = new Table().Border(TableBorder.Rounded).Title("[bold]Does in-ICP outperform?[/]");
        tests.AddColumn("metric");
        tests.AddColumn("test");
        tests.AddColumn("verdict");
        foreach (var c in report.Comparisons)
            tests.AddRow(MetricName(c.Metric), TestName(c), $"[{Colour(c.Verdict)}]{Markup.Escape(c.Text)}[/]");
        console.Write(tests);
        if (report.CriterionLifts.Count > 0) Lifts(console, report);
        if (report.Drift is { } drift) Drift(console, drift);
        if (report.OffIcp is { } review) OffIcp(console, review);
        foreach (var missing in report.NotAvailable) console.MarkupLine($"[grey]not available:[/] {Markup.Escape(missing)}");
        foreach (var warning in report.Warnings) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(warning)}");
        Render.Issues(console, report.Issues);
        console.MarkupLine($"[bold]Verdict:[/] [{Colour(report.Overall)}]{Markup.Escape(report.OverallText)}[/]");
    }

    private static void Drift(IAnsiConsole console, DriftReport drift)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Drift by {drift.Period.ToString().ToLowerInvariant()}[/]")
            .Caption("[grey]PSI: score distribution vs the baseline (< 0.1 stable, > 0.25 major shift)[/]");
        table.AddColumn("period");
        table.AddColumn(new TableColumn("deals").RightAligned());
        table.AddColumn(new TableColumn("in ICP").RightAligned());
        table.AddColumn(new TableColumn("win rate in ICP").RightAligned());
        table.AddColumn(new TableColumn("win rate out").RightAligned());
        table.AddColumn(new TableColumn("lift").RightAligned());
        table.AddColumn(new TableColumn("cycle in ICP").RightAligned());
        table.AddColumn(new TableColumn("PSI").RightAligned());
        foreach (var p in drift.Periods)
            table.AddRow(Markup.Escape(p.Period), $"{p.Deals:N0}", ProfileReport.Percent(p.InIcpShare), Markup.Escape(RateText(p.InIcpWinRate)),
                Markup.Escape(RateText(p.OutOfIcpWinRate)), p.Lift is { } l ? $"{l:0.00}x" : "",
                p.InIcpMedianCycle is { } c ? c.ToString("0.#", CultureInfo.InvariantCulture) : "", p.Period == drift.Baseline ? "baseline" : p.Psi is { } psi ? $"{psi:0.000} {p.Stability}" : "too few deals");
        console.Write(table);
        foreach (var alert in drift.Alerts) console.MarkupLine($"[red]alert:[/] {Markup.Escape(alert)}");
    }

    private static void Lifts(IAnsiConsole console, ValidationReport report)
    {
        var periods = report.CriterionLifts[0].ByPeriod.Select(p => p.Period).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Lift of each criterion[/] (win rate when it holds ÷ overall)");
        table.AddColumn("criterion");
        table.AddColumn(new TableColumn("closed").RightAligned());
        table.AddColumn(new TableColumn("win rate holds / not").RightAligned());
        table.AddColumn(new TableColumn("lift").RightAligned());
        table.AddColumn(new TableColumn("p").RightAligned());
        if (periods.Count > 0) table.AddColumn(new TableColumn($"lift, {periods[0]} … {periods[^1]}"));
        foreach (var l in report.CriterionLifts)
        {
            var cells = new List<string>
            {
                Markup.Escape($"{l.Section}: {Shorten(l.Criterion)}"), $"{l.ClosedWhenHolds:N0}",
                $"{(l.WinRateWhenHolds is { } a ? ProfileReport.Percent(a) : "too few")} / {(l.WinRateOtherwise is { } b ? ProfileReport.Percent(b) : "too few")}",
                l.Lift is { } lift ? lift.ToString("0.00", CultureInfo.InvariantCulture) : "",
                l.Test is { } t ? ProfileReport.PValue(t.P)[2..] : "",
            };
            if (periods.Count > 0) cells.Add(string.Join("  ", l.ByPeriod.Select(p => p.Lift is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–")));
            table.AddRow([.. cells]);
        }
        console.Write(table);
    }

    private static string Shorten(string s) => s.Length <= 45 ? s : s[..42] + "...";

    private static void OffIcp(IAnsiConsole console, OffIcpReview review)
    {
        console.MarkupLine($"[bold]Off-ICP review:[/] {Markup.Escape(review.Text)}");
        if (review.ByOwner.Count > 0)
        {
            var owners = new Table().Border(TableBorder.Rounded).Title("[bold]Off-ICP open deals by owner[/]");
            owners.AddColumn("owner");
            owners.AddColumn(new TableColumn("off-ICP").RightAligned());
            owners.AddColumn(new TableColumn("open").RightAligned());
            owners.AddColumn(new TableColumn("share").RightAligned());
            foreach (var o in review.ByOwner)
                owners.AddRow(Markup.Escape(o.Owner), $"{o.OffIcpOpen:N0}", $"{o.Open:N0}", ProfileReport.Percent((double)o.OffIcpOpen / o.Open));
            console.Write(owners);
        }
        if (review.Deals.Count == 0) return;
        var deals = new Table().Border(TableBorder.Rounded).Title($"[bold]Off-ICP open deals to review[/] (newest {review.Deals.Count:N0} of {review.OffIcpOpenDeals:N0})");
        deals.AddColumn("deal");
        deals.AddColumn("account");
        deals.AddColumn("owner");
        deals.AddColumn("created");
        deals.AddColumn("why off-ICP");
        foreach (var d in review.Deals)
            deals.AddRow(Markup.Escape(d.Deal), Markup.Escape(d.Account), Markup.Escape(d.Owner ?? ""),
                d.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Markup.Escape(d.Reason));
        console.Write(deals);
    }

    private static string Key(JoinSummary j) => j.KeyColumn == j.DealKeyColumn ? j.KeyColumn : $"{j.KeyColumn}={j.DealKeyColumn}";

    private static string MetricName(string metric) => metric switch { "win_rate" => "win rate", "cycle_days" => "sales cycle", _ => "deal value" };

    private static string TestName(MetricComparison c) => c.Test is null ? "" : c.Metric == "win_rate" ? "two-proportion z" : "Mann-Whitney U";

    private static string Colour(Verdict v) => v switch
    {
        Verdict.Outperforms => "green",
        Verdict.Underperforms or Verdict.DoesNotOutperform => "red",
        Verdict.Mixed => "yellow",
        _ => "grey",
    };

    private static Table Segments(string title, IEnumerable<SegmentReport> segments)
    {
        var list = segments.ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn("segment");
        table.AddColumn(new TableColumn("deals").RightAligned());
        var rate = list.Any(s => s.WinRate is not null);
        var cycle = list.Any(s => s.CycleDays is not null);
        var value = list.Any(s => s.Value is not null);
        if (rate)
        {
            table.AddColumn(new TableColumn("won").RightAligned());
            table.AddColumn(new TableColumn("lost").RightAligned());
            table.AddColumn(new TableColumn("win rate (95% CI)").RightAligned());
        }
        if (cycle) table.AddColumn(new TableColumn("median cycle, days").RightAligned());
        if (value) table.AddColumn(new TableColumn("median value").RightAligned());
        foreach (var s in list)
        {
            var cells = new List<string> { Markup.Escape(s.Segment), $"{s.Deals:N0}" };
            if (rate) cells.AddRange([$"{s.Won:N0}", $"{s.Lost:N0}", Markup.Escape(RateText(s.WinRate!))]);
            if (cycle) cells.Add(Markup.Escape(MedianText(s.CycleDays!, m => m.ToString("0.#", CultureInfo.InvariantCulture))));
            if (value) cells.Add(Markup.Escape(MedianText(s.Value!, DealValues.Format)));
            table.AddRow([.. cells]);
        }
        return table;
    }

    /// <summary>"63% (61-65%)", or why no figure is shown.</summary>
    public static string RateText(RateEstimate r) =>
        r.Rate.Trials == 0 ? "no closed deals"
        : r.TooFew ? $"too few ({r.Rate.Trials:N0} closed)"
        : $"{ProfileReport.Percent(r.Rate.Value)} ({r.Rate.Low * 100:0}-{r.Rate.High * 100:0}%)";

    private static string MedianText(MedianEstimate m, Func<double, string> format) =>
        m.Count == 0 ? "none" : m.TooFew ? $"too few ({m.Count:N0})" : $"{format(m.Median)} (n={m.Count:N0})";

    public static object Json(ValidationReport r) => new
    {
        profile = r.ProfileName,
        version = r.ProfileVersion,
        in_icp_means = r.InIcpMeans,
        join = r.Join is null ? null : new
        {
            key = r.Join.KeyColumn, deal_key = r.Join.DealKeyColumn, deals = r.Join.Deals, blank_key = r.Join.BlankKey,
            matched = r.Join.Matched, unmatched = r.Join.Unmatched, match_rate = r.Join.MatchRate, unmatched_examples = r.Join.UnmatchedExamples,
        },
        segments = new[] { r.InIcp, r.OutOfIcp }.Select(SegmentJson),
        tiers = r.Tiers.Select(SegmentJson),
        comparisons = r.Comparisons.Select(c => new
        {
            metric = c.Metric, in_icp = Finite(c.InIcp), out_of_icp = Finite(c.OutOfIcp), ratio = Finite(c.Ratio),
            test = c.Test is { } t ? new { name = c.Metric == "win_rate" ? "two_proportion_z" : "mann_whitney_u", statistic = Finite(t.Statistic), z = Finite(t.Z), p = Finite(t.P) } : null,
            verdict = Snake(c.Verdict), text = c.Text,
        }),
        verdict = Snake(r.Overall),
        verdict_text = r.OverallText,
        not_available = r.NotAvailable,
        warnings = r.Warnings,
        drift = r.Drift is not { } d ? null : new
        {
            period = d.Period.ToString().ToLowerInvariant(),
            baseline = d.Baseline,
            periods = d.Periods.Select(p => new
            {
                period = p.Period, deals = p.Deals, in_icp_share = p.InIcpShare,
                in_icp_win_rate = RateJson(p.InIcpWinRate), out_of_icp_win_rate = RateJson(p.OutOfIcpWinRate),
                lift = Finite(p.Lift), in_icp_median_cycle_days = Finite(p.InIcpMedianCycle), psi = Finite(p.Psi), stability = p.Stability,
            }),
            alerts = d.Alerts,
        },
        criterion_lifts = r.CriterionLifts.Select(l => new
        {
            section = l.Section, criterion = l.Criterion, closed_when_holds = l.ClosedWhenHolds,
            win_rate_when_holds = Finite(l.WinRateWhenHolds), win_rate_otherwise = Finite(l.WinRateOtherwise), lift = Finite(l.Lift),
            p = l.Test is { } t ? Finite(t.P) : null,
            by_period = l.ByPeriod.Select(p => new { period = p.Period, lift = Finite(p.Lift) }),
        }),
        off_icp = r.OffIcp is not { } o ? null : new
        {
            open_deals = o.OpenDeals, off_icp_open_deals = o.OffIcpOpenDeals, share = o.Share, text = o.Text,
            by_owner = o.ByOwner.Select(x => new { owner = x.Owner, off_icp = x.OffIcpOpen, open = x.Open }),
            deals = o.Deals.Select(d => new { deal = d.Deal, account = d.Account, owner = d.Owner, created = d.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = d.Reason, line = d.Line }),
        },
        data_issues = r.Issues.Entries.Select(e => new { column = e.Field, problem = e.Problem, rows = e.Count, first_lines = e.FirstLines }),
    };

    private static object SegmentJson(SegmentReport s) => new
    {
        segment = s.Segment, deals = s.Deals, won = s.Won, lost = s.Lost, open = s.Open,
        win_rate = s.WinRate is { } w ? RateJson(w) : null,
        cycle_days = MedianJson(s.CycleDays),
        value = MedianJson(s.Value),
    };

    private static object RateJson(RateEstimate w) => new
    {
        closed = w.Rate.Trials, won = w.Rate.Successes, rate = w.TooFew ? null : Finite(w.Rate.Value),
        low = w.TooFew ? null : Finite(w.Rate.Low), high = w.TooFew ? null : Finite(w.Rate.High), too_few = w.TooFew,
    };

    private static object? MedianJson(MedianEstimate? m) => m is null ? null : new
    {
        n = m.Count, median = m.TooFew ? null : Finite(m.Median), mean = m.TooFew ? null : Finite(m.Mean), too_few = m.TooFew,
    };

    private static double? Finite(double? v) => v is { } d && double.IsFinite(d) ? d : null;

    private static string Snake(Verdict v) => v switch
    {
        Verdict.Outperforms => "outperforms",
        Verdict.Mixed => "mixed",
        Verdict.DoesNotOutperform => "does_not_outperform",
        Verdict.Underperforms => "underperforms",
        Verdict.NotEnoughData => "not_enough_data",
        _ => "not_available",
    };
}
