using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Icp.Bench.EndToEnd;
using Icp.Bench.Generation;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Icp.TestSupport;
using Npgsql;
using NpgsqlTypes;

namespace Icp.Bench.Engines;

/// <summary>
/// Which engine for which job (issue 7): on one Parquet file, the in-process scorer against DuckDB running the
/// compiled SQL, both on every core; then PostgreSQL scoring a table in place, as a ratio to a plain full-table
/// UPDATE on the same server (the cost any in-place write pays). All through the <c>icp</c> CLI, as users run it.
/// </summary>
internal static class EnginesBenchmark
{
    private const string Table = "bench_accounts";

    public static int Run(Arguments arguments)
    {
        var root = EndToEndSettings.FindRepositoryRoot();
        var rows = arguments.Count("rows", 10_000_000);
        var pgRows = arguments.Count("pg-rows", 1_000_000);
        var threads = (int)arguments.Count("threads", Environment.ProcessorCount);
        var repeats = (int)arguments.Count("repeats", 1);
        var reuse = arguments.Flag("reuse-data");
        var icp = Path.GetFullPath(arguments.Optional("icp") ?? Path.Combine(root, "src", "Icp.Cli", "bin", "Release", "net10.0", "icp.dll"));
        var profile = Path.GetFullPath(arguments.Optional("profile") ?? Path.Combine(root, "bench", "profiles", "bench.yaml"));
        var report = Path.GetFullPath(arguments.Optional("out") ?? Path.Combine(root, "bench", "results", $"engines-{DateTime.UtcNow:yyyy-MM-dd}.md"));
        var dataDir = Path.Combine(root, "bench", "out");
        arguments.RejectUnknown();
        if (!File.Exists(icp)) throw new UsageException($"icp CLI not found at {icp}: dotnet build -c Release src/Icp.Cli");

        var machine = MachineInfo.Current(root);
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"# icp engines benchmark, {DateTime.UtcNow:yyyy-MM-dd}");
        s.AppendLine();
        s.AppendLine(inv, $"Profile `bench/profiles/bench.yaml`, `--as-of {EndToEndSettings.AsOf}`, data from `Icp.Bench generate --seed 42`. Every case runs the `icp` CLI as a child process; best of {repeats}.");
        s.AppendLine();

        // Part 1: one Parquet file, the in-process engine against DuckDB running the compiled SQL, into CSV (the
        // engines' own cost) and into Parquet (what a Parquet user runs; the writers differ too).
        var parquet = Parquet(dataDir, rows, reuse);
        s.AppendLine(inv, $"## {rows:N0}-row Parquet file ({new FileInfo(parquet).Length / 1e6:N0} MB), {threads} threads");
        s.AppendLine();
        s.AppendLine("| output | engine | seconds | rows/s | peak RSS | in-process / DuckDB throughput | rows whose results differ |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        var differing = 0L;
        var duckDbVersion = DuckDbBaseline.Version();
        foreach (var format in new[] { "csv", "parquet" })
        {
            var icpOut = Path.Combine(dataDir, $"engines-icp.{format}");
            var duckOut = Path.Combine(dataDir, $"engines-duckdb.{format}");
            string[] Score(string engine, string output) =>
                [icp, "score", "-p", profile, "-d", parquet, "-o", output, "--as-of", EndToEndSettings.AsOf, "--engine", engine, "--threads", threads.ToString(inv), "-q"];
            var inProcess = Best(repeats, $"icp engine -> {format}", () => ChildProcessRun.Measure(MachineInfo.DotnetHost(), Score("icp", icpOut), root));
            var duck = Best(repeats, $"duckdb engine -> {format}", () => ChildProcessRun.Measure(MachineInfo.DotnetHost(), Score("duckdb", duckOut), root));
            var differ = Differences(icpOut, duckOut, format);
            differing += differ;
            s.AppendLine(inv, $"| {format} | `icp score --engine icp` (in-process scorer) | {inProcess.Elapsed.TotalSeconds:N1} | {rows / inProcess.Elapsed.TotalSeconds:N0} | {Measuring.Mib(inProcess.PeakRssBytes)} | **{duck.Elapsed / inProcess.Elapsed:N2}×** | {differ:N0} of {rows:N0} |");
            s.AppendLine(inv, $"| {format} | `icp score --engine duckdb` (compiled SQL, DuckDB {duckDbVersion}) | {duck.Elapsed.TotalSeconds:N1} | {rows / duck.Elapsed.TotalSeconds:N0} | {Measuring.Mib(duck.PeakRssBytes)} | 1.00 | |");
            File.Delete(icpOut);
            File.Delete(duckOut);
        }
        s.AppendLine();

        // Part 2: PostgreSQL scoring a table in place.
        using (var server = new PostgresServer())
        {
            if (server.Unavailable is { } reason) throw new BenchmarkFailedException("PostgreSQL unavailable: " + reason);
            var csv = Csv(dataDir, pgRows, reuse);
            var load = Stopwatch.StartNew();
            Load(server.ConnectionString, csv);
            Log($"loaded {pgRows:N0} rows into PostgreSQL in {load.Elapsed.TotalSeconds:N1} s");
            var baseline = Best(repeats, "plain UPDATE", () => Sql(server.ConnectionString, $"UPDATE {Table} SET touched = length(name)"));
            Sql(server.ConnectionString, $"VACUUM {Table}"); // the write-back starts from a table as clean as the baseline's
            string[] InPlace(params string[] extra) =>
                [icp, "score", "-p", profile, "--db", server.Url, "--table", Table, "--as-of", EndToEndSettings.AsOf, "-q", .. extra];
            var writeBack = Best(repeats, "write-back", () => ChildProcessRun.Measure(MachineInfo.DotnetHost(), InPlace("--write-back", "icp_"), root));
            var exportOut = Path.Combine(dataDir, "engines-pg.csv");
            var export = Best(repeats, "export", () => ChildProcessRun.Measure(MachineInfo.DotnetHost(), InPlace("-o", exportOut), root));
            File.Delete(exportOut);
            s.AppendLine(inv, $"## PostgreSQL {Version(server.ConnectionString)}: a {pgRows:N0}-row table scored in place");
            s.AppendLine();
            s.AppendLine("Throw-away cluster on loopback with default settings except `fsync=off` (the test cluster of `PostgresServer`); every column `text`, primary key `account_id`.");
            s.AppendLine();
            s.AppendLine("| case | seconds | rows/s | ratio to the plain UPDATE |");
            s.AppendLine("|---|---:|---:|---:|");
            s.AppendLine(inv, $"| baseline: `UPDATE {Table} SET touched = length(name)` (rewrites every row, no scoring) | {baseline.Elapsed.TotalSeconds:N1} | {pgRows / baseline.Elapsed.TotalSeconds:N0} | 1.00 |");
            s.AppendLine(inv, $"| `icp score --db ... --write-back icp_` (adds and fills 7 columns, one transaction) | {writeBack.Elapsed.TotalSeconds:N1} | {pgRows / writeBack.Elapsed.TotalSeconds:N0} | {writeBack.Elapsed / baseline.Elapsed:N2} |");
            s.AppendLine(inv, $"| `icp score --db ... -o scored.csv` (scores in PostgreSQL, streams rows out) | {export.Elapsed.TotalSeconds:N1} | {pgRows / export.Elapsed.TotalSeconds:N0} | {export.Elapsed / baseline.Elapsed:N2} |");
            s.AppendLine();
        }

        s.AppendLine(inv, $"Machine: {machine.Cores} cores (`nproc`), {machine.Cpu}, {machine.Memory} RAM, {machine.OperatingSystem}; `dotnet --version` {machine.DotnetSdk} ({machine.Runtime}).");
        s.AppendLine();
        s.AppendLine(inv, $"Command: `dotnet run -c Release --project bench/Icp.Bench -- engines --rows {rows} --pg-rows {pgRows} --threads {threads} --repeats {repeats}`");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, s.ToString());
        Console.WriteLine(s.ToString());
        return differing == 0 ? 0 : 1;
    }

    private static string Csv(string dataDir, long rows, bool reuse)
    {
        var path = Path.Combine(dataDir, $"accounts-{EndToEndSettings.RowsLabel(rows)}.csv");
        if (reuse && File.Exists(path)) return path;
        Log($"generating {rows:N0} rows into {path} ...");
        Directory.CreateDirectory(dataDir);
        AccountTableGenerator.WriteFile(path, rows, 42);
        return path;
    }

    private static string Parquet(string dataDir, long rows, bool reuse)
    {
        var path = Path.Combine(dataDir, $"accounts-{EndToEndSettings.RowsLabel(rows)}.parquet");
        if (reuse && File.Exists(path)) return path;
        var csv = Csv(dataDir, rows, reuse);
        Log($"converting {csv} to Parquet (all columns text, as icp reads them) ...");
        DuckDbBaseline.Run($"COPY (SELECT * FROM read_csv('{csv}', header = true, all_varchar = true)) TO '{path}' (FORMAT PARQUET)");
        return path;
    }

    /// <summary>Rows of the two outputs, side by side, whose results differ (DuckDB positional join).</summary>
    private static long Differences(string a, string b, string format)
    {
        string Read(string path) => format == "csv" ? $"read_csv('{path}', header = true, all_varchar = true)" : $"read_parquet('{path}')";
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FROM (SELECT icp_score AS s, icp_tier AS t, icp_excluded AS e, icp_reasons AS r FROM {Read(a)}) x
            POSITIONAL JOIN (SELECT icp_score AS s, icp_tier AS t, icp_excluded AS e, icp_reasons AS r FROM {Read(b)}) y
            WHERE CAST(x.s AS VARCHAR) IS DISTINCT FROM CAST(y.s AS VARCHAR) OR x.t IS DISTINCT FROM y.t
               OR CAST(x.e AS VARCHAR) IS DISTINCT FROM CAST(y.e AS VARCHAR) OR coalesce(x.r, '') <> coalesce(y.r, '')
            """;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Binary COPY of the CSV into a text table keyed by <c>account_id</c>.</summary>
    private static void Load(string connectionString, string csv)
    {
        using var reader = TableReaders.Open(csv);
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var columns = reader.Columns;
        using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} ({string.Join(", ", columns.Select(c => $"\"{c}\" text"))}, touched integer, PRIMARY KEY (account_id))", connection))
            create.ExecuteNonQuery();
        using (var copy = connection.BeginBinaryImport($"COPY {Table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            var batch = new RowBatch(columns.Count);
            while (reader.ReadBatch(batch))
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    copy.StartRow();
                    for (var c = 0; c < columns.Count; c++) copy.Write(batch[r, c].ToString(), NpgsqlDbType.Text);
                }
                batch.Clear();
            }
            copy.Complete();
        }
        using var analyze = new NpgsqlCommand($"VACUUM ANALYZE {Table}", connection);
        analyze.ExecuteNonQuery();
    }

    private static RunSample Sql(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        var watch = Stopwatch.StartNew();
        command.ExecuteNonQuery();
        return new RunSample(watch.Elapsed, null);
    }

    private static string Version(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection.ServerVersion;
    }

    private static RunSample Best(int repeats, string label, Func<RunSample> run) =>
        Measuring.Repeat(repeats, label, run).MinBy(x => x.Elapsed);

    private static void Log(string message) => Console.Error.WriteLine(message);
}
