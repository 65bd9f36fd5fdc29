using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Normalisation;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Enrichment;
using Icp.Data.Tables;
using Spectre.Console;

namespace Icp.Cli.Commands;

internal static class EnrichCommand
{
    /// <summary>Column names tried, in order, when a normaliser's option is not given.</summary>
    private static readonly (string Normaliser, string Option, string[] Guesses)[] Inputs =
    [
        ("domain", "--domain-column", ["domain", "company_domain", "website", "homepage_url", "url", "web", "email", "work_email"]),
        ("country", "--country-column", ["country", "country_code", "hq_country", "company_country", "office_location", "location"]),
        ("employees", "--employees-column", ["employees", "employee_count", "num_employees", "company_size", "headcount", "size"]),
        ("revenue", "--revenue-column", ["revenue", "annual_revenue", "revenue_usd", "revenue_range"]),
        ("industry", "--industry-column", ["industry", "sector", "vertical", "category_code", "category"]),
        ("tech", "--tech-column", ["tech", "technologies", "tech_stack", "technographics"]),
    ];

    private static readonly string[] NameGuesses = ["company", "company_name", "account", "account_name", "name", "organization", "organisation"];

    public static Command Create(CliConsole console)
    {
        var data = CommonOptions.Data("Accounts or leads to normalise");
        var output = CommonOptions.Out();
        output.Required = true;
        var columns = Inputs.Select(i => new Option<string?>(i.Option)
        {
            Description = $"Column to read the {i.Normaliser} from (default: the first of {string.Join(", ", i.Guesses)}; 'none' to skip).",
        }).ToArray();
        var nameColumn = new Option<string?>("--name-column") { Description = $"Company-name column for --dedupe and for providers that match on names (default: the first of {string.Join(", ", NameGuesses)})." };
        var industries = new Option<string?>("--industries") { Description = "YAML file of extra industry synonyms, e.g. 'Fintech: [payments, neobank]' (see docs/enrichment.md)." };
        var dedupe = new Option<bool>("--dedupe") { Description = "Merge duplicate accounts: same registrable domain, or (rows without one) a company name at least 0.92 Jaro-Winkler similar. Holds the rows in memory." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an input column that has the name of an output column (default: stop with an error)." };
        var providers = new Option<string?>("--providers")
        {
            Description = "providers.yaml: reference files and HTTP APIs to append company fields from, first non-empty value per field wins (see docs/enrichment.md).",
        };
        var json = CommonOptions.Json();
        var quiet = CommonOptions.Quiet();
        var command = new Command("enrich", """
            Normalise messy account data so a profile can score it: registrable domain and free-mail flag from an
            e-mail or URL, ISO country code and region, employee and revenue bands as numbers, one industry taxonomy,
            canonical tech names. Appends columns (domain_normalised, country_iso2, employees_value ...), never
            changes the input's own, and prints what each normaliser filled and could not read. With --providers,
            appends company fields from reference files and HTTP APIs (first non-empty value per field, with
            <field>__source and <field>__fetched_at), filling only cells the input leaves empty.

            Examples:
              icp enrich -d samples/maven-crm/accounts.csv -o enriched.csv --dedupe
              icp enrich -d leads.csv --providers providers.yaml -o enriched.csv
            """) { data, output };
        foreach (var option in columns) command.Options.Add(option);
        command.Options.Add(nameColumn);
        command.Options.Add(industries);
        command.Options.Add(dedupe);
        command.Options.Add(overwrite);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.Options.Add(providers);
        command.SetAction(parse =>
        {
            var synonyms = parse.GetValue(industries) is { } path ? Industries.Load(path) : Industries.Default;
            var config = parse.GetValue(providers) is { } providersPath ? ProvidersConfigLoader.LoadFile(providersPath) : null;
            var inner = TableReaders.Open(parse.GetValue(data)!);
            var used = new List<(string Normaliser, string Column, bool Guessed)>();
            EnrichedTableReader reader;
            var names = -1;
            ProviderWaterfall? waterfall = null;
            IReadOnlyList<string> normalisedColumns = [];
            try
            {
                waterfall = config is null ? null : ProviderWaterfall.Open(config, console.Clock);
                // Normalisers read the input with provider fields filled in, so they may name a provider field.
                var filled = EnrichedTableReader.FilledColumns(inner.Columns, waterfall);
                var resolver = new ColumnResolver(filled, inner.SourceName);
                var indices = new int[Inputs.Length];
                for (var i = 0; i < Inputs.Length; i++)
                    indices[i] = Resolve(filled, inner.SourceName, resolver, Inputs[i].Option, parse.GetValue(columns[i]), Inputs[i].Guesses, Inputs[i].Normaliser, used);
                var enricher = new RowEnricher(new EnrichmentColumns(indices[0], indices[1], indices[2], indices[3], indices[4], indices[5]), synonyms);
                if (enricher.OutputColumns.Count == 0 && config is null)
                    throw new InputException($"{inner.SourceName} has no column to normalise: name one with --domain-column, --country-column, ... Columns: {Listed(inner.Columns)}", new SourceLocation(inner.SourceName, 1));
                names = NameColumn(inner, new ColumnResolver(inner.Columns, inner.SourceName), parse.GetValue(nameColumn));
                var domainColumn = indices[0] < inner.Columns.Count ? indices[0] : -1;
                reader = new EnrichedTableReader(inner, enricher, waterfall, domainColumn, names, parse.GetValue(overwrite));
                normalisedColumns = filled;
            }
            catch
            {
                inner.Dispose();
                waterfall?.Dispose();
                throw;
            }
            using var _ = reader;
            using var __ = waterfall;

            var outPath = parse.GetValue(output)!;
            var deduper = parse.GetValue(dedupe) ? new AccountDeduper() : null;
            using var writer = TableWriters.Create(outPath, reader.Columns);
            var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
            var kept = new List<(string[] Fields, long Line)>();
            ScoringRun.WithProgress(console, !parse.GetValue(quiet) && !parse.GetValue(json), reader.SourceName, report =>
            {
                while (reader.ReadBatch(batch))
                {
                    if (deduper is not null) Collect(batch, reader, deduper, names, kept);
                    else writer.Write(batch, null);
                    report(reader.Progress, reader.RowsRead);
                }
                return 0;
            }, verb: "enriching");
            if (deduper is not null) WriteRows(writer, kept, batch);
            writer.Commit();
            var rowsIn = reader.RowsRead;
            var rowsOut = deduper is null ? rowsIn : kept.Count;
            var normaliser = reader.Normaliser!;

            if (parse.GetValue(json))
            {
                Render.WriteJson(outPath == "-" ? console.Error : console.Output, new
                {
                    rows_in = rowsIn,
                    rows_out = rowsOut,
                    output = outPath,
                    columns = used.ToDictionary(u => u.Normaliser, u => new { column = u.Column, detected = u.Guessed }),
                    normalisers = normaliser.Stats.Select(s => new
                    {
                        normaliser = s.Normaliser, column = normalisedColumns[s.Column], filled = s.Filled, empty = s.Empty, unrecognised = s.Unrecognised,
                        top_unrecognised = s.TopUnrecognised().Select(t => new { value = t.Value, rows = t.Rows }),
                    }),
                    providers = reader.Waterfall is { } w ? EnrichmentReport.Json(w, reader) : null,
                    merges = deduper?.Merges.Select(m => new { line = m.Line, into_line = m.IntoLine, rule = m.Rule, key = m.Key, similarity = m.Similarity }),
                });
                return ExitCodes.Ok;
            }
            if (parse.GetValue(quiet)) return ExitCodes.Ok;
            var summary = console.Summary(outPath);
            if (used.Count > 0) summary.WriteLine("columns: " + string.Join(", ", used.Select(u => $"{u.Normaliser} ← {u.Column}{(u.Guessed ? " (detected)" : "")}")));
            if (normaliser.Stats.Count > 0) Normalisers(summary, normaliser, normalisedColumns);
            if (reader.Waterfall is { } waterfallUsed) EnrichmentReport.Tables(summary, waterfallUsed, reader);
            if (deduper is not null) Merges(summary, deduper);
            if (outPath != "-") summary.MarkupLine($"wrote {rowsOut:N0} rows to [bold]{Markup.Escape(outPath)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>score --enrich</c>: the rows read through the providers and every normaliser whose input column is detected
    /// (by the same guesses as <c>enrich</c>) and whose output columns the data does not have yet.
    /// </summary>
    internal static EnrichedTableReader ForScoring(ITableReader inner, ProviderWaterfall waterfall)
    {
        try
        {
            var filled = EnrichedTableReader.FilledColumns(inner.Columns, waterfall);
            var resolver = new ColumnResolver(filled, inner.SourceName);
            var indices = Inputs.Select(input => RowEnricher.ColumnsByNormaliser[input.Normaliser].Any(c => resolver.Find(c) >= 0)
                ? -1 : input.Guesses.Select(resolver.Find).FirstOrDefault(c => c >= 0, -1)).ToArray();
            var enricher = new RowEnricher(new EnrichmentColumns(indices[0], indices[1], indices[2], indices[3], indices[4], indices[5]));
            var inputResolver = new ColumnResolver(inner.Columns, inner.SourceName);
            var domain = Inputs[0].Guesses.Select(inputResolver.Find).FirstOrDefault(c => c >= 0, -1);
            var name = NameGuesses.Select(inputResolver.Find).FirstOrDefault(c => c >= 0, -1);
            return new EnrichedTableReader(inner, enricher, waterfall, domain, name, overwrite: false);
        }
        catch
        {
            inner.Dispose();
            throw;
        }
    }

    private static int Resolve(IReadOnlyList<string> columns, string sourceName, ColumnResolver resolver, string option, string? given, string[] guesses, string normaliser, List<(string, string, bool)> used)
    {
        if (given is not null)
        {
            if (given.Equals("none", StringComparison.OrdinalIgnoreCase)) return -1;
            var index = resolver.Find(given);
            if (index < 0)
                throw new InputException($"{option} '{given}' is not a column of {sourceName}{DidYouMean.Hint(given, columns)}. Columns: {Listed(columns)}", new SourceLocation(sourceName, 1));
            used.Add((normaliser, columns[index], false));
            return index;
        }
        foreach (var guess in guesses)
        {
            var index = resolver.Find(guess);
            if (index < 0) continue;
            used.Add((normaliser, columns[index], true));
            return index;
        }
        return -1;
    }

    private static int NameColumn(ITableReader reader, ColumnResolver resolver, string? given)
    {
        if (given is null) return NameGuesses.Select(resolver.Find).FirstOrDefault(i => i >= 0, -1);
        var index = resolver.Find(given);
        return index >= 0 ? index
            : throw new InputException($"--name-column '{given}' is not a column of {reader.SourceName}{DidYouMean.Hint(given, reader.Columns)}. Columns: {Listed(reader.Columns)}", new SourceLocation(reader.SourceName, 1));
    }

    private static string Listed(IReadOnlyList<string> columns) =>
        string.Join(", ", columns.Take(40)) + (columns.Count > 40 ? $", ... ({columns.Count} in all)" : "");

    /// <summary>Offers each row to the deduper; a duplicate fills the survivor's empty fields, a new account is kept.</summary>
    private static void Collect(RowBatch batch, EnrichedTableReader reader, AccountDeduper deduper, int nameColumn, List<(string[] Fields, long Line)> kept)
    {
        for (var row = 0; row < batch.Count; row++)
        {
            var fields = new string[batch.ColumnCount];
            for (var c = 0; c < fields.Length; c++) fields[c] = batch[row, c].ToString();
            var name = nameColumn >= 0 ? fields[nameColumn] : null;
            var into = deduper.Offer(batch.LineOf(row), reader.CompanyDomain(batch, row), name);
            if (into < 0) { kept.Add((fields, batch.LineOf(row))); continue; }
            var survivor = kept[into].Fields;
            for (var c = 0; c < survivor.Length; c++)
                if (survivor[c].Length == 0 && fields[c].Length > 0) survivor[c] = fields[c];
        }
    }

    private static void WriteRows(ITableWriter writer, List<(string[] Fields, long Line)> rows, RowBatch full)
    {
        full.Clear();
        foreach (var (fields, line) in rows)
        {
            full.BeginRow(line);
            foreach (var field in fields) full.AddField(field);
            full.EndRow();
            if (full.IsFull) { writer.Write(full, null); full.Clear(); }
        }
        if (full.Count > 0) writer.Write(full, null);
    }

    private static void Normalisers(IAnsiConsole console, RowEnricher enricher, IReadOnlyList<string> columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Normalised[/] (rows per normaliser)");
        table.AddColumn("normaliser");
        table.AddColumn("column");
        table.AddColumn(new TableColumn("filled").RightAligned());
        table.AddColumn(new TableColumn("empty").RightAligned());
        table.AddColumn(new TableColumn("unrecognised").RightAligned());
        table.AddColumn("most common unrecognised");
        foreach (var s in enricher.Stats)
        {
            var top = string.Join(", ", s.TopUnrecognised().Select(t => $"{t.Value} ({t.Rows:N0})"));
            table.AddRow(s.Normaliser, Markup.Escape(columns[s.Column]), $"{s.Filled:N0}", $"{s.Empty:N0}", $"{s.Unrecognised:N0}", Markup.Escape(top));
        }
        console.Write(table);
    }

    private static void Merges(IAnsiConsole console, AccountDeduper deduper)
    {
        if (deduper.Merges.Count == 0) { console.WriteLine("no duplicate accounts found"); return; }
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Merged duplicates[/]: {deduper.Merges.Count:N0}");
        table.AddColumn(new TableColumn("line").RightAligned());
        table.AddColumn(new TableColumn("into line").RightAligned());
        table.AddColumn("rule");
        table.AddColumn("match");
        table.AddColumn(new TableColumn("similarity").RightAligned());
        foreach (var m in deduper.Merges.Take(50))
            table.AddRow($"{m.Line}", $"{m.IntoLine}", m.Rule, Markup.Escape(m.Key), $"{m.Similarity:0.000}");
        console.Write(table);
        if (deduper.Merges.Count > 50) console.WriteLine($"... and {deduper.Merges.Count - 50:N0} more (--json lists all)");
    }
}
