using System.CommandLine;
using Icp.Cli.Html;
using Icp.Cli.Terminal;
using Icp.Core.Reporting;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Spectre.Console;

namespace Icp.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = CommonOptions.Profile();
        var data = CommonOptions.Data("Accounts to score (or deals that carry the account columns, when --outcomes is not given)");
        var outcomes = new Option<string?>("--outcomes") { Description = "Deals with outcomes, joined to --data by --key (e.g. a CRM's opportunities export)." };
        var key = new Option<string?>("--key") { Description = "Join key: a column both files have, or ACCOUNT_COLUMN=DEAL_COLUMN. Default: the first column of --data that --outcomes also has." };
        var outcome = new Option<string?>("--outcome") { Description = $"Column holding the deal's stage or result (default {DealColumnNames.DefaultOutcome})." };
        var won = new Option<string?>("--won") { Description = "Outcome value(s) that mean won, comma-separated (default Won)." };
        var lost = new Option<string?>("--lost") { Description = "Outcome value(s) that mean lost, comma-separated (default Lost). Other values count as open." };
        var created = new Option<string?>("--created") { Description = $"Column with the date the deal was created or engaged (default {DealColumnNames.DefaultCreated})." };
        var closed = new Option<string?>("--closed") { Description = $"Column with the date the deal closed (default {DealColumnNames.DefaultClosed})." };
        var value = new Option<string?>("--value") { Description = $"Column with the deal value (default {DealColumnNames.DefaultValue}); one currency per column." };
        var owner = new Option<string?>("--owner") { Description = $"Column naming who works the deal, for the off-ICP review (default {DealColumnNames.DefaultOwner})." };
        var review = new Option<int>("--review")
        {
            Description = "Off-ICP open deals to list for the monthly review, newest first (default 20; 0 lists none but still counts them).",
            DefaultValueFactory = _ => 20,
        };
        var minTier = new Option<string?>("--min-tier") { Description = "In-ICP means this tier or better (default: every account the profile does not exclude)." };
        var minDeals = new Option<int>("--min-deals")
        {
            Description = "Fewest deals behind a figure; smaller segments say 'too few' instead of a number (default 20).",
            DefaultValueFactory = _ => 20,
        };
        var period = new Option<string>("--period")
        {
            Description = "Drift: repeat the comparison per quarter (default), month, or none. A deal belongs to the period it closed in (open deals: when created).",
            DefaultValueFactory = _ => "quarter",
        };
        period.AcceptOnlyFromAmong("quarter", "month", "none");
        var asOf = CommonOptions.AsOf();
        var strict = new Option<bool>("--strict") { Description = "Stop at the first date or value that does not parse instead of counting it and reporting its lines." };
        var json = CommonOptions.Json();
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (inline SVG charts, nothing fetched) to this file." };
        var command = new Command("report", """
            Check that the profile holds: segment deals into in-ICP and out-of-ICP (and per tier) by scoring each
            deal's account, then compare win rate (with 95% Wilson intervals; two-proportion z-test), median
            sales-cycle days and deal value (Mann-Whitney U) and give a plain verdict per metric and overall.
            Metrics whose columns are missing are listed as not available.

            Example:
              icp report -p samples/profiles/maven-mid-market.yaml -d samples/maven-crm/accounts.csv --outcomes samples/maven-crm/sales_pipeline.csv --key account
            """) { profile, data, outcomes, key, outcome, won, lost, created, closed, value, owner, review, minTier, minDeals, period, asOf, strict, json, html };
        command.SetAction(parse =>
        {
            var min = parse.GetValue(minDeals);
            if (min < 1) throw new UsageException($"--min-deals must be at least 1, got {min}");
            var rows = parse.GetValue(review);
            if (rows is < 0 or > 100_000) throw new UsageException($"--review must be between 0 and 100000, got {rows}");
            var loaded = ScoringRun.LoadProfiles(console, [parse.GetValue(profile)!], showWarnings: false)[0];
            var options = new ReportOptions(
                CommonOptions.ScoringOptions(parse.GetValue(asOf), parse.GetValue(strict), console.Clock),
                new DealColumnNames(parse.GetValue(outcome), List(parse.GetValue(won)), List(parse.GetValue(lost)),
                    parse.GetValue(created), parse.GetValue(closed), parse.GetValue(value), parse.GetValue(owner)),
                parse.GetValue(key), parse.GetValue(minTier), min,
                Period: parse.GetValue(period) switch { "month" => DriftPeriod.Month, "none" => DriftPeriod.None, _ => DriftPeriod.Quarter },
                ReviewRows: rows);
            if (parse.GetValue(key) is not null && parse.GetValue(outcomes) is null) throw new UsageException("--key joins --data to --outcomes: give --outcomes too");
            using var accounts = TableReaders.Open(parse.GetValue(data)!);
            using ITableReader? deals = parse.GetValue(outcomes) is { } path ? TableReaders.Open(path) : null;
            var report = ProfileReport.Build(loaded, accounts, deals, options);
            if (parse.GetValue(html) is { } htmlPath)
                TextFiles.WriteAtomically(htmlPath, ReportHtml.Render(report, $"{Path.GetFileName(parse.GetValue(profile)!)} on {Path.GetFileName(parse.GetValue(outcomes) ?? parse.GetValue(data)!)}"));
            if (parse.GetValue(json)) Render.WriteJson(console.Output, ReportRender.Json(report));
            else
            {
                ReportRender.Tables(console.Out, report);
                if (parse.GetValue(html) is { } written) console.Out.MarkupLine($"wrote the HTML report to [bold]{Markup.Escape(written)}[/]");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string[]? List(string? values) =>
        values?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
