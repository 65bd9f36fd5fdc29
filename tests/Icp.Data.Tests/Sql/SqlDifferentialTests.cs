using System.Data.Common;
using DuckDB.NET.Data;
using FsCheck;
using FsCheck.Fluent;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Data.Sql;
using Icp.TestSupport;
using Npgsql;

namespace Icp.Data.Tests.Sql;

/// <summary>
/// The compiled SQL and the in-process scorer must agree on every row: score, tier, excluded flag, reasons and
/// group sub-scores. Random profiles over every operator × random rows with messy values, from a fixed seed,
/// scored both ways; FsCheck shrinks a disagreement to a minimal profile and row set. Each engine runs the same
/// cases: DuckDB in-process, PostgreSQL as a real server (<see cref="PostgresServer"/>).
/// </summary>
public abstract class SqlDifferentialTests(SqlDialect dialect)
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure.WithReplay(0x5EED_0007UL, 0x9E37_79B9_7F4A_7C15UL).WithMaxTest(100);
    private static readonly ScoringOptions Options = new(new DateOnly(2025, 6, 15));

    private static readonly string[] Catalogue =
    [
        "industry: { in: [Software, Fintech] }",
        "industry: Retail",
        "industry: { not_in: [Government, Education] }",
        "industry: { in: [\"fin  tech\", \"Data Tools\"] }",
        "employees: { between: [50, 500] }",
        "employees: { gte: 1000 }",
        "employees: { lt: 20 }",
        "employees: { gt: 10, lte: 400 }",
        "employees: { in: [150, 1500] }",
        "employees: { not_in: [5] }",
        "tech: { any: [Salesforce, HubSpot] }",
        "tech: { all: [Salesforce, Slack] }",
        "tech: { none: [Oracle] }",
        "founded: { within: 2 years }",
        "founded: { within: 18 months }",
        "founded: { older_than: 10 years }",
        "founded: { between: [2015-01-01, 2024-12-31] }",
        "founded: { gte: 2020-06 }",
        "hiring: true",
        "hiring: { equals: false }",
        "website: { exists: true }",
        "website: { missing: true }",
        "title: { matches: \"(?i)\\\\b(cfo|vp finance)\\\\b\" }",
        "any_of: [{ industry: Fintech }, { hiring: true }]",
        "not: { country: US }",
        "all_of: [{ country: [US, CA] }, { employees: { gte: 100 } }]",
        "any_of: [{ not: { tech: { any: [Oracle] } } }, { founded: { older_than: 30 years } }]",
        "country: { in: [\"O'Reilly Land\", \"x; DROP TABLE accounts; --\"] }",
    ];

    private static readonly string[] Columns = ["country", "industry", "employees", "tech", "founded", "hiring", "website", "title"];

    private static readonly string[][] Values =
    [
        ["US", "CA", "FR", "", " us ", "O'Reilly Land", "x; DROP TABLE accounts; --"],
        ["Software", "Fintech", "Retail", "Government", "", "software", "  Fin   Tech ", "data tools"],
        ["5", "50", "150", "1,500", "200000", "", "lots", "400", "1e3", "-3", "1e400", "1e-400", ".5", "+60"],
        ["Salesforce; Slack", "[\"HubSpot\"]", "Oracle", "", "slack;salesforce", "[\"Slack\", \"salesforce\"]", ";;", "hubspot ; zendesk"],
        ["2024-05-01", "2010", "2025-12-01", "", "someday", "2023-06", "2024-02-29T10:00:00Z", "2013-06-15", "2023-02-30", "2024-13", "0000"],
        ["yes", "no", "", "maybe", "TRUE", "0"],
        ["acme.com", "", "  "],
        ["CFO", "Engineer", "", "VP Finance", "cfo of things"],
    ];

    private sealed record Spec(IReadOnlyList<(int Criterion, int Points, int Group)> Signals, IReadOnlyList<int> Must, IReadOnlyList<int> Exclude,
        bool NoMatch, int Cap1, bool Labels, string Name = "differential")
    {
        public string Yaml()
        {
            var lines = new List<string>
            {
                $"icp: {Name}", $"unknown: {(NoMatch ? "no_match" : "neutral")}",
                "fields:", "  employees: { type: number }", "  founded: { type: date }", "  tech: { type: set }", "  hiring: { type: bool }",
                "tiers: { A: 70, B: 40, C: 15 }",
            };
            if (Must.Count > 0) lines.AddRange(["must:", .. Must.Select(m => "  - " + Catalogue[m])]);
            if (Exclude.Count > 0) lines.AddRange(["exclude:", .. Exclude.SelectMany((e, i) => new[] { "  - " + Catalogue[e], $"    reason: rule {i} isn't wanted" })]);
            lines.Add("signals:");
            for (var i = 0; i < Signals.Count; i++)
            {
                var (criterion, points, group) = Signals[i];
                lines.Add("  - " + Catalogue[criterion]);
                lines.Add($"    points: {points}");
                if (group > 0) lines.Add($"    group: g{group}");
                if (Labels && i % 2 == 0) lines.Add($"    label: signal number {i}");
            }
            if (Cap1 > 0 && Signals.Any(s => s.Group == 1)) lines.AddRange(["groups:", $"  g1: {{ cap: {Cap1} }}"]);
            return string.Join("\n", lines) + "\n";
        }

        public override string ToString() => Yaml();
    }

    private static readonly Gen<Spec> Specs =
        from criteria in Gen.NonEmptyListOf(Gen.Choose(0, Catalogue.Length - 1)).Select(l => l.Distinct().ToList())
        from points in Gen.ArrayOf(Gen.Choose(-30, 50), criteria.Count)
        from groups in Gen.ArrayOf(Gen.Choose(0, 2), criteria.Count)
        from must in Gen.SubListOf(new[] { 0, 4, 20, 25 })
        from exclude in Gen.SubListOf(new[] { 1, 12, 24, 27 })
        from noMatch in Gen.Elements(true, false)
        from cap in Gen.Choose(0, 40)
        from labels in Gen.Elements(true, false)
        select new Spec([.. criteria.Select((c, i) => (c, points[i] == 0 ? 1 : points[i], groups[i]))], [.. must], [.. exclude], noMatch, cap, labels);

    /// <summary>A profile, and half the time a secondary one: each row is labelled with the better fit.</summary>
    private static readonly Gen<Spec[]> ProfileSpecs =
        from primary in Specs
        from secondary in Specs
        from both in Gen.Elements(true, false)
        select both ? new[] { primary, secondary with { Name = "secondary" } } : [primary];

    private static readonly Gen<string[][]> Rows =
        Gen.NonEmptyListOf(Gen.CollectToArray(Values.Select(v => Gen.Elements(v)))).Select(r => r.ToArray());

    /// <summary>An open connection to the engine under test.</summary>
    protected abstract DbConnection Open();

    /// <summary>The scratch table; unique per engine, as the engines' test classes may share a server.</summary>
    protected abstract string Table { get; }

    [Fact]
    public void Compiled_sql_agrees_with_the_in_process_scorer_on_random_profiles_and_rows()
    {
        using var db = Open();
        Prop.ForAll(ProfileSpecs.Zip(Rows).ToArbitrary(), ((Spec[] Specs, string[][] Rows) c) =>
        {
            var profiles = c.Specs.Select(spec => Some.Profile(spec.Yaml())).ToList();
            var expected = Score.Rows(profiles, Columns, c.Rows, Options);
            var actual = RunSql(db, profiles, c.Rows);
            for (var i = 0; i < expected.Count; i++)
            {
                var want = expected[i].Columns.ToDictionary(kv => kv.Key, kv => kv.Value);
                Assert.True(want.Count == actual[i].Count && want.All(kv => actual[i].TryGetValue(kv.Key, out var v) && v == kv.Value),
                    $"row {i} [{string.Join(" | ", c.Rows[i])}]\n in-process: {Show(want)}\n sql:        {Show(actual[i])}");
            }
        }).Check(Fixed);
    }

    [Fact]
    public void Identifiers_and_literals_with_quotes_semicolons_and_comments_are_quoted_safely()
    {
        var profile = Some.Profile("""
            icp: quoting
            fields:
              select: { type: text, column: "select" }
              weird: { type: text, column: "it's \"odd\"; --" }
            signals:
              - select: { in: ["a'b", "x; DROP TABLE accounts; --"] }
                points: 10
                label: "quote ' label; --"
              - weird: { equals: "--" }
                points: 5
            """);
        using var db = Open();
        var rows = new[] { new[] { "a'b", "--" }, ["x; DROP TABLE accounts; --", "no"], ["nothing", ""] };
        var actual = RunSql(db, [profile], rows, ["select", "it's \"odd\"; --"]);
        Assert.Equal(["100", "67", "0"], actual.Select(r => r["icp_score"]));
        Assert.Equal("+10 quote ' label; --; +5 weird=--", actual[0]["icp_reasons"]);
        var expected = Score.Rows([profile], ["select", "it's \"odd\"; --"], rows, Options);
        Assert.Equal(expected.Select(r => r.Reasons), actual.Select(r => r["icp_reasons"]));
        using var check = db.CreateCommand();
        check.CommandText = $"SELECT count(*) FROM {Table}";
        Assert.Equal(3L, Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A fixed profile with every kind of criterion, a group and a disqualifier, used by the statement tests.</summary>
    internal static string EveryOperatorYaml => new Spec(
        [.. Catalogue.Select((_, i) => (i, i % 3 == 0 ? -(i + 1) : 5 + i, i % 3))], [20], [12, 27], NoMatch: false, Cap1: 30, Labels: true).Yaml();

    internal static Profile EveryOperator => Some.Profile(EveryOperatorYaml);

    /// <summary>A second profile over the same columns, for the primary-and-secondary cases.</summary>
    internal static Profile Secondary => Some.Profile(new Spec(
        [.. Catalogue.Select((_, i) => (i, i % 2 == 0 ? 10 : -4, i % 2 + 1))], [4], [1], NoMatch: true, Cap1: 25, Labels: false, Name: "secondary").Yaml());

    /// <summary>Deterministic messy rows: row i takes a different value of each column.</summary>
    internal static string[][] FixedRows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Values.Select((v, c) => v[(i * 7 + c * 3) % v.Length]).ToArray())];

    [Fact]
    public void Write_back_fills_the_result_columns_matched_on_the_key_and_a_second_run_replaces_them()
    {
        using var db = Open();
        Profile[] profiles = [EveryOperator, Secondary];
        var rows = FixedRows(40);
        Load(db, rows, Columns);
        for (var run = 0; run < 2; run++)
            foreach (var statement in ProfileSqlCompiler.CompileWriteBack(profiles, dialect, Table, ["icp_test_row"], "fit_", Options))
                Execute(db, statement);

        var expected = Score.Rows(profiles, Columns, rows, Options);
        Assert.Contains(expected, e => e["icp_profile"] == "secondary");
        var written = Query(db, $"SELECT * FROM {Table} ORDER BY icp_test_row", "fit_");
        Assert.Equal(rows.Length, written.Count);
        for (var i = 0; i < rows.Length; i++)
            foreach (var (column, value) in expected[i].Columns)
                Assert.Equal(value, written[i]["fit_" + column["icp_".Length..]]);
    }

    [Fact]
    public void The_view_form_scores_like_the_select()
    {
        using var db = Open();
        var rows = FixedRows(25);
        Load(db, rows, Columns);
        Execute(db, ProfileSqlCompiler.CompileView([EveryOperator], dialect, Table, Table + "_scored", Options));
        var expected = Score.Rows([EveryOperator], Columns, rows, Options);
        var viewed = Query(db, $"SELECT * FROM {Table}_scored ORDER BY icp_test_row", "icp_");
        Assert.Equal(expected.Select(e => e.Reasons), viewed.Select(v => v["icp_reasons"]));
        Assert.Equal(expected.Select(e => e.Tier), viewed.Select(v => v["icp_tier"]));
        Execute(db, $"DROP VIEW {Table}_scored");
    }

    private static string Show(IReadOnlyDictionary<string, string> columns) => string.Join(", ", columns.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>Loads the rows into a text table (values as quoted literals) and runs the compiled SELECT over it, in row order.</summary>
    private List<Dictionary<string, string>> RunSql(DbConnection db, IReadOnlyList<Profile> profiles, string[][] rows, string[]? columns = null)
    {
        Load(db, rows, columns ?? Columns);
        var sql = ProfileSqlCompiler.Compile(profiles, dialect, Table, Options);
        return Query(db, $"SELECT * FROM ({sql}) AS scored ORDER BY icp_test_row", "icp_");
    }

    private void Load(DbConnection db, string[][] rows, string[] columns)
    {
        Execute(db, $"DROP VIEW IF EXISTS {Table}_scored");
        Execute(db, $"DROP TABLE IF EXISTS {Table}");
        Execute(db, $"CREATE TABLE {Table} (icp_test_row INTEGER, {string.Join(", ", columns.Select(c => dialect.Identifier(c) + " VARCHAR"))})");
        Execute(db, $"INSERT INTO {Table} VALUES " + string.Join(", ", rows.Select((row, i) => $"({i}, {string.Join(", ", row.Select(dialect.Literal))})")));
    }

    /// <summary>The rows of a query, keeping the columns that start with <paramref name="prefix"/>, as invariant text.</summary>
    private static List<Dictionary<string, string>> Query(DbConnection db, string sql, string prefix)
    {
        using var query = db.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        var results = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < reader.FieldCount; c++)
            {
                var name = reader.GetName(c);
                if (!name.StartsWith(prefix, StringComparison.Ordinal) || name == "icp_test_row") continue;
                values[name] = reader.IsDBNull(c) ? "" : reader.GetValue(c) switch
                {
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                    var v => v.ToString() ?? "",
                };
            }
            results.Add(values);
        }
        return results;
    }

    private static void Execute(DbConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

public sealed class DuckDbDifferentialTests() : SqlDifferentialTests(SqlDialect.DuckDb)
{
    protected override string Table => "accounts";

    protected override DbConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}

public sealed class PostgresDifferentialTests(PostgresServer server) : SqlDifferentialTests(SqlDialect.Postgres)
{
    protected override string Table => "differential_accounts";

    protected override DbConnection Open()
    {
        if (server.Unavailable is { } reason) Assert.Skip("PostgreSQL UNAVAILABLE, differential test not run: " + reason);
        var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        return connection;
    }
}
