using Icp.Cli.Tests.Support;
using Icp.TestSupport;
using Npgsql;

namespace Icp.Cli.Tests.Commands;

/// <summary><c>icp score --db postgres://...</c> against a real PostgreSQL server started for the tests.</summary>
public sealed class PostgresEngineTests(PostgresServer server)
{
    private const string AsOf = "2026-06-30";

    [Fact]
    public void Scoring_a_table_streams_the_same_rows_as_scoring_the_file()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        Load("export_accounts", primaryKey: null);
        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("icp.csv"), "--as-of", AsOf, "-q").ExitCode);

        var result = IcpCli.Run("score", "-p", profile, "--db", server.Url, "--table", "export_accounts", "-o", dir.File("pg.csv"), "--as-of", AsOf);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("wrote 6 rows", result.Out);
        Assert.Equal(File.ReadAllLines(dir.File("icp.csv")), File.ReadAllLines(dir.File("pg.csv")));
    }

    [Fact]
    public void Write_back_fills_result_columns_on_the_primary_key_and_a_rerun_changes_nothing()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        Load("crm.wb_accounts", primaryKey: "name");
        Assert.Equal(0, IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("icp.csv"), "--as-of", AsOf, "-q").ExitCode);
        var expected = File.ReadAllLines(dir.File("icp.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Score: f[7], Tier: f[8]));

        for (var run = 0; run < 2; run++)
        {
            var result = IcpCli.Run("score", "-p", profile, "--db", server.Url, "--table", "crm.wb_accounts", "--write-back", "fit_", "--as-of", AsOf);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("into 6 rows of crm.wb_accounts (matched on name)", result.Out);
        }
        var written = Query("SELECT name, fit_score, fit_tier, fit_excluded, fit_reasons FROM crm.wb_accounts ORDER BY name");
        Assert.Equal(6, written.Count);
        foreach (var row in written)
        {
            Assert.Equal(expected[(string)row[0]!].Score, row[1]!.ToString());
            Assert.Equal(expected[(string)row[0]!].Tier, row[2]);
        }
        Assert.Equal(["fit_excluded", "fit_firmographics", "fit_reasons", "fit_score", "fit_technographics", "fit_tier", "fit_triggers"], Query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'crm' AND table_name = 'wb_accounts' AND column_name LIKE 'fit%' ORDER BY 1")
            .Select(r => (string)r[0]!));
    }

    [Fact]
    public void A_table_without_a_primary_key_needs_key_and_then_writes_back()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        Load("nokey_accounts", primaryKey: null);
        var refused = IcpCli.Run("score", "-p", profile, "--db", server.Url, "--table", "nokey_accounts", "--write-back", "icp_", "--as-of", AsOf);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("has no primary key", refused.Err);
        Assert.Contains("--key", refused.Err);
        Assert.Empty(Query("SELECT 1 FROM information_schema.columns WHERE table_name = 'nokey_accounts' AND column_name = 'icp_score'"));

        var keyed = IcpCli.Run("score", "-p", profile, "--db", server.Url, "--table", "nokey_accounts", "--write-back", "icp_", "--key", "domain", "--as-of", AsOf, "--json");
        Assert.True(keyed.ExitCode == 0, keyed.ToString());
        Assert.Contains("\"rows\": 6", keyed.Out);
    }

    [Fact]
    public void Missing_tables_unreachable_servers_and_bad_urls_are_bad_input()
    {
        using var dir = new TempDirectory();
        var (profile, data) = Samples.Write(dir);
        RequireServer();
        var missing = IcpCli.Run("score", "-p", profile, "--db", server.Url, "--table", "no_such_table", "-o", dir.File("out.csv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no_such_table", missing.Err);
        Assert.DoesNotContain("out.csv", dir.Files());

        var closed = IcpCli.Run("score", "-p", profile, "--db", "postgres://icp:secret@127.0.0.1:1/postgres", "--table", "accounts", "-o", dir.File("out.csv"));
        Assert.Equal(1, closed.ExitCode);
        Assert.Contains("cannot reach PostgreSQL at postgres://icp:***@127.0.0.1:1/postgres", closed.Err);
        Assert.DoesNotContain("secret", closed.Err);

        var url = IcpCli.Run("score", "-p", profile, "--db", "mysql://x", "--table", "accounts");
        Assert.Equal(1, url.ExitCode);
        Assert.Contains("is not a PostgreSQL URL", url.Err);

        var both = IcpCli.Run("score", "-p", profile, "-d", data, "--db", server.Url);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("either --data FILE or --db", both.Err);
    }

    [Fact]
    public void Printed_postgres_sql_runs_on_the_server()
    {
        using var dir = new TempDirectory();
        var (profile, _) = Samples.Write(dir);
        Load("printed_accounts", primaryKey: "name");
        var sql = IcpCli.Run("sql", "-p", profile, "--dialect", "postgres", "--table", "printed_accounts", "--form", "write-back", "--key", "name", "--as-of", AsOf);
        Assert.True(sql.ExitCode == 0, sql.ToString());
        using var connection = Connect();
        using (var batch = new NpgsqlCommand(sql.Out, connection)) batch.ExecuteNonQuery();
        Assert.Equal(["Acme", "AcmeDup"], Query("SELECT name FROM printed_accounts WHERE icp_tier = 'A' ORDER BY name").Select(r => (string)r[0]!));
    }

    private void RequireServer()
    {
        if (server.Unavailable is { } reason) Assert.Skip("PostgreSQL UNAVAILABLE, test not run: " + reason);
    }

    private NpgsqlConnection Connect()
    {
        RequireServer();
        var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The sample accounts as a text table (empty cells as empty strings, like the CSV).</summary>
    private void Load(string table, string? primaryKey)
    {
        var lines = Samples.Accounts.Split('\n');
        var columns = lines[0].Split(',');
        var schema = table.Contains('.', StringComparison.Ordinal) ? $"CREATE SCHEMA IF NOT EXISTS {table.Split('.')[0]};" : "";
        var key = primaryKey is null ? "" : $", PRIMARY KEY ({primaryKey})";
        var rows = lines.Skip(1).Select(l => "(" + string.Join(", ", l.Split(',').Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")");
        using var connection = Connect();
        using var command = new NpgsqlCommand(
            $"{schema} DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({string.Join(", ", columns.Select(c => c + " text"))}{key}); INSERT INTO {table} VALUES {string.Join(", ", rows)}",
            connection);
        command.ExecuteNonQuery();
    }

    private List<object?[]> Query(string sql)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
