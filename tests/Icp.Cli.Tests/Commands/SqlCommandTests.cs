using DuckDB.NET.Data;
using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class SqlCommandTests
{
    [Fact]
    public void Printed_sql_run_by_duckdb_scores_like_icp_score()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var sql = IcpCli.Run("sql", "-p", profile, "--table", "accounts", "--as-of", "2026-06-30");
        Assert.True(sql.ExitCode == 0, sql.ToString());
        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("scored.csv"), "--as-of", "2026-06-30", "-q").ExitCode);

        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var load = db.CreateCommand();
        load.CommandText = $"CREATE TABLE accounts AS SELECT * FROM read_csv('{data}', header = true, all_varchar = true)";
        load.ExecuteNonQuery();
        using var copy = db.CreateCommand();
        copy.CommandText = $"COPY ({sql.Out.TrimEnd().TrimEnd(';')}) TO '{dir.File("from-sql.csv")}' (HEADER, DELIMITER ',')";
        copy.ExecuteNonQuery();

        Assert.Equal(File.ReadAllLines(dir.File("scored.csv")), File.ReadAllLines(dir.File("from-sql.csv")));
    }

    [Fact]
    public void Column_mapping_and_schema_qualified_tables_are_quoted()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var result = IcpCli.Run("sql", "-p", profile, "--table", "crm.accounts", "--column", "employees=Employee Count", "--as-of", "2026-06-30");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FROM \"crm\".\"accounts\"", result.Out);
        Assert.Contains("\"Employee Count\"", result.Out);
    }

    [Fact]
    public void Unknown_dialect_and_unknown_field_are_rejected()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        var dialect = IcpCli.Run("sql", "-p", profile, "--dialect", "duckbd");
        Assert.Equal(2, dialect.ExitCode);
        Assert.Contains("did you mean 'duckdb'", dialect.Err);
        var field = IcpCli.Run("sql", "-p", profile, "--column", "employes=x");
        Assert.Equal(1, field.ExitCode);
        Assert.Contains("did you mean 'employees'", field.Err);
    }
}

public sealed class DuckDbEngineTests
{
    [Theory]
    [InlineData("accounts.csv")]
    [InlineData("accounts.parquet")]
    public void Duckdb_engine_writes_the_same_scores_as_the_icp_engine(string input)
    {
        using var dir = new TempDirectory();
        var (profile, csv) = Samples.Write(dir);
        var data = dir.File(input);
        if (input.EndsWith(".parquet", StringComparison.Ordinal)) CopyToParquet(csv, data);

        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("icp.csv"), "--as-of", "2026-06-30", "-q").ExitCode);
        var duck = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("duck.csv"), "--as-of", "2026-06-30", "--engine", "duckdb");
        Assert.True(duck.ExitCode == 0, duck.ToString());
        Assert.Contains("wrote 6 rows", duck.Out);
        Assert.Equal(File.ReadAllLines(dir.File("icp.csv")), File.ReadAllLines(dir.File("duck.csv")));
    }

    [Fact]
    public void Duckdb_engine_scores_a_primary_and_a_secondary_profile_like_the_icp_engine()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var secondary = dir.Write("enterprise.yaml", """
            icp: enterprise
            signals:
              - employees: { gte: 500 }
                points: 40
              - country: { in: [US, DE] }
                points: 20
            tiers: { A: 80, B: 50 }
            """);
        string[] common = ["-p", profile, "-p", secondary, "-d", data, "--as-of", "2026-06-30", "-q"];
        Assert.Equal(0, IcpCli.Run(["score", .. common, "-o", dir.File("icp.csv")]).ExitCode);
        var duck = IcpCli.Run(["score", .. common, "-o", dir.File("duck.csv"), "--engine", "duckdb"]);
        Assert.True(duck.ExitCode == 0, duck.ToString());
        var icp = File.ReadAllLines(dir.File("icp.csv"));
        Assert.Contains(icp, l => l.Contains(",enterprise,", StringComparison.Ordinal));
        Assert.Equal(icp, File.ReadAllLines(dir.File("duck.csv")));
    }

    [Fact]
    public void Duckdb_engine_refuses_options_it_cannot_honour()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("out.csv"), "--engine", "duckdb", "--top", "3");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--engine icp", result.Err);
        Assert.DoesNotContain("out.csv", dir.Files());
    }

    private static void CopyToParquet(string csv, string parquet)
    {
        using var reader = Icp.Data.Tables.TableReaders.Open(csv);
        using var writer = Icp.Data.Tables.TableWriters.Create(parquet, reader.Columns);
        var batch = new Icp.Core.Tables.RowBatch(reader.Columns.Count);
        while (reader.ReadBatch(batch)) writer.Write(batch, null);
        writer.Commit();
    }
}
