using System.Globalization;
using System.Net;
using System.Text;
using Icp.Cli.Terminal;
using Icp.Core.Reporting;

namespace Icp.Cli.Html;

/// <summary>
/// The self-contained HTML page of <c>icp report --html</c>: inline CSS and SVG charts, no script and nothing fetched,
/// so it opens offline and can be mailed or attached to a ticket as one file.
/// </summary>
internal static class ReportHtml
{
    private const string Green = "#2e7d32", Red = "#c62828", Grey = "#757575", Blue = "#1565c0", Orange = "#ef6c00";

    public static string Render(ValidationReport r, string generatedFor)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ICP report: {E(r.ProfileName)} v{r.ProfileVersion}</title>
            <style>
            body {"{"} font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; color: #212121; padding: 0 1rem; {"}"}
            h1 {"{"} font-size: 1.5rem; margin-bottom: .2rem; {"}"}
            h2 {"{"} font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #e0e0e0; padding-bottom: .2rem; {"}"}
            .sub {"{"} color: {Grey}; margin-top: 0; {"}"}
            .verdict {"{"} padding: .8rem 1rem; border-radius: 6px; font-weight: 600; margin: 1rem 0; {"}"}
            .good {"{"} background: #e8f5e9; color: {Green}; {"}"} .bad {"{"} background: #ffebee; color: {Red}; {"}"} .neutral {"{"} background: #f5f5f5; color: #424242; {"}"}
            table {"{"} border-collapse: collapse; width: 100%; font-size: .9rem; {"}"}
            th, td {"{"} text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eeeeee; {"}"}
            td.n, th.n {"{"} text-align: right; font-variant-numeric: tabular-nums; {"}"}
            td.k {"{"} white-space: nowrap; {"}"}
            ul {"{"} padding-left: 1.2rem; {"}"}
            svg text {"{"} font-family: inherit; font-size: 12px; fill: #424242; {"}"}
            footer {"{"} margin-top: 2rem; color: {Grey}; font-size: .8rem; {"}"}
            </style>
            </head>
            <body>
            <h1>Does the ICP hold? {E(r.ProfileName)} v{r.ProfileVersion}</h1>
            <p class="sub">In ICP = {E(r.InIcpMeans)}.{(r.Join is { } j ? $" {j.Matched:N0} of {j.Deals:N0} deals matched an account on {E(j.KeyColumn)} ({j.MatchRate:0.0%} of those with a key)." : "")}</p>
            <div class="verdict {Tone(r.Overall)}" id="verdict">{E(r.OverallText)}</div>

            """);

        html.Append("<h2>Does in-ICP outperform?</h2>\n<ul>\n");
        foreach (var c in r.Comparisons) html.Append($"<li style=\"color:{Colour(c.Verdict)}\">{E(c.Text)}</li>\n");
        html.Append("</ul>\n");

        List<SegmentReport> segments = [r.InIcp, r.OutOfIcp, .. r.Tiers];
        if (segments.Any(s => s.WinRate is not null))
        {
            html.Append("<h2>Win rate by segment</h2>\n<p class=\"sub\">Bars are won ÷ closed deals; whiskers are 95% Wilson intervals.</p>\n");
            html.Append(WinRateChart(segments));
        }
        if (segments.Any(s => s.CycleDays is not null))
        {
            html.Append("<h2>Median sales cycle by segment (days)</h2>\n");
            html.Append(MedianChart(segments, s => s.CycleDays, v => v.ToString("0.#", CultureInfo.InvariantCulture)));
        }
        if (segments.Any(s => s.Value is not null))
        {
            html.Append("<h2>Median deal value by segment</h2>\n");
            html.Append(MedianChart(segments, s => s.Value, DealValues.Format));
        }
        if (r.Drift is { Periods.Count: > 0 } drift)
        {
            html.Append($"<h2>Drift by {E(drift.Period.ToString().ToLowerInvariant())}</h2>\n<p class=\"sub\">Win rate in and out of the ICP per period (periods with too few closed deals are left out of the lines).</p>\n");
            html.Append(DriftChart(drift));
            html.Append("<table><tr><th>period</th><th class=\"n\">deals</th><th class=\"n\">in ICP</th><th class=\"n\">win rate in ICP</th><th class=\"n\">win rate out</th><th class=\"n\">lift</th><th class=\"n\">cycle in ICP</th><th class=\"n\">PSI</th></tr>\n");
            foreach (var p in drift.Periods)
                html.Append($"<tr><td>{E(p.Period)}</td><td class=\"n\">{p.Deals:N0}</td><td class=\"n\">{ProfileReport.Percent(p.InIcpShare)}</td><td class=\"n\">{E(ReportRender.RateText(p.InIcpWinRate))}</td>"
                    + $"<td class=\"n\">{E(ReportRender.RateText(p.OutOfIcpWinRate))}</td><td class=\"n\">{(p.Lift is { } l ? $"{l:0.00}x" : "")}</td>"
                    + $"<td class=\"n\">{(p.InIcpMedianCycle is { } c ? F(c) : "")}</td>"
                    + $"<td class=\"n\">{(p.Period == drift.Baseline ? "baseline" : p.Psi is { } psi ? $"{psi:0.000} {E(p.Stability)}" : "too few deals")}</td></tr>\n");
            html.Append("</table>\n");
            if (drift.Alerts.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var a in drift.Alerts) html.Append($"<li style=\"color:{Red}\">{E(a)}</li>\n");
                html.Append("</ul>\n");
            }
        }

        if (r.CriterionLifts.Count > 0)
        {
            var periods = r.CriterionLifts[0].ByPeriod.Select(p => p.Period).ToList();
            html.Append("<h2>Lift of each criterion</h2>\n<p class=\"sub\">Win rate of closed deals whose account meets the criterion, divided by the overall win rate; per period on the right.</p>\n");
            html.Append("<table><tr><th>criterion</th><th class=\"n\">closed</th><th class=\"n\">win rate holds</th><th class=\"n\">otherwise</th><th class=\"n\">lift</th><th class=\"n\">p</th>");
            foreach (var p in periods) html.Append($"<th class=\"n\">{E(p)}</th>");
            html.Append("</tr>\n");
            foreach (var l in r.CriterionLifts)
            {
                html.Append($"<tr><td>{E(l.Section)}: {E(l.Criterion)}</td><td class=\"n\">{l.ClosedWhenHolds:N0}</td>"
                    + $"<td class=\"n\">{(l.WinRateWhenHolds is { } a ? ProfileReport.Percent(a) : "too few")}</td><td class=\"n\">{(l.WinRateOtherwise is { } b ? ProfileReport.Percent(b) : "too few")}</td>"
                    + $"<td class=\"n\">{(l.Lift is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "")}</td><td class=\"n\">{(l.Test is { } t ? E(ProfileReport.PValue(t.P)[2..]) : "")}</td>");
                foreach (var (_, lift) in l.ByPeriod) html.Append($"<td class=\"n\">{(lift is { } y ? y.ToString("0.00", CultureInfo.InvariantCulture) : "–")}</td>");
                html.Append("</tr>\n");
            }
            html.Append("</table>\n");
        }

        if (r.OffIcp is { } review)
        {
            html.Append($"<h2>Off-ICP review</h2>\n<p>{E(review.Text)}</p>\n");
            if (review.Deals.Count > 0)
            {
                html.Append("<table><tr><th>deal</th><th>account</th><th>owner</th><th>created</th><th>why off-ICP</th></tr>\n");
                foreach (var d in review.Deals)
                    html.Append($"<tr><td>{E(d.Deal)}</td><td>{E(d.Account)}</td><td class=\"k\">{E(d.Owner ?? "")}</td><td class=\"k\">{d.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td><td>{E(d.Reason)}</td></tr>\n");
                html.Append("</table>\n");
            }
        }

        html.Append("<h2>Segments</h2>\n<table><tr><th>segment</th><th class=\"n\">deals</th><th class=\"n\">won</th><th class=\"n\">lost</th><th class=\"n\">open</th><th class=\"n\">win rate (95% CI)</th></tr>\n");
        foreach (var s in segments)
            html.Append($"<tr><td>{E(s.Segment)}</td><td class=\"n\">{s.Deals:N0}</td><td class=\"n\">{s.Won:N0}</td><td class=\"n\">{s.Lost:N0}</td><td class=\"n\">{s.Open:N0}</td>"
                + $"<td class=\"n\">{(s.WinRate is { } w ? E(ReportRender.RateText(w)) : "not available")}</td></tr>\n");
        html.Append("</table>\n");

        var notes = r.NotAvailable.Select(n => "not available: " + n).Concat(r.Warnings)
            .Concat(r.Issues.Entries.Select(e => $"{e.Field}: {e.Problem} in {e.Count:N0} row(s), first at line(s) {string.Join(", ", e.FirstLines)}")).ToList();
        if (notes.Count > 0)
        {
            html.Append("<h2>Notes</h2>\n<ul>\n");
            foreach (var n in notes) html.Append($"<li>{E(n)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append($"<footer>Generated by icp report for {E(generatedFor)}. Tests: two-proportion z-test for win rate, Mann-Whitney U for cycle and value, two-sided, α = 0.05.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Tone(Verdict v) => v switch { Verdict.Outperforms => "good", Verdict.DoesNotOutperform or Verdict.Underperforms => "bad", _ => "neutral" };

    private static string Colour(Verdict v) => v switch { Verdict.Outperforms => Green, Verdict.DoesNotOutperform or Verdict.Underperforms => Red, _ => Grey };

    /// <summary>Horizontal bars 0-100% with interval whiskers; segments without a figure say why.</summary>
    private static string WinRateChart(IReadOnlyList<SegmentReport> segments)
    {
        const int label = 110, width = 520, row = 26;
        var height = segments.Count * row + 30;
        var svg = new StringBuilder($"<svg role=\"img\" aria-label=\"Win rate by segment\" width=\"{label + width + 120}\" height=\"{height}\" viewBox=\"0 0 {label + width + 120} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (var t = 0; t <= 100; t += 25)
        {
            var x = label + width * t / 100.0;
            svg.Append($"<line x1=\"{F(x)}\" y1=\"0\" x2=\"{F(x)}\" y2=\"{height - 20}\" stroke=\"#eeeeee\"/><text x=\"{F(x)}\" y=\"{height - 6}\" text-anchor=\"middle\">{t}%</text>\n");
        }
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            var y = i * row + 4;
            svg.Append($"<text x=\"{label - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{E(s.Segment)}</text>\n");
            if (s.WinRate is not { } w || w.TooFew || w.Rate.Trials == 0)
            {
                svg.Append($"<text x=\"{label + 4}\" y=\"{y + 14}\" fill=\"{Grey}\">{E(s.WinRate is { } x ? ReportRender.RateText(x) : "not available")}</text>\n");
                continue;
            }
            var colour = i == 0 ? Green : i == 1 ? Red : Blue;
            svg.Append($"<rect x=\"{label}\" y=\"{y}\" width=\"{F(width * w.Rate.Value)}\" height=\"18\" fill=\"{colour}\" opacity=\"0.75\"><title>{E(s.Segment)}: {E(ReportRender.RateText(w))}</title></rect>\n");
            double lo = label + width * w.Rate.Low, hi = label + width * w.Rate.High;
            svg.Append($"<line x1=\"{F(lo)}\" y1=\"{y + 9}\" x2=\"{F(hi)}\" y2=\"{y + 9}\" stroke=\"#212121\"/><line x1=\"{F(lo)}\" y1=\"{y + 4}\" x2=\"{F(lo)}\" y2=\"{y + 14}\" stroke=\"#212121\"/><line x1=\"{F(hi)}\" y1=\"{y + 4}\" x2=\"{F(hi)}\" y2=\"{y + 14}\" stroke=\"#212121\"/>\n");
            svg.Append($"<text x=\"{label + width + 8}\" y=\"{y + 14}\">{E(ReportRender.RateText(w))}</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Horizontal bars of a median per segment, scaled to the largest shown.</summary>
    private static string MedianChart(IReadOnlyList<SegmentReport> segments, Func<SegmentReport, MedianEstimate?> pick, Func<double, string> format)
    {
        const int label = 110, width = 520, row = 26;
        var shown = segments.Select(pick).Where(m => m is { TooFew: false, Count: > 0 }).Select(m => m!.Median).ToList();
        var max = shown.Count == 0 ? 1 : Math.Max(shown.Max(), 1e-9);
        var height = segments.Count * row + 8;
        var svg = new StringBuilder($"<svg role=\"img\" width=\"{label + width + 120}\" height=\"{height}\" viewBox=\"0 0 {label + width + 120} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (var i = 0; i < segments.Count; i++)
        {
            var y = i * row + 4;
            svg.Append($"<text x=\"{label - 8}\" y=\"{y + 14}\" text-anchor=\"end\">{E(segments[i].Segment)}</text>\n");
            var m = pick(segments[i]);
            if (m is not { TooFew: false, Count: > 0 })
            {
                svg.Append($"<text x=\"{label + 4}\" y=\"{y + 14}\" fill=\"{Grey}\">{(m is null ? "not available" : m.Count == 0 ? "none" : $"too few ({m.Count:N0})")}</text>\n");
                continue;
            }
            var colour = i == 0 ? Green : i == 1 ? Red : Blue;
            svg.Append($"<rect x=\"{label}\" y=\"{y}\" width=\"{F(width * m.Median / max)}\" height=\"18\" fill=\"{colour}\" opacity=\"0.75\"/>");
            svg.Append($"<text x=\"{F(label + width * m.Median / max + 6)}\" y=\"{y + 14}\">{E(format(m.Median))} (n={m.Count:N0})</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Two lines (in-ICP and out-of-ICP win rate) over the periods, 0-100%.</summary>
    private static string DriftChart(DriftReport drift)
    {
        const int left = 50, width = 600, top = 10, plot = 200;
        var n = drift.Periods.Count;
        var svg = new StringBuilder($"<svg role=\"img\" aria-label=\"Win rate over time\" width=\"{left + width + 50}\" height=\"{top + plot + 60}\" viewBox=\"0 0 {left + width + 50} {top + plot + 60}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        double X(int i) => left + (n == 1 ? width / 2.0 : width * i / (double)(n - 1));
        double Y(double rate) => top + plot * (1 - rate);
        for (var t = 0; t <= 100; t += 25)
            svg.Append($"<line x1=\"{left}\" y1=\"{F(Y(t / 100.0))}\" x2=\"{left + width}\" y2=\"{F(Y(t / 100.0))}\" stroke=\"#eeeeee\"/><text x=\"{left - 6}\" y=\"{F(Y(t / 100.0) + 4)}\" text-anchor=\"end\">{t}%</text>\n");
        for (var i = 0; i < n; i++)
            svg.Append($"<text x=\"{F(X(i))}\" y=\"{top + plot + 18}\" text-anchor=\"middle\">{E(drift.Periods[i].Period)}</text>\n");
        void Line(Func<PeriodFigures, RateEstimate> pick, string colour, string name, int legend)
        {
            var points = Enumerable.Range(0, n).Where(i => pick(drift.Periods[i]) is { TooFew: false, Rate.Trials: > 0 })
                .Select(i => (X: X(i), Y: Y(pick(drift.Periods[i]).Rate.Value))).ToList();
            if (points.Count > 1)
                svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"))}\"/>\n");
            foreach (var p in points) svg.Append($"<circle cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"3.5\" fill=\"{colour}\"/>\n");
            svg.Append($"<rect x=\"{left + legend}\" y=\"{top + plot + 34}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{left + legend + 18}\" y=\"{top + plot + 44}\">{name}</text>\n");
        }
        Line(p => p.InIcpWinRate, Green, "in ICP", 0);
        Line(p => p.OutOfIcpWinRate, Orange, "out of ICP", 100);
        return svg.Append("</svg>\n").ToString();
    }
}
