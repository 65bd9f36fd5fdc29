using System.Diagnostics;
using System.Globalization;
using System.Text;
using Icp.Bench.Generation;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// The end-to-end benchmark: scores one generated CSV with <c>icp score</c> and compares it, in the same run and
/// on the same file, with the raw parse (a) and with DuckDB running the same profile as SQL (d). Results are
/// ratios, so they mean something on any machine; the markdown report goes to <c>bench/results/</c>.
/// </summary>
internal static class EndToEndBenchmark
{
    public static int Run(EndToEndSettings settings)
    {
        var machine = MachineInfo.Current(settings.RepositoryRoot);
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var duckDbVersion = DuckDbBaseline.Version();
        Log($"machine: {machine.Cores} cores, {machine.Cpu}, {machine.Memory}, {machine.OperatingSystem}, .NET SDK {machine.DotnetSdk}");

        var data = PrepareData(settings, settings.Rows);
        var inputBytes = new FileInfo(data).Length;
        var results = new List<CaseResult>();
        var outputs = new List<string>();

        var parse = Measuring.Repeat(settings.Repeats, "(a) parse baseline", () => InProcess(() =>
        {
            var totals = ParseBaseline.ReadAll(data);
            if (totals.Rows != settings.Rows)
                throw new BenchmarkFailedException($"the reader returned {totals.Rows:N0} rows from {data}, expected {settings.Rows:N0}");
        }));
        results.Add(new("a", "parse baseline: `TableReaders.Open` + every field touched, in-process, 1 thread", settings.Rows, inputBytes, parse, null));

        var copyOutput = OutputPath(settings, "e2e-copy.csv", outputs);
        var copy = new CaseResult("a2", "read + write the same rows, no scoring: `TableReaders` -> `TableWriters` (fsync, rename), in-process, 1 thread",
            settings.Rows, inputBytes,
            Measuring.Repeat(settings.Repeats, "(a2) copy baseline", () => InProcess(() =>
            {
                var rows = ParseBaseline.CopyAll(data, copyOutput);
                if (rows != settings.Rows) throw new BenchmarkFailedException($"the copy wrote {rows:N0} rows, expected {settings.Rows:N0}");
            })), SizeOf(copyOutput));
        results.Add(copy);

        var icpAvailable = File.Exists(settings.IcpDll);
        CaseResult? single = null, parallel = null, large = null;
        string? parallelOutput = null;
        if (!icpAvailable)
        {
            Log($"icp CLI not found at {settings.IcpDll}: build it with `dotnet build -c Release src/Icp.Cli` or pass --icp PATH/icp.dll. " +
                "Skipping cases (b), (c) and (e).");
        }
        else
        {
            var singleOutput = OutputPath(settings, "e2e-icp-t1.csv", outputs);
            single = new("b", "`icp score --threads 1` (child process)", settings.Rows, inputBytes,
                Measuring.Repeat(settings.Repeats, "(b) icp score --threads 1", () => Score(settings, data, singleOutput, 1)), SizeOf(singleOutput));
            results.Add(single);

            parallelOutput = OutputPath(settings, $"e2e-icp-t{settings.Threads}.csv", outputs);
            parallel = new("c", $"`icp score --threads {settings.Threads}` (child process)", settings.Rows, inputBytes,
                Measuring.Repeat(settings.Repeats, $"(c) icp score --threads {settings.Threads}", () => Score(settings, data, parallelOutput, settings.Threads)),
                SizeOf(parallelOutput));
            results.Add(parallel);
        }

        var duckOutput = OutputPath(settings, "e2e-duckdb.csv", outputs);
        var script = DuckDbBaseline.Script(settings.Sql, data, duckOutput, settings.Threads);
        var duck = new CaseResult("d", $"DuckDB {duckDbVersion} in-process, `bench.duckdb.sql`, {settings.Threads} threads", settings.Rows, inputBytes,
            Measuring.Repeat(settings.Repeats, "(d) DuckDB", () => InProcess(() => DuckDbBaseline.Run(script))), SizeOf(duckOutput));
        results.Add(duck);

        ScoreAgreement? agreement = null;
        if (parallelOutput is not null)
        {
            Log("comparing icp_score of (c) and (d) ...");
            agreement = ScoreAgreement.Compare(parallelOutput, duckOutput);
            Log($"icp_score agreement (c) vs (d): {agreement.ScoreRate:P3} of {agreement.Rows:N0} rows");
            foreach (var difference in agreement.FirstDifferences) Log("  " + difference);
        }

        if (settings.Rows2 is { } rows2 && icpAvailable)
        {
            var data2 = PrepareData(settings, rows2);
            var output2 = OutputPath(settings, $"e2e-icp-t{settings.Threads}-{EndToEndSettings.RowsLabel(rows2)}.csv", outputs);
            var label = $"(e) icp score --threads {settings.Threads}, {EndToEndSettings.RowsLabel(rows2)} rows";
            large = new("e", $"`icp score --threads {settings.Threads}` on {rows2:N0} rows (1 run)", rows2, new FileInfo(data2).Length,
                Measuring.Repeat(1, label, () => Score(settings, data2, output2, settings.Threads)), SizeOf(output2));
            results.Add(large);
            if (!settings.KeepOutputs) File.Delete(output2);
        }

        var report = Report(settings, machine, date, results, parse.Count > 0 ? results[0] : null, single, parallel, duck, large, agreement, icpAvailable);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Report)!);
        File.WriteAllText(settings.Report, report);
        Console.WriteLine(report);
        Log($"report written to {settings.Report}");

        if (!settings.KeepOutputs)
            foreach (var output in outputs) File.Delete(output);

        if (agreement is { MeetsGoal: false })
        {
            Log($"FAILED sanity check: icp and DuckDB agree on {agreement.ScoreRate:P2} of icp_score values, below {ScoreAgreement.Goal:P0}; " +
                "bench.duckdb.sql or the scorer does not follow the profile.");
            return 1;
        }
        return 0;
    }

    private static string PrepareData(EndToEndSettings settings, long rows)
    {
        var path = settings.DataFile(rows);
        if (settings.ReuseData && File.Exists(path))
        {
            Log($"reusing {path} ({new FileInfo(path).Length / 1e6:N1} MB)");
            return path;
        }
        Log($"generating {rows:N0} rows (seed {settings.Seed}) into {path} ...");
        var watch = Stopwatch.StartNew();
        AccountTableGenerator.WriteFile(path, rows, settings.Seed);
        Log($"  {new FileInfo(path).Length / 1e6:N1} MB in {watch.Elapsed.TotalSeconds:N1} s");
        return path;
    }

    private static string OutputPath(EndToEndSettings settings, string name, List<string> outputs)
    {
        var path = Path.Combine(settings.DataDirectory, name);
        outputs.Add(path);
        return path;
    }

    private static long? SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : null;

    private static RunSample Score(EndToEndSettings settings, string data, string output, int threads) =>
        ChildProcessRun.Measure(MachineInfo.DotnetHost(),
            [settings.IcpDll, "score", "--profile", settings.Profile, "--data", data, "--out", output,
             "--as-of", EndToEndSettings.AsOf, "--threads", threads.ToString(CultureInfo.InvariantCulture)],
            settings.RepositoryRoot);

    /// <summary>Times an in-process action, with this process's peak RSS reset before it and read after it.</summary>
    private static RunSample InProcess(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var reset = PeakMemory.ResetSelf();
        var watch = Stopwatch.StartNew();
        action();
        var elapsed = watch.Elapsed;
        return new RunSample(elapsed, reset ? PeakMemory.Self() : null);
    }

    private static string Report(EndToEndSettings settings, MachineInfo machine, string date, List<CaseResult> results,
        CaseResult? parse, CaseResult? single, CaseResult? parallel, CaseResult duck, CaseResult? large,
        ScoreAgreement? agreement, bool icpAvailable)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        var rowsLabel = EndToEndSettings.RowsLabel(settings.Rows).ToUpperInvariant();
        s.AppendLine(inv, $"# icp end-to-end benchmark, {date}");
        s.AppendLine();
        s.AppendLine(inv, $"Input: `{Relative(settings, settings.DataFile(settings.Rows))}`, {settings.Rows:N0} rows x {AccountTableGenerator.Columns.Count} columns, " +
            $"{results[0].InputBytes / 1e6:N1} MB (`Icp.Bench generate --rows {settings.Rows} --seed {settings.Seed}`). " +
            $"Profile `{Relative(settings, settings.Profile)}` scored with `--as-of {EndToEndSettings.AsOf}`; DuckDB runs `{Relative(settings, settings.Sql)}`.");
        s.AppendLine(inv, $"Best of {settings.Repeats} runs per case (the file is in the page cache). MB = 10^6 bytes of input CSV; peak RSS in MiB " +
            $"({(ChildProcessRun.HasGnuTime ? "`/usr/bin/time -v`" : "polled VmHWM")} for child processes, VmHWM after a reset for in-process cases).");
        s.AppendLine();
        s.AppendLine("| case | rows/s | MB/s | ratio vs (a) | peak RSS |");
        s.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ratio = parse is null ? "" : (r.RowsPerSecond / parse.RowsPerSecond).ToString("N2", inv);
            s.AppendLine(inv, $"| ({r.Id}) {r.Description} | {r.RowsPerSecond:N0} | {r.MegabytesPerSecond:N1} | {ratio} | {Measuring.Mib(r.PeakRssBytes)} |");
        }
        s.AppendLine();
        s.AppendLine(inv, $"- (b)/(a) throughput = {Ratio(single, parse)} (goal >= 0.8)");
        s.AppendLine(inv, $"- (b)/(a2) throughput = {Ratio(single, results.FirstOrDefault(r => r.Id == "a2"))}: scoring compared with only reading and writing the same rows (b also pays process start-up)");
        s.AppendLine(inv, $"- (c) vs (d) = {Ratio(parallel, duck)} (goal > 1)");
        var rows2Label = settings.Rows2 is { } r2 ? EndToEndSettings.RowsLabel(r2).ToUpperInvariant() : "5M";
        var rss = large?.PeakRssBytes is { } big && parallel?.PeakRssBytes is { } small ? ((double)big / small).ToString("N2", inv)
            : settings.Rows2 is null ? "not measured (no --rows2)" : "not measured";
        s.AppendLine(inv, $"- peak RSS {rows2Label}/{rowsLabel} = {rss}");
        if (agreement is not null)
            s.AppendLine(inv, $"- icp_score agreement (c) vs (d): {agreement.ScoreRate:P2} of {agreement.Rows:N0} rows " +
                $"(icp_tier {agreement.TierRate:P2}, icp_excluded {agreement.ExcludedRate:P2}; goal >= {ScoreAgreement.Goal:P0})");
        if (!icpAvailable)
            s.AppendLine(inv, $"- (b), (c), (e) not measured: the icp CLI was not found at `{Relative(settings, settings.IcpDll)}` (`dotnet build -c Release src/Icp.Cli`).");
        s.AppendLine();
        s.AppendLine("| case | best (s) | all runs (s) | output MB |");
        s.AppendLine("|---|---:|---|---:|");
        foreach (var r in results)
        {
            var runs = string.Join(", ", r.Runs.Select(x => x.Elapsed.TotalSeconds.ToString("N3", inv)));
            var output = r.OutputBytes is { } o ? (o / 1e6).ToString("N1", inv) : "";
            s.AppendLine(inv, $"| ({r.Id}) | {r.Best.TotalSeconds:N3} | {runs} | {output} |");
        }
        s.AppendLine();
        s.AppendLine(inv, $"Machine: {machine.Cores} cores (`nproc`), {machine.Cpu}, {machine.Memory} RAM, {machine.OperatingSystem}; " +
            $"`dotnet --version` {machine.DotnetSdk} ({machine.Runtime}); {date}.");
        s.AppendLine();
        s.AppendLine(inv, $"Command: `dotnet run -c Release --project bench/Icp.Bench -- e2e --rows {settings.Rows}" +
            $"{(settings.Rows2 is { } x ? $" --rows2 {x}" : "")} --icp {Relative(settings, settings.IcpDll)} --out {Relative(settings, settings.Report)}`");
        return s.ToString();
    }

    private static string Ratio(CaseResult? numerator, CaseResult? denominator) =>
        numerator is null || denominator is null ? "not measured" : (numerator.RowsPerSecond / denominator.RowsPerSecond).ToString("N2", CultureInfo.InvariantCulture);

    private static string Relative(EndToEndSettings settings, string path) => Path.GetRelativePath(settings.RepositoryRoot, path);

    private static void Log(string message) => Console.Error.WriteLine(message);
}
