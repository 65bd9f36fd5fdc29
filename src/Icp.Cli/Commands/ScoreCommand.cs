using System.CommandLine;
using Spectre.Console;
using Icp.Cli.Terminal;
using Icp.Core.Filtering;
using Icp.Data.Enrichment;

namespace Icp.Cli.Commands;

internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var profiles = CommonOptions.Profiles();
        var data = CommonOptions.Data();
        var output = CommonOptions.Out();
        var asOf = CommonOptions.AsOf();
        var threads = CommonOptions.Threads();
        var strict = CommonOptions.Strict();
        var minTier = CommonOptions.MinTier();
        var top = CommonOptions.Top();
        var dropExcluded = new Option<bool>("--drop-excluded") { Description = "Leave excluded rows out of the output." };
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var engine = new Option<string>("--engine")
        {
            Description = "icp (default) streams rows through the compiled profile; duckdb runs the same profile as SQL in an in-process DuckDB (.csv/.tsv/.parquet files; see 'icp sql').",
            DefaultValueFactory = _ => "icp",
        };
        engine.AcceptOnlyFromAmong("icp", "duckdb");
        var enrich = new Option<string?>("--enrich")
        {
            Description = "providers.yaml: enrich the rows before scoring (providers, then the normalisers whose columns are detected), so the profile can use appended fields such as industry_normalised; see docs/enrichment.md.",
        };
        var command = new Command("score", """
            Score accounts: writes the input columns plus icp_score (0-100), icp_tier, icp_excluded and icp_reasons
            (and icp_<group> sub-scores, icp_profile with two profiles, icp_persona for contact rows).

            Examples:
              icp score -p samples/profiles/maven-mid-market.yaml -d samples/maven-crm/accounts.csv -o scored.csv
              icp score -p a.yaml -p b.yaml -d accounts.parquet -o scored.parquet --min-tier B
              cat leads.csv | icp score -p profile.yaml -d - --as-of 2026-01-31 > scored.csv
              icp score -p profile.yaml -d leads.csv --enrich providers.yaml -o scored.csv
            """) { profiles, data, output, asOf, threads, strict, minTier, top, dropExcluded, json, quiet, engine, enrich };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            var isQuiet = parse.GetValue(quiet) || parse.GetValue(json);
            var loaded = ScoringRun.LoadProfiles(console, parse.GetValue(profiles)!, showWarnings: !isQuiet);
            var request = new ScoringRequest(
                loaded, parse.GetValue(data)!, outPath,
                CommonOptions.ScoringOptions(parse.GetValue(asOf), parse.GetValue(strict), console.Clock),
                CommonOptions.CheckThreads(parse.GetValue(threads)),
                new SelectionOptions(parse.GetValue(dropExcluded), parse.GetValue(minTier), parse.GetValue(top)),
                ShowProgress: !isQuiet);
            var enrichPath = parse.GetValue(enrich);
            if (parse.GetValue(engine) == "duckdb")
            {
                if (enrichPath is not null) throw new UsageException("--enrich needs --engine icp: run 'icp enrich' first to score enriched rows with DuckDB");
                return ScoreWithDuckDb(console, request, parse.GetValue(json), parse.GetValue(quiet));
            }
            using var waterfall = enrichPath is null ? null : ProviderWaterfall.Open(ProvidersConfigLoader.LoadFile(enrichPath), console.Clock);
            EnrichedTableReader? enriched = null;
            if (waterfall is not null) request = request with { Enrich = inner => enriched = EnrichCommand.ForScoring(inner, waterfall) };
            var outcome = ScoringRun.Execute(console, request);
            ScoringRun.Report(console, request, outcome, parse.GetValue(json), parse.GetValue(quiet), showTiers: true);
            if (enriched is not null && waterfall is not null && !isQuiet) EnrichmentReport.Tables(console.Summary(outPath), waterfall, enriched);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int ScoreWithDuckDb(CliConsole console, ScoringRequest request, bool json, bool quiet)
    {
        if (request.Profiles.Count > 1 || !request.Selection.KeepsEverything || request.Options.Strict || request.OutPath == "-" || request.DataPath == "-")
            throw new UsageException("--engine duckdb scores one profile from a file to a file; --min-tier, --top, --drop-excluded, --strict, a second --profile and stdin/stdout need --engine icp");
        var rows = Icp.Data.Sql.DuckDbScorer.Score(request.Profiles[0], request.DataPath, request.OutPath, request.Options, request.Threads);
        if (json) Render.WriteJson(console.Output, new { rows, output = request.OutPath, engine = "duckdb" });
        else if (!quiet) console.Out.MarkupLine($"wrote {rows:N0} rows to [bold]{Markup.Escape(request.OutPath)}[/] (DuckDB engine)");
        return ExitCodes.Ok;
    }
}
