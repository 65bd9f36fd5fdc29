using Icp.Core.Comparison;
using Spectre.Console;

namespace Icp.Cli.Terminal;

/// <summary>The tables and JSON of <c>icp diff</c>.</summary>
internal static class DiffRender
{
    public static void Tables(IAnsiConsole console, ProfileDiff diff, TierTransitions? moves)
    {
        console.MarkupLine(Markup.Escape($"{diff.BeforeName} v{diff.BeforeVersion} → {diff.AfterName} v{diff.AfterVersion}: {diff.Changes.Count} change(s)"));
        if (diff.Changes.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]What changed[/]");
            table.AddColumn("");
            table.AddColumn("section");
            table.AddColumn("criterion");
            table.AddColumn("change");
            foreach (var c in diff.Changes)
            {
                var (mark, text) = c.Kind switch
                {
                    ChangeKind.Added => ("[green]+[/]", "added: " + c.After),
                    ChangeKind.Removed => ("[red]-[/]", "removed: " + c.Before),
                    _ => ("[yellow]~[/]", c.What.Length > 0 ? c.What : $"{c.Before} → {c.After}"),
                };
                table.AddRow(mark, Markup.Escape(c.Section), Markup.Escape(c.Item), Markup.Escape(text));
            }
            console.Write(table);
        }
        if (moves is null) return;

        var matrix = new Table().Border(TableBorder.Rounded).Title($"[bold]Tier moves[/] ({moves.Rows:N0} rows)").Caption("[grey]rows: before, columns: after[/]");
        matrix.AddColumn("before \\ after");
        foreach (var t in moves.AfterTiers) matrix.AddColumn(new TableColumn(Markup.Escape(t)).RightAligned());
        for (var b = 0; b < moves.BeforeTiers.Count; b++)
        {
            var cells = new List<string> { Markup.Escape(moves.BeforeTiers[b]) };
            for (var a = 0; a < moves.AfterTiers.Count; a++)
            {
                var n = moves.Counts[b, a];
                var same = moves.BeforeTiers[b] == moves.AfterTiers[a];
                cells.Add(n == 0 ? "[grey]·[/]" : same ? $"[grey]{n:N0}[/]" : $"[bold]{n:N0}[/]");
            }
            matrix.AddRow([.. cells]);
        }
        console.Write(matrix);
        console.MarkupLine(Markup.Escape($"{moves.ChangedTier:N0} row(s) change tier; {moves.Entered:N0} enter the ICP, {moves.Left:N0} leave it"));
        Examples(console, "Enter the ICP", moves.EnteredExamples);
        Examples(console, "Leave the ICP", moves.LeftExamples);
        Examples(console, "Largest score changes", moves.LargestScoreChanges);
    }

    private static void Examples(IAnsiConsole console, string title, IReadOnlyList<RowMove> rows)
    {
        if (rows.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/] (examples)");
        table.AddColumn("row");
        table.AddColumn(new TableColumn("line").RightAligned());
        table.AddColumn("before");
        table.AddColumn("after");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Id), $"{r.Line:N0}", Markup.Escape(Fit(r.TierBefore, r.ScoreBefore)), Markup.Escape(Fit(r.TierAfter, r.ScoreAfter)));
        console.Write(table);
    }

    private static string Fit(string tier, int score) => tier == "excluded" ? tier : $"{tier} ({score})";

    public static object Json(ProfileDiff diff, TierTransitions? moves) => new
    {
        before = new { name = diff.BeforeName, version = diff.BeforeVersion },
        after = new { name = diff.AfterName, version = diff.AfterVersion },
        changes = diff.Changes.Select(c => new { section = c.Section, kind = c.Kind.ToString().ToLowerInvariant(), item = c.Item, before = c.Before, after = c.After, what = c.What }),
        data = moves is null ? null : new
        {
            rows = moves.Rows,
            changed_tier = moves.ChangedTier,
            entered = moves.Entered,
            left = moves.Left,
            before_tiers = moves.BeforeTiers,
            after_tiers = moves.AfterTiers,
            matrix = Enumerable.Range(0, moves.BeforeTiers.Count).Select(b => Enumerable.Range(0, moves.AfterTiers.Count).Select(a => moves.Counts[b, a])),
            entered_examples = moves.EnteredExamples.Select(MoveJson),
            left_examples = moves.LeftExamples.Select(MoveJson),
            largest_score_changes = moves.LargestScoreChanges.Select(MoveJson),
        },
    };

    private static object MoveJson(RowMove m) => new { id = m.Id, line = m.Line, tier_before = m.TierBefore, score_before = m.ScoreBefore, tier_after = m.TierAfter, score_after = m.ScoreAfter };
}
