using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Icp.Cli.Reports;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Learning;
using Icp.Core.Values;
using Icp.Data.Baselines;
using Icp.Data.Tables;
using Spectre.Console;

namespace Icp.Cli.Commands;

internal static class LearnCommand
{
    public static Command Create(CliConsole console)
    {
        var data = CommonOptions.Data("Accounts or leads with a known outcome");
        var outcome = new Option<string?>("--outcome") { Description = "Column that holds the outcome (e.g. stage, Converted); with --outcomes, a column of that file." };
        var positive = new Option<string?>("--positive")
        {
            Description = "Outcome values that count as a win, comma-separated (e.g. Won or 1); every other non-empty value is a loss, blank outcomes are skipped. A comparison such as \">=0.6\" works on numeric outcomes.",
        };
        var negative = new Option<string?>("--negative")
        {
            Description = "Outcome values that count as a loss, comma-separated (e.g. Lost). Rows with any other value (open deals) are then skipped instead of counted as losses.",
        };
        var outcomes = new Option<string?>("--outcomes") { Description = "Outcomes table (e.g. deals) joined to --data by --key; an account with several deals is counted once (--per-account), accounts without a deal are skipped." };
        var key = new Option<string?>("--key") { Description = "Join key of --outcomes: a column both files have, or ACCOUNT_COLUMN=DEAL_COLUMN; compared trimmed and case-insensitively. Default: the first column of --data that --outcomes also has." };
        var perAccount = new Option<string>("--per-account") { Description = "An account's outcome from its deals: best (a win if any deal is won, else a loss if any is lost) or latest (its deal with the latest --date-column).", DefaultValueFactory = _ => "best" };
        perAccount.AcceptOnlyFromAmong("best", "latest");
        var dateColumn = new Option<string?>("--date-column") { Description = "Date column of --outcomes that --per-account latest orders deals by (e.g. close_date); deals without a date are not considered." };
        var value = new Option<string?>("--value")
        {
            Description = "Numeric column (lifetime value, won value) whose top rows are the wins, with --best. With --outcome and --positive, the top rows among the positive ones (the best of the won accounts). With --outcomes, an account's value is the sum over its (won) deals.",
        };
        var best = new Option<string?>("--best") { Description = "Which rows by --value are the wins, as \"top N%\" (e.g. \"top 25%\"); ties at the threshold count as wins, rows without a number are skipped." };
        var churned = new Option<string?>("--churned")
        {
            Description = "Churned customers as COLUMN=VALUE[,VALUE] (e.g. Churn=Yes): losses whatever their outcome (a won account that churned is not a good customer), weighing --churn-weight losses in the points fit. With --outcomes, COLUMN is looked up in --data, then in the outcomes (an account churned if any of its deals says so).",
        };
        var churnWeight = new Option<double>("--churn-weight") { Description = "How many plain losses a churned row weighs in the points fit (win rates and evidence count it once).", DefaultValueFactory = _ => ChurnSpec.DefaultWeight };
        var output = CommonOptions.Out();
        output.Required = true;
        output.Description = "Profile YAML to write (- for stdout). Written to a temporary file and renamed: a failed run writes nothing.";
        var seed = new Option<int>("--seed") { Description = "Seed of the hold-out split and the baselines; same data and seed give a byte-identical profile.", DefaultValueFactory = _ => 42 };
        var holdout = new Option<double>("--holdout") { Description = "Share of rows kept back to evaluate on. Too few rows for that: k-fold cross-validation instead.", DefaultValueFactory = _ => 0.25 };
        var exclude = new Option<string?>("--exclude-columns") { Description = "Columns to leave out, comma-separated (e.g. columns filled in after the outcome)." };
        var asOf = new Option<string?>("--as-of") { Description = "Date that recency counts back from (YYYY-MM-DD). Default: the latest date in the data, never the clock." };
        var date = new Option<string?>("--date") { Description = "Date column for a time-based hold-out: learn on the past, evaluate on the most recent rows." };
        var capacity = new Option<int?>("--capacity") { Description = "Accounts sales can work: tier A's threshold is set so about this many rows reach it." };
        var maxSignals = new Option<int>("--max-signals") { Description = "At most this many soft signals.", DefaultValueFactory = _ => 12 };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report (inline SVG charts, nothing fetched): criteria with their lift and interval, ROC curves, win rate by tier, what was left out." };
        var compare = new Option<string?>("--compare") { Description = "Your own profile YAML, scored on the same evaluation rows as one more baseline." };
        var noTrees = new Option<bool>("--no-trees") { Description = "Skip the gradient-boosted trees baseline (faster on big tables)." };
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("learn", """
            Learn a points profile from accounts or leads with known outcomes: per-field win rates and lift with Wilson
            intervals, leakage and ID guards, disqualifiers only on strong evidence, a regularised logistic model turned into
            integer points, and an honest evaluation on held-out rows next to naive Bayes and gradient-boosted trees.
            The profile carries its evidence as comments; 'icp score' uses it directly.

            Examples:
              icp learn -d samples/maven-crm/accounts_with_outcomes.csv --value total_won_value --best "top 25%" -o best.yaml
              icp learn -d samples/maven-crm/accounts.csv --outcomes samples/maven-crm/sales_pipeline.csv --key account --value close_value --best "top 25%" -o accounts.yaml
              icp learn -d customers.csv --value TotalCharges --best "top 25%" --churned Churn=Yes -o best.yaml
              icp learn -d samples/maven-crm/sales_pipeline.csv --outcome deal_stage --positive Won --negative Lost -o deals.yaml --report deals.html
            """) { data, outcome, positive, negative, outcomes, key, perAccount, dateColumn, value, best, churned, churnWeight, output, seed, holdout, exclude, asOf, date, capacity, maxSignals, report, compare, noTrees, json, quiet };
        command.SetAction(parse =>
        {
            var (outcomeSpec, join) = Outcome(parse.GetValue(outcome), parse.GetValue(positive), Split(parse.GetValue(negative)), parse.GetValue(value), parse.GetValue(best),
                parse.GetValue(outcomes), parse.GetValue(key), parse.GetValue(perAccount)!, parse.GetValue(dateColumn), ParseChurned(parse.GetValue(churned), parse.GetValue(churnWeight)));
            var asOfDate = ParseAsOf(parse.GetValue(asOf));
            var compared = parse.GetValue(compare) is { } comparePath
                ? new ComparedProfile(ScoringRun.LoadProfiles(console, [comparePath], showWarnings: false)[0], Path.GetFileName(comparePath),
                    asOfDate ?? DateOnly.FromDateTime(console.Clock.GetUtcNow().UtcDateTime))
                : null;
            var options = new LearnOptions(parse.GetValue(seed), parse.GetValue(holdout), asOfDate, parse.GetValue(date), parse.GetValue(capacity), parse.GetValue(maxSignals), compared);
            if (options.MaxSignals is < 1 or > 100) throw new InputException($"--max-signals must be between 1 and 100, got {options.MaxSignals}");
            LearningData learningData;
            OutcomeJoinSummary? joined = null;
            if (join is null)
            {
                using var reader = TableReaders.Open(parse.GetValue(data)!);
                learningData = LearningData.Read(reader, outcomeSpec, Split(parse.GetValue(exclude)));
            }
            else
            {
                using var accounts = TableReaders.Open(parse.GetValue(data)!);
                using var deals = TableReaders.Open(parse.GetValue(outcomes)!);
                using var reader = new OutcomeJoin(accounts, deals, join, outcomeSpec);
                learningData = LearningData.Read(reader, reader.Outcome, Split(parse.GetValue(exclude)));
                joined = reader.Summary;
                learningData = learningData.WithLabelling($"from {Path.GetFileName(deals.SourceName)} joined on '{joined.AccountKeyColumn}', {reader.Describe(join.PerAccount)}; {joined}");
            }
            IBaselineModel[] baselines = parse.GetValue(noTrees) ? [] : [new FastTreeBaseline()];
            var result = LearningRun.Run(learningData, options, baselines);
            var outPath = parse.GetValue(output)!;
            var files = new List<(string, string)> { (outPath, result.ProfileYaml) };
            if (parse.GetValue(report) is { } reportPath)
            {
                if (reportPath == "-") throw new UsageException("--report needs a file name (the profile may go to stdout, the report cannot)");
                files.Add((reportPath, LearnReport.Render(result, Path.GetFileName(learningData.SourceName), learningData.Labelling)));
            }
            TextOutput.WriteAll(files);

            if (parse.GetValue(json)) Render.WriteJson(outPath == "-" ? console.Error : console.Output, Json(result, outPath, learningData.Labelling, joined));
            else if (!parse.GetValue(quiet)) Summary(console.Summary(outPath), result, outPath, parse.GetValue(report), learningData.Labelling);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// What a win is: an outcome column with positive values (in --data, or in --outcomes joined on --key), the top share by
    /// --value, or the top share by --value among the positive rows; churned rows (--churned) are losses in every case.
    /// </summary>
    private static (OutcomeSpec Outcome, OutcomeJoinSpec? Join) Outcome(string? outcome, string? positive, List<string> negatives, string? value, string? best,
        string? outcomes, string? key, string perAccount, string? dateColumn, ChurnSpec? churned)
    {
        if (positive is null && value is null)
            throw new UsageException("say what a win is with one of: --outcome COLUMN --positive VALUE (e.g. Won), --value COLUMN --best \"top 25%\", or both (the top share of the positive rows by value)");
        if (outcomes is null && (key is not null || dateColumn is not null || perAccount != "best"))
            throw new UsageException("--key, --per-account and --date-column join an outcomes table: give it with --outcomes FILE");
        if (value is not null && best is null) throw new UsageException("--value needs --best, e.g. --best \"top 25%\"");
        if (value is null && best is not null) throw new UsageException("--best picks the top rows by --value COLUMN: give that too, or use --positive");
        if (positive is null && (outcome is not null || negatives.Count > 0))
            throw new UsageException("--outcome and --negative need --positive: with --value, --outcome COLUMN --positive VALUE picks the rows to rank (e.g. the won ones)");
        if (positive is not null && outcome is null) throw new UsageException("--positive needs --outcome, the column that holds the outcome (e.g. --outcome stage)");
        var positives = Split(positive);
        if (positive is not null && positives.Count == 0) throw new UsageException("--positive needs at least one value, e.g. --positive Won");
        if (value is not null && outcome is not null && string.Equals(value.Trim(), outcome.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--value '{value}' is the --outcome column: --outcome says which rows won, --value ranks them (e.g. --outcome stage --positive Won --value total_won_value)");
        var share = best is null ? (double?)null : ParseBest(best);
        var spec = value is null ? new OutcomeSpec(outcome!, positives, negatives, Churned: churned)
            : outcome is null ? new OutcomeSpec(value, [], null, share, Churned: churned)
            : new OutcomeSpec(outcome, positives, negatives, share, value, churned);
        if (outcomes is null) return (spec, null);
        var mode = perAccount == "latest" ? PerAccount.Latest : PerAccount.Best;
        if (mode == PerAccount.Latest && outcome is null)
            throw new UsageException("--per-account latest picks one deal's outcome, but --value alone sums every deal of an account: leave it out, or say which deals won with --outcome and --positive");
        if (mode == PerAccount.Latest && dateColumn is null) throw new UsageException("--per-account latest needs --date-column, the deals' date column (e.g. close_date)");
        return (spec, new OutcomeJoinSpec(key, mode, dateColumn));
    }

    /// <summary>"Churn=Yes" or "status=Cancelled,Lapsed" as a <see cref="ChurnSpec"/>.</summary>
    private static ChurnSpec? ParseChurned(string? text, double weight)
    {
        if (weight is < 1 or > 100 || double.IsNaN(weight))
            throw new UsageException($"--churn-weight must be between 1 (a plain loss) and 100, got {weight.ToString(CultureInfo.InvariantCulture)}");
        if (text is null) return null;
        var at = text.IndexOf('=', StringComparison.Ordinal);
        var values = at < 0 ? [] : Split(text[(at + 1)..]);
        if (at < 0 || text[..at].Trim().Length == 0 || values.Count == 0)
            throw new UsageException($"--churned '{text}' is not COLUMN=VALUE[,VALUE]: name the column and the values that mean a customer churned, e.g. --churned Churn=Yes");
        return new ChurnSpec(text[..at].Trim(), values, weight);
    }

    /// <summary>"top 25%" as 0.25.</summary>
    private static double ParseBest(string text)
    {
        var match = Regex.Match(text, @"^\s*top\s+(\d+(?:\.\d+)?)\s*%\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var percent = match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        if (percent is not (> 0 and < 100))
            throw new UsageException($"--best '{text}' is not of the form \"top N%\" with N between 0 and 100, e.g. --best \"top 25%\"");
        return percent / 100;
    }

    private static List<string> Split(string? text) => CommonOptions.ColumnList(text is null ? [] : [text]);

    private static DateOnly? ParseAsOf(string? text)
    {
        if (text is null) return null;
        if (!ValueParsers.TryParseDate(text, out var d) || text.Trim().Length != 10)
            throw new InputException($"--as-of '{text}' is not a date like 2026-01-31");
        return d;
    }

    private static void Summary(IAnsiConsole console, LearningResult result, string outPath, string? reportPath, string? labelling)
    {
        // One line per part: the join's match rate must not wrap mid-figure in a narrow terminal.
        if (labelling is not null) console.MarkupLine("outcome: " + string.Join("\n  ", labelling.Split("; ").Select(Markup.Escape)));
        console.MarkupLine($"read {result.Rows:N0} rows with an outcome: {result.Wins:N0} wins ({100.0 * result.Wins / result.Rows:0.0}%)"
            + (result.BlankOutcomes > 0 ? $", {result.BlankOutcomes:N0} rows with a blank outcome skipped" : "")
            + (result.OtherOutcomes > 0 ? $", {result.OtherOutcomes:N0} rows neither won nor lost skipped" : "")
            + (result.Churned > 0 ? $", {result.Churned:N0} churned counted as losses" : ""));
        if (result.LeftOut.Count > 0)
        {
            var left = new Table().Border(TableBorder.Rounded).Title("[bold]Columns left out[/]");
            left.AddColumn("column");
            left.AddColumn("why");
            foreach (var l in result.LeftOut) left.AddRow(Markup.Escape(l.Column), Markup.Escape(l.Reason));
            console.Write(left);
        }
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Learned profile[/] (evidence over all rows)");
        table.AddColumn("criterion");
        table.AddColumn(new TableColumn("points").RightAligned());
        table.AddColumn(new TableColumn("support").RightAligned());
        table.AddColumn(new TableColumn("win rate (95% CI)").RightAligned());
        table.AddColumn(new TableColumn("lift").RightAligned());
        foreach (var d in result.Profile.Disqualifiers) AddRow(table, d.Criterion, "[red]excluded[/]", result);
        foreach (var s in result.Profile.Signals) AddRow(table, s.Criterion, s.Points.ToString("+0;-0", CultureInfo.InvariantCulture), result);
        if (result.Profile.Signals.Count == 0 && result.Profile.Disqualifiers.Count == 0) table.AddRow("[grey]no field told wins from losses clearly enough[/]", "", "", "", "");
        console.Write(table);

        var evaluation = result.Evaluation;
        var models = new Table().Border(TableBorder.Rounded).Title($"[bold]Evaluation[/]: {Markup.Escape(evaluation.Method)}");
        models.AddColumn("model");
        models.AddColumn(new TableColumn("AUC (95% CI)").RightAligned());
        models.AddColumn(new TableColumn("top-decile lift").RightAligned());
        models.AddColumn(new TableColumn("differs from learned?").RightAligned());
        foreach (var m in evaluation.Models)
            models.AddRow(Markup.Escape(m.Model), $"{m.Auc:0.000} ({m.AucLow:0.000}-{m.AucHigh:0.000})", $"{m.TopDecileLift:0.00}", m.PValueVsProfile is { } p ? Differs(p) : "");
        console.Write(models);
        var tiers = new Table().Border(TableBorder.Rounded).Title($"[bold]Win rate by tier[/] ({evaluation.TestRows:N0} rows)");
        tiers.AddColumn("tier");
        tiers.AddColumn(new TableColumn("rows").RightAligned());
        tiers.AddColumn(new TableColumn("win rate (95% CI)").RightAligned());
        if (evaluation.Churned is not null) tiers.AddColumn(new TableColumn("churned").RightAligned());
        foreach (var t in evaluation.Tiers)
            tiers.AddRow([Markup.Escape(t.Tier), $"{t.WinRate.Trials:N0}", Rate(t.WinRate), .. evaluation.Churned is null ? Array.Empty<string>() : [$"{t.Churned:N0}"]]);
        console.Write(tiers);
        console.MarkupLine($"win probability by score (isotonic fit on those rows): {Markup.Escape(Calibration.Describe(evaluation.Calibration))}");
        if (evaluation.Note is { } note) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        if (result.Profile.Note is { } weak) console.MarkupLine($"[yellow]note:[/] {Markup.Escape(weak)}");
        if (outPath != "-") console.MarkupLine($"wrote profile [bold]{Markup.Escape(outPath)}[/] (tiers {string.Join(", ", result.Tiers.Select(t => $"{t.Name} >= {t.Minimum}"))})");
        if (reportPath is not null) console.MarkupLine($"wrote report [bold]{Markup.Escape(reportPath)}[/]");
    }

    private static void AddRow(Table table, LearnedCriterion c, string points, LearningResult result)
    {
        var e = c.Evidence;
        table.AddRow(Markup.Escape(ProfileWriter.Condition(c, result.AsOf ?? DateOnly.MinValue)), points, $"{e.WinRate.Trials:N0}", Rate(e.WinRate), $"{e.Lift:0.00}");
    }

    /// <summary>DeLong's paired test in words: "yes (p<0.001)", "no (p=0.31)".</summary>
    internal static string Differs(double p) => (p < 0.05 ? "yes (" : "no (") + Statistics.FormatP(p) + ")";

    private static string Rate(Proportion p)
    {
        var (low, high) = p.Interval;
        return $"{p.Rate * 100:0.0}% ({low * 100:0.0}-{high * 100:0.0}%)";
    }

    private static object Json(LearningResult result, string outPath, string? labelling, OutcomeJoinSummary? join) => new
    {
        output = outPath,
        labelling,
        join = join is null ? null : new
        {
            account_key = join.AccountKeyColumn,
            deal_key = join.DealKeyColumn,
            accounts = join.Accounts,
            accounts_with_deals = join.AccountsWithDeals,
            account_match_rate = Math.Round(join.AccountMatchRate, 4),
            deals_with_key = join.DealsWithKey,
            deals_matched = join.DealsMatched,
            deal_match_rate = Math.Round(join.DealMatchRate, 4),
        },
        rows = result.Rows,
        wins = result.Wins,
        blank_outcomes = result.BlankOutcomes,
        other_outcomes = result.OtherOutcomes,
        churned = result.Churned,
        won_then_churned = result.WonThenChurned,
        as_of = result.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        left_out = result.LeftOut.Select(l => new { column = l.Column, reason = l.Reason }),
        disqualifiers = result.Profile.Disqualifiers.Select(d => new { criterion = ProfileWriter.Condition(d.Criterion, result.AsOf ?? DateOnly.MinValue), reason = d.Reason, evidence = Evidence(d.Criterion.Evidence) }),
        signals = result.Profile.Signals.Select(s => new { criterion = ProfileWriter.Condition(s.Criterion, result.AsOf ?? DateOnly.MinValue), points = s.Points, evidence = Evidence(s.Criterion.Evidence) }),
        fields = result.Profile.Fields.Select(f => new { column = f.Column, kind = f.Kind.ToString().ToLowerInvariant(), p_value = f.PValue, stable_resamples = f.StableResamples, selected = f.Selected }),
        tiers = result.Tiers.ToDictionary(t => t.Name, t => t.Minimum),
        evaluation = new
        {
            method = result.Evaluation.Method,
            note = result.Evaluation.Note,
            profile_note = result.Profile.Note,
            train_rows = result.Evaluation.TrainRows,
            test_rows = result.Evaluation.TestRows,
            models = result.Evaluation.Models.Select(m => new
            {
                model = m.Model,
                auc = Math.Round(m.Auc, 4),
                auc_ci_low = Math.Round(m.AucLow, 4),
                auc_ci_high = Math.Round(m.AucHigh, 4),
                p_vs_learned = m.PValueVsProfile is { } p ? Math.Round(p, 4) : (double?)null,
                top_decile_lift = Math.Round(m.TopDecileLift, 3),
            }),
            tiers = result.Evaluation.Tiers.Select(t => new { tier = t.Tier, rows = t.WinRate.Trials, wins = t.WinRate.Successes, churned = t.Churned }),
            calibration = result.Evaluation.Calibration.Select(c => new { min_score = c.MinScore, max_score = c.MaxScore, rows = c.WinRate.Trials, wins = c.WinRate.Successes, win_rate = Math.Round(c.WinRate.Rate, 4) }),
        },
    };

    private static object Evidence(Evidence e) => new
    {
        rows = e.WinRate.Trials,
        wins = e.WinRate.Successes,
        win_rate = Math.Round(e.WinRate.Rate, 4),
        ci_low = Math.Round(e.WinRate.Interval.Low, 4),
        ci_high = Math.Round(e.WinRate.Interval.High, 4),
        lift = Math.Round(e.Lift, 3),
    };
}
