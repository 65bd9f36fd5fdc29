using System.CommandLine;
using Spectre.Console;
using Icp.Cli.Terminal;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Data.Tables;

namespace Icp.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = new Argument<string>("profile") { Description = "Profile YAML file to check." };
        var data = new Option<string?>("--data", "-d") { Description = "Also check the profile against this data: missing columns, too-broad filters, signals that never or always hold, unreachable tiers." };
        var asOf = CommonOptions.AsOf();
        var json = CommonOptions.Json();
        var command = new Command("validate", """
            Check a profile: every error with file:line:column and a suggestion, plus warnings a RevOps lead
            needs (no negative criteria, contradictory filters; with --data: too broad, dead signals, empty tiers).
            Exit code 1 when there are errors.

            Example: icp validate samples/profiles/maven-mid-market.yaml --data samples/maven-crm/accounts.csv
            """) { profile, data, asOf, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(profile)!;
            var loaded = ProfileLoader.LoadFile(path);
            var diagnostics = loaded.Diagnostics.ToList();
            var dataPath = parse.GetValue(data);
            if (loaded.Profile is { } p && dataPath is not null)
            {
                using var reader = TableReaders.Open(dataPath);
                var options = CommonOptions.ScoringOptions(parse.GetValue(asOf), false, console.Clock);
                var compiled = CompiledProfile.Compile(p, new ColumnResolver(reader.Columns, reader.SourceName), options);
                diagnostics.AddRange(ProfileLinter.Lint(compiled, reader));
            }
            var errors = diagnostics.Count(d => d.Severity == Severity.Error);
            if (parse.GetValue(json))
            {
                Render.WriteJson(console.Output, new
                {
                    profile = path,
                    valid = errors == 0,
                    diagnostics = diagnostics.Select(d => new { severity = d.Severity.ToString().ToLowerInvariant(), file = d.Location.Source, line = d.Location.Line, column = d.Location.Column, message = d.Message }),
                });
            }
            else
            {
                Render.Diagnostics(console, diagnostics);
                var warnings = diagnostics.Count - errors;
                console.Out.MarkupLine(errors == 0
                    ? $"[green]✓[/] {Markup.Escape(path)}: valid ({loaded.Profile!.Signals.Length} signals, {loaded.Profile.Must.Length} hard filters, {loaded.Profile.Exclude.Length} disqualifiers), {warnings} warning(s)"
                    : $"[red]✗[/] {Markup.Escape(path)}: {errors} error(s), {warnings} warning(s)");
            }
            return errors == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }
}
