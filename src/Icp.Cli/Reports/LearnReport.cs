using System.Globalization;
using System.Net;
using System.Text;
using Icp.Core.Learning;

namespace Icp.Cli.Reports;

/// <summary>
/// The <c>icp learn --report</c> page: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched)
/// that a founder can read: each criterion's lift with its interval, win rate by tier, ROC curves of the profile and
/// the baselines, score distributions of wins and losses, and what was left out and why.
/// </summary>
internal static class LearnReport
{
    private static readonly string[] Colours = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5"];

    /// <param name="labelling">How the outcome was made when not plain from a column (top share by value, deals joined with their match rate).</param>
    public static string Render(LearningResult result, string sourceName, string? labelling)
    {
        var html = new StringBuilder();
        var evaluation = result.Evaluation;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>icp learn: ").Append(E(sourceName)).Append("</title>\n<style>")
            .Append("body{font:15px/1.45 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1a202c}")
            .Append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #e2e8f0;padding:.3em .7em;text-align:left}")
            .Append("td.n{text-align:right;font-variant-numeric:tabular-nums}pre{background:#f7fafc;padding:1em;overflow:auto;font-size:13px}")
            .Append(".note{background:#fffbea;border-left:4px solid #d69e2e;padding:.5em 1em}svg text{font:12px system-ui,sans-serif}")
            .Append("</style></head><body>\n");
        html.Append("<h1>What your won accounts have in common</h1>\n<p>Learned from <b>").Append(E(sourceName)).Append("</b>: ")
            .Append(N(result.Rows)).Append(" rows with an outcome, ").Append(N(result.Wins)).Append(" wins (")
            .Append(Pct((double)result.Wins / result.Rows)).Append(").");
        if (result.BlankOutcomes > 0) html.Append(' ').Append(N(result.BlankOutcomes)).Append(" rows with a blank outcome skipped.");
        if (result.OtherOutcomes > 0) html.Append(' ').Append(N(result.OtherOutcomes)).Append(" rows neither won nor lost skipped.");
        html.Append("</p>\n");
        if (labelling is not null)
            html.Append("<p>Outcome: ").Append(string.Join("<br>\n", labelling.Split("; ").Select(E))).Append(".</p>\n");
        foreach (var note in new[] { evaluation.Note, result.Profile.Note }.OfType<string>()) html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");

        html.Append("<h2>The criteria and their evidence</h2>\n<p>Win rate of the rows each criterion holds for, as lift over the base rate (")
            .Append(Pct(result.Profile.BaseRate)).Append("), with its 95% interval. Points are what the profile awards.</p>\n");
        Criteria(html, result);

        html.Append("<h2>How well it ranks rows it never saw</h2>\n<p>").Append(E(evaluation.Method)).Append(": ")
            .Append(N(evaluation.TestRows)).Append(" rows, every model on the same rows. The interval and the paired test (DeLong) say whether a difference is more than the luck of these rows.</p>\n")
            .Append("<table><tr><th>model</th><th>AUC (95% CI)</th><th>top-decile lift</th><th>differs from the learned profile?</th></tr>\n");
        foreach (var m in evaluation.Models)
            html.Append("<tr><td>").Append(E(m.Model)).Append("</td><td class=\"n\">").Append(F(m.Auc, "0.000")).Append(" (").Append(F(m.AucLow, "0.000")).Append('-').Append(F(m.AucHigh, "0.000"))
                .Append(")</td><td class=\"n\">").Append(F(m.TopDecileLift, "0.00")).Append("</td><td>").Append(m.PValueVsProfile is { } p ? E(Commands.LearnCommand.Differs(p)) : "").Append("</td></tr>\n");
        html.Append("</table>\n");
        Roc(html, evaluation);
        html.Append("<h3>Win rate by tier</h3>\n");
        Tiers(html, evaluation);
        html.Append("<h3>Scores of wins and losses</h3>\n");
        Distribution(html, evaluation);
        html.Append("<h3>Calibration: win rate by score band</h3>\n<p>A higher score should mean a likelier win, band after band.</p>\n");
        Calibration(html, evaluation);
        html.Append("<h3>What a score means: fitted win probability</h3>\n<p>Isotonic regression on the same rows: the win rate never falls as the score rises, and each step holds at least a tenth of the rows.</p>\n")
            .Append("<table><tr><th>score</th><th>rows</th><th>win probability (95% CI)</th></tr>\n");
        foreach (var step in evaluation.Calibration)
            html.Append("<tr><td>").Append(step.MinScore).Append('-').Append(step.MaxScore).Append("</td><td class=\"n\">").Append(N(step.WinRate.Trials))
                .Append("</td><td class=\"n\">").Append(RateWithInterval(step.WinRate)).Append("</td></tr>\n");
        html.Append("</table>\n");

        html.Append("<h2>Left out, and why</h2>\n<table><tr><th>column</th><th>why</th></tr>\n");
        foreach (var l in result.LeftOut) html.Append("<tr><td>").Append(E(l.Column)).Append("</td><td>").Append(E(l.Reason)).Append("</td></tr>\n");
        html.Append("</table>\n<h2>The profile</h2>\n<pre>").Append(E(result.ProfileYaml)).Append("</pre>\n</body></html>\n");
        return html.ToString();
    }

    private static void Criteria(StringBuilder html, LearningResult result)
    {
        var rows = result.Profile.Disqualifiers.Select(d => (Criterion: d.Criterion, Points: "excluded"))
            .Concat(result.Profile.Signals.Select(s => (Criterion: s.Criterion, Points: s.Points.ToString("+0;-0", CultureInfo.InvariantCulture))))
            .ToList();
        if (rows.Count == 0) return;
        var baseRate = Math.Max(result.Profile.BaseRate, 1e-9);
        var maxLift = Math.Max(2, rows.Max(r => r.Criterion.Evidence.WinRate.Interval.High / baseRate));
        const int labelWidth = 420, chartWidth = 360, rowHeight = 26;
        var width = labelWidth + chartWidth + 80;
        var height = rows.Count * rowHeight + 30;
        double X(double lift) => labelWidth + lift / maxLift * chartWidth;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"lift per criterion\">");
        svg.Append(Line(X(1), 0, X(1), height - 20, "#a0aec0", dashed: true)).Append(Text(X(1), height - 6, "lift 1 (base rate)", "middle"));
        for (var tick = 0; tick <= (int)maxLift; tick++)
            if (tick != 1) svg.Append(Text(X(tick), height - 6, tick.ToString(CultureInfo.InvariantCulture), "middle"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (criterion, points) = rows[i];
            var y = i * rowHeight + 14;
            var e = criterion.Evidence;
            var (low, high) = e.WinRate.Interval;
            var colour = points == "excluded" ? "#c53030" : "#2b6cb0";
            var label = ProfileWriter.Condition(criterion, result.AsOf ?? DateOnly.MinValue);
            svg.Append(Text(labelWidth - 8, y + 4, label.Length > 62 ? label[..59] + "..." : label, "end"));
            svg.Append(Line(X(low / baseRate), y, X(high / baseRate), y, colour));
            svg.Append($"<circle cx=\"{D(X(e.Lift))}\" cy=\"{y}\" r=\"5\" fill=\"{colour}\"><title>{E($"{label}: {e}")}</title></circle>");
            svg.Append(Text(labelWidth + chartWidth + 12, y + 4, points, "start"));
        }
        html.Append(svg).Append("</svg>\n");
    }

    private static void Roc(StringBuilder html, Evaluation evaluation)
    {
        const int size = 300, pad = 40;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{size + pad + 380}\" height=\"{size + pad}\" role=\"img\" aria-label=\"ROC curves\">");
        svg.Append($"<rect x=\"{pad}\" y=\"0\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#cbd5e0\"/>");
        svg.Append(Line(pad, size, pad + size, 0, "#a0aec0", dashed: true));
        svg.Append(Text(pad + size / 2, size + 28, "false-positive rate (losses reached)", "middle"));
        svg.Append($"<text x=\"12\" y=\"{size / 2}\" transform=\"rotate(-90 12 {size / 2})\" text-anchor=\"middle\">true-positive rate (wins reached)</text>");
        for (var m = 0; m < evaluation.Models.Count; m++)
        {
            var curve = Statistics.RocCurve(evaluation.Scores[m], evaluation.Labels);
            var points = string.Join(' ', Thin(curve).Select(p => $"{D(pad + p.Fpr * size)},{D(size - p.Tpr * size)}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{Colours[m % Colours.Length]}\" stroke-width=\"2\" points=\"{points}\"/>");
            svg.Append($"<rect x=\"{pad + size + 16}\" y=\"{20 + m * 20}\" width=\"12\" height=\"12\" fill=\"{Colours[m % Colours.Length]}\"/>");
            svg.Append(Text(pad + size + 34, 30 + m * 20, $"{evaluation.Models[m].Model} (AUC {F(evaluation.Models[m].Auc, "0.000")})", "start"));
        }
        html.Append(svg).Append("</svg>\n");
    }

    /// <summary>At most about 400 points per curve: enough to draw, small enough to keep the file light.</summary>
    private static IEnumerable<(double Fpr, double Tpr)> Thin(IReadOnlyList<(double Fpr, double Tpr)> curve)
    {
        var step = Math.Max(1, curve.Count / 400);
        for (var i = 0; i < curve.Count; i += step) yield return curve[i];
        if ((curve.Count - 1) % step != 0) yield return curve[^1];
    }

    private static void Tiers(StringBuilder html, Evaluation evaluation)
    {
        const int barWidth = 300;
        var tiers = evaluation.Tiers;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{barWidth + 400}\" height=\"{tiers.Count * 26 + 10}\" role=\"img\" aria-label=\"win rate by tier\">");
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            var y = i * 26 + 4;
            var (low, high) = t.WinRate.Interval;
            svg.Append(Text(60, y + 14, t.Tier, "end"));
            svg.Append($"<rect x=\"70\" y=\"{y}\" width=\"{D(t.WinRate.Rate * barWidth)}\" height=\"18\" fill=\"{(t.Tier == "excluded" ? "#c53030" : "#38a169")}\"/>");
            svg.Append(Line(70 + low * barWidth, y + 9, 70 + high * barWidth, y + 9, "#1a202c"));
            svg.Append(Text(80 + barWidth, y + 14, $"{Pct(t.WinRate.Rate)} of {N(t.WinRate.Trials)} (95% CI {Pct(low)}-{Pct(high)})"
                + (evaluation.Churned is null ? "" : $", {N(t.Churned)} churned"), "start"));
        }
        html.Append(svg).Append("</svg>\n");
    }

    private static void Distribution(StringBuilder html, Evaluation evaluation)
    {
        // Learned-profile scores are 0-100 (excluded rows are -1): ten bins plus one for excluded. Churned customers (losses
        // too) get their own bars: a profile that ranks them high is courting customers who leave.
        var series = new List<(string Name, string Colour, int[] Bins)> { ("wins", "#38a169", new int[11]), ("losses", "#a0aec0", new int[11]) };
        if (evaluation.Churned is not null)
        {
            series[1] = ("other losses", series[1].Colour, series[1].Bins);
            series.Add(("churned", "#c53030", new int[11]));
        }
        var scores = evaluation.Scores[0];
        for (var i = 0; i < scores.Length; i++)
        {
            var bin = scores[i] < 0 ? 0 : 1 + Math.Min(9, (int)(scores[i] / 10));
            var s = evaluation.Labels[i] ? 0 : evaluation.Churned?[i] == true ? 2 : 1;
            series[s].Bins[bin]++;
        }
        if (evaluation.Churned is not null)
            html.Append("<p>Won, lost and churned customers apart (churned ones are losses too): each as a share of its own rows.</p>\n");
        var totals = series.Select(x => Math.Max(1, x.Bins.Sum())).ToArray();
        var max = Math.Max(0.01, Enumerable.Range(0, 11).Max(b => series.Select((x, s) => (double)x.Bins[b] / totals[s]).Max()));
        const int height = 160, column = 44;
        var bar = 36 / series.Count;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{11 * column + 200}\" height=\"{height + 40}\" role=\"img\" aria-label=\"score distribution\">");
        for (var b = 0; b < 11; b++)
        {
            var x = b * column + 4;
            for (var s = 0; s < series.Count; s++)
            {
                var h = height * (series[s].Bins[b] / (double)totals[s]) / max;
                svg.Append($"<rect x=\"{x + s * (bar + 1)}\" y=\"{D(height - h)}\" width=\"{bar}\" height=\"{D(h)}\" fill=\"{series[s].Colour}\"><title>{series[s].Bins[b]} {series[s].Name}</title></rect>");
            }
            svg.Append(Text(x + 18, height + 16, b == 0 ? "excl." : $"{(b - 1) * 10}+", "middle"));
        }
        for (var s = 0; s < series.Count; s++)
            svg.Append($"<rect x=\"{11 * column + 20}\" y=\"{10 + 20 * s}\" width=\"12\" height=\"12\" fill=\"{series[s].Colour}\"/>").Append(Text(11 * column + 38, 20 + 20 * s, $"{series[s].Name} (share)", "start"));
        svg.Append(Text(11 * column / 2, height + 34, "learned profile score", "middle"));
        html.Append(svg).Append("</svg>\n");
    }

    private static void Calibration(StringBuilder html, Evaluation evaluation)
    {
        var scores = evaluation.Scores[0];
        html.Append("<table><tr><th>score</th><th>rows</th><th>wins</th><th>win rate (95% CI)</th></tr>\n");
        for (var band = -1; band < 10; band++)
        {
            int rows = 0, wins = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var b = scores[i] < 0 ? -1 : Math.Min(9, (int)(scores[i] / 10));
                if (b != band) continue;
                rows++;
                if (evaluation.Labels[i]) wins++;
            }
            if (rows == 0) continue;
            var label = band < 0 ? "excluded" : band == 9 ? "90-100" : $"{band * 10}-{band * 10 + 9}";
            html.Append("<tr><td>").Append(label).Append("</td><td class=\"n\">").Append(N(rows)).Append("</td><td class=\"n\">").Append(N(wins))
                .Append("</td><td class=\"n\">").Append(RateWithInterval(new Proportion(wins, rows))).Append("</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Line(double x1, double y1, double x2, double y2, string colour, bool dashed = false) =>
        $"<line x1=\"{D(x1)}\" y1=\"{D(y1)}\" x2=\"{D(x2)}\" y2=\"{D(y2)}\" stroke=\"{colour}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"4 4\"" : "")}/>";

    private static string Text(double x, double y, string text, string anchor) =>
        $"<text x=\"{D(x)}\" y=\"{D(y)}\" text-anchor=\"{anchor}\">{E(text)}</text>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string D(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);
    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
    private static string N(int x) => x.ToString("N0", CultureInfo.InvariantCulture);
    private static string RateWithInterval(Proportion p) => $"{Pct(p.Rate)} ({Pct(p.Interval.Low)}-{Pct(p.Interval.High)})";
    private static string Pct(double x) => (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
