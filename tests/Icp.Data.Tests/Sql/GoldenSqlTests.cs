using Icp.Core;
using Icp.Core.Scoring;
using Icp.Data.Sql;
using Icp.TestSupport;

namespace Icp.Data.Tests.Sql;

/// <summary>
/// Snowflake, BigQuery and Spark cannot run here, so their compiled SQL is pinned by golden files that a person
/// has read and approved; DuckDB and PostgreSQL have them too, as a readable record of what changes. After an
/// intended change, regenerate with <c>ICP_APPROVE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public sealed class GoldenSqlTests
{
    private static readonly ScoringOptions Options = new(new DateOnly(2025, 6, 15));

    public static TheoryData<string> Dialects => [.. SqlDialect.ByName.Keys];

    [Theory]
    [MemberData(nameof(Dialects))]
    public void The_select_matches_its_approved_golden_file(string dialect) =>
        Approve($"{dialect}.select.sql", ProfileSqlCompiler.Compile(Profile(dialect), SqlDialect.ByName[dialect], "crm.accounts", Options) + ";\n");

    [Theory]
    [MemberData(nameof(Dialects))]
    public void The_write_back_matches_its_approved_golden_file(string dialect)
    {
        var statements = ProfileSqlCompiler.CompileWriteBack([Profile(dialect)], SqlDialect.ByName[dialect], "crm.accounts", ["account id"], "fit_", Options);
        Approve($"{dialect}.write-back.sql", string.Concat(statements.Select(s => s + ";\n")));
    }

    [Fact]
    public void A_regex_a_dialect_cannot_express_is_bad_input_naming_the_pattern_and_the_profile()
    {
        var profile = Some.Profile("""
            icp: regex
            signals:
              - title: { matches: "\\bcfo\\b" }
                points: 10
            """);
        var e = Assert.Throws<InputException>(() => ProfileSqlCompiler.Compile(profile, SqlDialect.Snowflake, "accounts", Options));
        Assert.Contains(@"\bcfo\b", e.Message, StringComparison.Ordinal);
        Assert.Contains("snowflake", e.Message, StringComparison.Ordinal);
        Assert.Equal(profile.SourceName, e.Location?.Source);
    }

    [Fact]
    public void In_region_is_refused_rather_than_compiled_to_something_that_could_differ()
    {
        var profile = Some.Profile("icp: regions\nsignals:\n  - country: { in_region: [DACH] }\n    points: 10\n");
        var e = Assert.Throws<InputException>(() => ProfileSqlCompiler.Compile(profile, SqlDialect.Postgres, "accounts", Options));
        Assert.Contains("'in_region' on 'country' is not compiled to SQL", e.Message, StringComparison.Ordinal);
        Assert.Contains("country_iso2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warehouse_literals_escape_backslashes_and_quotes_so_a_value_cannot_end_the_string()
    {
        Assert.Equal(@"'a\\b'", SqlDialect.Snowflake.Literal(@"a\b"));
        Assert.Equal("'it''s; --'", SqlDialect.Snowflake.Literal("it's; --"));
        Assert.Equal(@"'it\'s'", SqlDialect.BigQuery.Literal("it's"));
        Assert.Equal(@"'x\\\' ; --'", SqlDialect.Spark.Literal(@"x\' ; --"));
        Assert.Equal("`a``b`", SqlDialect.Spark.Identifier("a`b"));
        Assert.Equal(@"`a\`b`", SqlDialect.BigQuery.Identifier("a`b"));
    }

    /// <summary>The differential tests' every-operator profile; Snowflake's POSIX regexes get a pattern without \b.</summary>
    private static Core.Profiles.Profile Profile(string dialect) => dialect == "snowflake"
        ? Some.Profile(SqlDifferentialTests.EveryOperatorYaml.Replace(@"\\b", "", StringComparison.Ordinal))
        : SqlDifferentialTests.EveryOperator;

    private static void Approve(string name, string actual)
    {
        var path = Repository.File("tests", "Icp.Data.Tests", "Sql", "Golden", name);
        if (Environment.GetEnvironmentVariable("ICP_APPROVE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"no golden file {path}: run with ICP_APPROVE_GOLDEN=1 and review it");
        var expected = File.ReadAllText(path);
        Assert.True(expected == actual, $"{name} changed; if intended, regenerate with ICP_APPROVE_GOLDEN=1 and review the diff.\n{actual}");
    }
}
