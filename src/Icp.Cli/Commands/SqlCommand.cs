using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Data.Sql;

namespace Icp.Cli.Commands;

internal static class SqlCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = CommonOptions.Profile();
        var dialect = new Option<string>("--dialect") { Description = $"SQL dialect: {string.Join(", ", SqlDialect.ByName.Keys)}.", DefaultValueFactory = _ => "duckdb" };
        var table = new Option<string>("--table") { Description = "Table or view to score, optionally schema-qualified (crm.accounts).", DefaultValueFactory = _ => "accounts" };
        var columns = new Option<string[]>("--column") { Description = "Map a profile field to a differently named column: --column employees=\"Employee Count\" (repeatable).", AllowMultipleArgumentsPerToken = false };
        var asOf = CommonOptions.AsOf();
        var command = new Command("sql", """
            Compile a profile to one SQL SELECT that returns the table's columns plus icp_score, icp_tier, icp_excluded,
            icp_reasons and the group sub-scores, with the same results as 'icp score' (a differential test checks
            this on DuckDB). Run it where the data lives: no export needed.

            Example: icp sql -p samples/profiles/maven-mid-market.yaml --table accounts --as-of 2026-06-30
            """) { profile, dialect, table, columns, asOf };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(dialect)!;
            if (!SqlDialect.ByName.TryGetValue(name, out var sqlDialect))
                throw new UsageException($"--dialect {name}: supported are {string.Join(", ", SqlDialect.ByName.Keys)}{DidYouMean.Hint(name, SqlDialect.ByName.Keys)}");
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(columns) ?? [])
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == pair.Length - 1) throw new UsageException($"--column '{pair}': expected FIELD=COLUMN");
                map[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }
            var loaded = ScoringRun.LoadProfiles(console, [parse.GetValue(profile)!], showWarnings: false)[0];
            var unknown = map.Keys.FirstOrDefault(f => !loaded.Fields.ContainsKey(f));
            if (unknown is not null)
                throw new InputException($"--column {unknown}=...: the profile has no field '{unknown}'{DidYouMean.Hint(unknown, loaded.Fields.Keys)}");
            var options = CommonOptions.ScoringOptions(parse.GetValue(asOf), false, console.Clock);
            console.Output.WriteLine(ProfileSqlCompiler.Compile(loaded, sqlDialect, parse.GetValue(table)!, options, map) + ";");
            return ExitCodes.Ok;
        });
        return command;
    }
}
