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
        data.Required = false;
        var db = new Option<string?>("--db")
        {
            Description = "Score a PostgreSQL table in place instead of a file: postgres://user@host:5432/database (password from the URL or PGPASSWORD). Rows stream to --out, or with --write-back into the table.",
        };
        var table = new Option<string>("--table") { Description = "With --db: the table or view to score, optionally schema-qualified (crm.accounts).", DefaultValueFactory = _ => "accounts" };
        var writeBack = new Option<string?>("--write-back")
        {
            Description = "With --db: write the results into the table as PREFIXscore, PREFIXtier, PREFIXexcluded, PREFIXreasons (added when missing), in one transaction. Example: --write-back icp_",
        };
        var keys = new Option<string[]>("--key") { Description = "With --write-back: the column(s) identifying a row (default: the table's primary key).", AllowMultipleArgumentsPerToken = false };
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
              icp score -p profile.yaml --db postgres://crm@db.internal/sales --table crm.accounts --write-back icp_
            """) { profiles, data, output, asOf, threads, strict, minTier, top, dropExcluded, json, quiet, engine, enrich, db, table, writeBack, keys };
        command.SetAction(parse =>
        {
            var outPath = parse.GetValue(output)!;
            var isQuiet = parse.GetValue(quiet) || parse.GetValue(json);
            if (parse.GetValue(db) is null == parse.GetValue(data) is null)
                throw new UsageException("give either --data FILE or --db postgres://... (with --table)");
            if (parse.GetValue(db) is null && (parse.GetValue(writeBack) is not null || parse.GetValue(keys) is { Length: > 0 }))
                throw new UsageException("--write-back and --key apply to --db tables; a file is scored into --out");
            var loaded = ScoringRun.LoadProfiles(console, parse.GetValue(profiles)!, showWarnings: !isQuiet);
            var scoring = CommonOptions.ScoringOptions(parse.GetValue(asOf), parse.GetValue(strict), console.Clock);
            if (parse.GetValue(db) is { } url)
            {
                if (parse.GetValue(minTier) is not null || parse.GetValue(top) is not null || parse.GetValue(dropExcluded) || scoring.Strict || parse.GetValue(enrich) is not null)
                    throw new UsageException("--db scores every row in the database; --min-tier, --top, --drop-excluded, --strict and --enrich need a file (--data)");
                var target = new PostgresTarget(url, parse.GetValue(table)!, parse.GetValue(writeBack), parse.GetValue(keys) ?? [], outPath);
                return ScoreInPostgres(console, loaded, target, scoring, parse.GetValue(json), parse.GetValue(quiet));
            }
            var request = new ScoringRequest(
                loaded, parse.GetValue(data)!, outPath,
                scoring,
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

    private sealed record PostgresTarget(string Url, string Table, string? WriteBackPrefix, string[] Keys, string OutPath);

    private static int ScoreInPostgres(CliConsole console, IReadOnlyList<Core.Profiles.Profile> profiles, PostgresTarget target, Core.Scoring.ScoringOptions options, bool json, bool quiet)
    {
        if (target.WriteBackPrefix is { } prefix)
        {
            if (target.OutPath != "-") throw new UsageException("--write-back writes into the table; leave out --out");
            var keys = CommonOptions.ColumnList(target.Keys);
            var result = Icp.Data.Sql.PostgresScorer.WriteBack(profiles, target.Url, target.Table, keys, prefix, options);
            if (json) Render.WriteJson(console.Output, new { rows = result.Rows, table = target.Table, key = result.Key, tiers = result.Tiers.ToDictionary(t => t.Tier, t => t.Rows) });
            else if (!quiet)
            {
                console.Out.MarkupLine($"wrote {prefix}score, {prefix}tier, {prefix}excluded, {prefix}reasons into {result.Rows:N0} rows of [bold]{Markup.Escape(target.Table)}[/] (matched on {Markup.Escape(string.Join(", ", result.Key))})");
                var tiers = new Table().AddColumn("tier").AddColumn(new TableColumn("rows").RightAligned());
                foreach (var (tier, rows) in result.Tiers) tiers.AddRow(Markup.Escape(tier), rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                console.Out.Write(tiers);
            }
            return ExitCodes.Ok;
        }
        var written = Icp.Data.Sql.PostgresScorer.Export(profiles, target.Url, target.Table, target.OutPath, options);
        if (json) Render.WriteJson(console.Output, new { rows = written, table = target.Table, output = target.OutPath, engine = "postgres" });
        else if (!quiet && target.OutPath != "-") console.Out.MarkupLine($"wrote {written:N0} rows to [bold]{Markup.Escape(target.OutPath)}[/] (scored in PostgreSQL)");
        return ExitCodes.Ok;
    }

    private static int ScoreWithDuckDb(CliConsole console, ScoringRequest request, bool json, bool quiet)
    {
        if (!request.Selection.KeepsEverything || request.Options.Strict || request.OutPath == "-" || request.DataPath == "-")
            throw new UsageException("--engine duckdb scores every row from a file to a file; --min-tier, --top, --drop-excluded, --strict and stdin/stdout need --engine icp");
        var rows = Icp.Data.Sql.DuckDbScorer.Score(request.Profiles, request.DataPath, request.OutPath, request.Options, request.Threads);
        if (json) Render.WriteJson(console.Output, new { rows, output = request.OutPath, engine = "duckdb" });
        else if (!quiet) console.Out.MarkupLine($"wrote {rows:N0} rows to [bold]{Markup.Escape(request.OutPath)}[/] (DuckDB engine)");
        return ExitCodes.Ok;
    }
}
