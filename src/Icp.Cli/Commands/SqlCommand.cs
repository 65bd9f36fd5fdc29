using System.CommandLine;
using Icp.Cli.Terminal;
using Icp.Core;
using Icp.Data.Sql;

namespace Icp.Cli.Commands;

internal static class SqlCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = CommonOptions.Profiles();
        var dialect = new Option<string>("--dialect") { Description = $"SQL dialect: {string.Join(", ", SqlDialect.ByName.Keys)}.", DefaultValueFactory = _ => "duckdb" };
        var table = new Option<string>("--table") { Description = "Table or view to score, optionally schema-qualified (crm.accounts).", DefaultValueFactory = _ => "accounts" };
        var columns = new Option<string[]>("--column") { Description = "Map a profile field to a differently named column: --column employees=\"Employee Count\" (repeatable).", AllowMultipleArgumentsPerToken = false };
        var asOf = CommonOptions.AsOf();
        var form = new Option<string>("--form")
        {
            Description = "select: the scoring SELECT; view: CREATE OR REPLACE VIEW over it; write-back: ALTER TABLE ... ADD COLUMN IF NOT EXISTS, then UPDATE ... FROM (duckdb, postgres) or MERGE (snowflake, bigquery, spark) matched on --key.",
            DefaultValueFactory = _ => "select",
        };
        form.AcceptOnlyFromAmong("select", "view", "write-back");
        var view = new Option<string?>("--view") { Description = "With --form view: the view's name (default: <table>_icp)." };
        var keys = new Option<string[]>("--key") { Description = "With --form write-back: the column(s) identifying a row (repeatable or comma-separated).", AllowMultipleArgumentsPerToken = false };
        var prefix = new Option<string>("--prefix") { Description = "With --form write-back: prefix of the result columns written into the table.", DefaultValueFactory = _ => "icp_" };
        var command = new Command("sql", """
            Compile a profile (or a primary and a secondary one: the better fit wins) to SQL that returns the table's
            columns plus icp_score, icp_tier, icp_excluded, icp_reasons and the group sub-scores, with the same results
            as 'icp score' (differential tests check this on DuckDB and PostgreSQL). Run it where the data lives.

            Examples:
              icp sql -p samples/profiles/maven-mid-market.yaml --table accounts --as-of 2026-06-30
              icp sql -p profile.yaml --dialect snowflake --table CRM.ACCOUNTS --form view --view CRM.ACCOUNTS_ICP
              icp sql -p profile.yaml --dialect postgres --table crm.accounts --form write-back --key id
            """) { profile, dialect, table, columns, asOf, form, view, keys, prefix };
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
            var loaded = ScoringRun.LoadProfiles(console, parse.GetValue(profile)!, showWarnings: false);
            var fields = loaded.SelectMany(p => p.Fields.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = map.Keys.FirstOrDefault(f => !fields.Contains(f));
            if (unknown is not null)
                throw new InputException($"--column {unknown}=...: the profile has no field '{unknown}'{DidYouMean.Hint(unknown, fields)}");
            var options = CommonOptions.ScoringOptions(parse.GetValue(asOf), false, console.Clock);
            var relation = parse.GetValue(table)!;
            var key = CommonOptions.ColumnList(parse.GetValue(keys));
            if (parse.GetValue(form) != "write-back" && key.Count > 0) throw new UsageException("--key applies to --form write-back");
            IEnumerable<string> statements = parse.GetValue(form) switch
            {
                "view" => [ProfileSqlCompiler.CompileView(loaded, sqlDialect, relation, parse.GetValue(view) ?? relation + "_icp", options, map)],
                "write-back" when key.Count == 0 => throw new UsageException("--form write-back needs --key: the column(s) that identify a row"),
                "write-back" => ProfileSqlCompiler.CompileWriteBack(loaded, sqlDialect, relation, key, parse.GetValue(prefix)!, options, map),
                _ => [ProfileSqlCompiler.Compile(loaded, sqlDialect, relation, options, map)],
            };
            foreach (var statement in statements) console.Output.WriteLine(statement + ";");
            return ExitCodes.Ok;
        });
        return command;
    }
}
