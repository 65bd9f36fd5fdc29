using System.Text.Json;
using Icp.Core;
using Icp.Core.Filtering;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Spectre.Console;

namespace Icp.Cli.Terminal;

/// <summary>The tables and charts the commands print.</summary>
internal static class Render
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>One plain, unwrapped line per diagnostic: "file:line:column: error: message", as editors and CI logs expect.</summary>
    public static void Diagnostics(CliConsole console, IEnumerable<ProfileDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics) console.Error.WriteLine(d.ToString());
    }

    /// <summary>Rows per tier with a bar each: people read a distribution faster than a list of numbers.</summary>
    public static void Tiers(IAnsiConsole console, ScoreSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Accounts by tier[/]");
        table.AddColumn("tier");
        table.AddColumn(new TableColumn("rows").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        table.AddColumn("");
        var rows = summary.ByTier();
        var max = Math.Max(1, rows.Max(r => r.Rows));
        foreach (var (tier, n) in rows)
        {
            var share = summary.Rows == 0 ? 0 : (double)n / summary.Rows;
            var bar = new string('█', (int)Math.Round(30.0 * n / max));
            var color = tier == "excluded" ? "grey" : "green";
            table.AddRow(Markup.Escape(tier), $"{n:N0}", $"{share * 100:0.0}%", $"[{color}]{bar}[/]");
        }
        console.Write(table);
    }

    public static void ExclusionCauses(IAnsiConsole console, ScoreSummary summary)
    {
        var causes = summary.ByCause();
        if (causes.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Why accounts were excluded[/] (first cause)");
        table.AddColumn("cause");
        table.AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (cause, n) in causes) table.AddRow(Markup.Escape(cause), $"{n:N0}");
        console.Write(table);
    }

    public static void Funnel(IAnsiConsole console, Funnel funnel)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Funnel[/]: {funnel.RowsIn:N0} → {funnel.RowsOut:N0}");
        table.AddColumn("step");
        table.AddColumn(new TableColumn("removed").RightAligned());
        table.AddColumn(new TableColumn("remaining").RightAligned());
        table.AddRow("rows read", "", $"{funnel.RowsIn:N0}");
        foreach (var s in funnel.Steps.Where(s => s.Removed > 0 || !s.Step.StartsWith("fails", StringComparison.Ordinal)))
            table.AddRow(Markup.Escape(s.Step), s.Removed == 0 ? "0" : $"-{s.Removed:N0}", $"{s.Remaining:N0}");
        console.Write(table);
    }

    public static void Issues(IAnsiConsole console, DataIssues issues)
    {
        if (issues.Total == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title("[yellow]Values that could not be read[/] (counted as missing; --strict stops instead)");
        table.AddColumn("field");
        table.AddColumn("problem");
        table.AddColumn(new TableColumn("rows").RightAligned());
        table.AddColumn("first lines");
        foreach (var e in issues.Entries)
            table.AddRow(Markup.Escape(e.Field), Markup.Escape(e.Problem), $"{e.Count:N0}", string.Join(", ", e.FirstLines));
        console.Write(table);
    }

    public static void Explanation(IAnsiConsole console, string title, Explanation x)
    {
        var verdict = x.Result.Excluded ? "[red]excluded[/]" : $"score [bold]{x.Result.Score}[/], tier [bold]{Markup.Escape(x.TierName)}[/]";
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]: {verdict}");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("");
        table.AddColumn("criterion");
        table.AddColumn("value");
        table.AddColumn("result");
        table.AddColumn(new TableColumn("points").RightAligned());
        foreach (var c in x.Criteria)
        {
            var (mark, result) = (c.Section, c.Outcome) switch
            {
                ("must", Truth.False) => ("[red]✗[/]", "[red]fails: excluded[/]"),
                ("must", Truth.True) => ("[green]✓[/]", "passes"),
                ("exclude", Truth.True) => ("[red]✗[/]", "[red]excluded[/]" + (c.Reason is null ? "" : $" ({Markup.Escape(c.Reason)})")),
                ("exclude", Truth.False) => ("[green]✓[/]", "not met"),
                ("signal", Truth.True) => ("[green]+[/]", "holds"),
                ("signal", Truth.False) => (" ", "does not hold"),
                _ => ("[grey]?[/]", "[grey]unknown (missing value)[/]"),
            };
            var points = c.Section != "signal" ? "" : c.Earned != 0 ? $"{c.Earned:+0;-0}" : $"[grey]0/{c.Points}[/]";
            table.AddRow(mark, Markup.Escape($"{c.Section}: {c.Criterion}"), Markup.Escape(Shorten(c.Value)), result, points);
        }
        console.Write(table);
        if (x.Reasons.Length > 0) console.MarkupLine($"[grey]icp_reasons:[/] {Markup.Escape(x.Reasons)}");
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";

    public static void WriteJson(TextWriter writer, object value) => writer.WriteLine(JsonSerializer.Serialize(value, Json));

    public static object SummaryJson(ScoreSummary summary, DataIssues issues, Funnel? funnel, string? output) => new
    {
        rows = summary.Rows,
        excluded = summary.Excluded,
        output,
        tiers = summary.ByTier().ToDictionary(t => t.Tier, t => t.Rows),
        exclusion_causes = summary.ByCause().Select(c => new { cause = c.Cause, rows = c.Rows }),
        funnel = funnel is null ? null : new { rows_in = funnel.RowsIn, rows_out = funnel.RowsOut, steps = funnel.Steps.Select(s => new { step = s.Step, removed = s.Removed, remaining = s.Remaining }) },
        data_issues = issues.Entries.Select(e => new { field = e.Field, problem = e.Problem, rows = e.Count, first_lines = e.FirstLines }),
    };
}
