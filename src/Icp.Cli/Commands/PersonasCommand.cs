using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Core.Personas;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Spectre.Console;

namespace Icp.Cli.Commands;

internal static class PersonasCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = CommonOptions.Profile();
        var contacts = new Option<string>("--contacts", "-c") { Description = "Contact rows (title, seniority, department ...): .csv, .tsv, .parquet or .jsonl.", Required = true };
        var accountColumn = new Option<string>("--account-column") { Description = "Column naming each contact's account.", DefaultValueFactory = _ => "account" };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the contacts with an icp_persona column." };
        var json = CommonOptions.Json();
        var command = new Command("personas", """
            Match contacts to the profile's personas (first match wins) and show, per account, which personas
            it has contacts for: the gaps in each buying committee.

            Example: icp personas -p samples/profiles/maven-mid-market.yaml -c samples/contacts/contacts.csv
            """) { profile, contacts, accountColumn, output, json };
        command.SetAction(parse =>
        {
            var loaded = ScoringRun.LoadProfiles(console, [parse.GetValue(profile)!], showWarnings: false)[0];
            if (loaded.Personas.IsEmpty) throw new InputException($"{loaded.SourceName} defines no personas", new SourceLocation(loaded.SourceName));
            using var reader = TableReaders.Open(parse.GetValue(contacts)!);
            var resolver = new ColumnResolver(reader.Columns, reader.SourceName);
            var evaluator = CompiledProfile.CompilePersonas(loaded, resolver, ScoringOptions.Today(console.Clock)).CreateEvaluator();
            var accountName = parse.GetValue(accountColumn)!;
            var account = resolver.Find(accountName);
            if (account < 0) throw new InputException($"--account-column '{accountName}' is not a column of {reader.SourceName}{DidYouMean.Hint(accountName, reader.Columns)}");

            var names = loaded.Personas.Select(p => p.Name).ToList();
            var coverage = new PersonaCoverage(names);
            var outPath = parse.GetValue(output);
            using var writer = outPath is null ? null : TableWriters.Create(outPath, [.. reader.Columns, ScoringPlan.PersonaColumn]);
            var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
            var extra = new RowBatch(1, ScoringPipeline.BatchRows);
            while (reader.ReadBatch(batch))
            {
                extra.Clear();
                for (var r = 0; r < batch.Count; r++)
                {
                    var persona = evaluator.MatchPersona(batch, r);
                    coverage.Add(batch[r, account].Trim().ToString(), persona);
                    extra.BeginRow(batch.LineOf(r));
                    extra.AddField(persona < 0 ? "" : names[persona]);
                    extra.EndRow();
                }
                writer?.Write(batch, extra);
            }
            writer?.Commit();

            if (parse.GetValue(json))
            {
                Render.WriteJson(console.Output, coverage.Accounts.Select(a => new
                {
                    account = a.Account, contacts = a.Contacts, complete = a.Complete,
                    personas = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => a.PerPersona[x.i]),
                }));
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Persona coverage[/] (contacts per persona)");
            table.AddColumn("account");
            table.AddColumn(new TableColumn("contacts").RightAligned());
            foreach (var n in names) table.AddColumn(new TableColumn(Markup.Escape(n)).Centered());
            foreach (var a in coverage.Accounts)
                table.AddRow([Markup.Escape(a.Account), $"{a.Contacts}", .. a.PerPersona.Select(n => n > 0 ? $"[green]✓ {n}[/]" : "[red]✗[/]")]);
            console.Out.Write(table);
            var complete = coverage.Accounts.Count(a => a.Complete);
            console.Out.MarkupLine($"{complete} of {coverage.Accounts.Count} accounts have a contact for every persona.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
