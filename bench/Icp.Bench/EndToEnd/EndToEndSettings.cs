namespace Icp.Bench.EndToEnd;

/// <summary>What the e2e benchmark runs, with every path resolved against the repository root.</summary>
internal sealed record EndToEndSettings(
    long Rows, long? Rows2, int Seed, int Threads, int Repeats, bool ReuseData, bool KeepOutputs,
    string RepositoryRoot, string IcpDll, string Profile, string Sql, string DataDirectory, string Report)
{
    /// <summary>The as-of date the profile is scored with: the generator's anchor.</summary>
    public const string AsOf = "2026-06-30";

    /// <param name="arguments">The command line.</param>
    /// <param name="report">Names the default report file: bench/results/REPORT-DATE.md.</param>
    public static EndToEndSettings From(Arguments arguments, string report = "e2e")
    {
        var root = FindRepositoryRoot();
        var rows = arguments.RequireCount("rows");
        var rows2 = arguments.OptionalCount("rows2");
        var seed = (int)arguments.Count("seed", 42);
        var threads = (int)arguments.Count("threads", Environment.ProcessorCount);
        var repeats = (int)arguments.Count("repeats", 3);
        var reuse = arguments.Flag("reuse-data");
        var keep = arguments.Flag("keep-outputs");
        var icp = arguments.Optional("icp") ?? Path.Combine(root, "src", "Icp.Cli", "bin", "Release", "net10.0", "icp.dll");
        var profile = arguments.Optional("profile") ?? Path.Combine(root, "bench", "profiles", "bench.yaml");
        var sql = arguments.Optional("sql") ?? Path.Combine(root, "bench", "profiles", "bench.duckdb.sql");
        var data = arguments.Optional("data-dir") ?? Path.Combine(root, "bench", "out");
        var reportPath = arguments.Optional("out") ?? Path.Combine(root, "bench", "results", $"{report}-{DateTime.UtcNow:yyyy-MM-dd}.md");
        if (report == "e2e") arguments.RejectUnknown();
        if (rows2 is { } r2 && r2 <= rows) throw new UsageException("--rows2 must be larger than --rows (it shows that memory stays flat)");
        foreach (var (name, path) in new[] { ("--profile", profile), ("--sql", sql) })
            if (!File.Exists(path)) throw new UsageException($"{name} file not found: {path}");
        return new(rows, rows2, seed, threads, repeats, reuse, keep, root, Path.GetFullPath(icp), Path.GetFullPath(profile),
            Path.GetFullPath(sql), Path.GetFullPath(data), Path.GetFullPath(reportPath));
    }

    /// <summary>The CSV of <paramref name="rows"/> generated rows, e.g. <c>bench/out/accounts-1m.csv</c>.</summary>
    public string DataFile(long rows) => Path.Combine(DataDirectory, $"accounts-{RowsLabel(rows)}{(Seed == 42 ? "" : $"-s{Seed}")}.csv");

    public static string RowsLabel(long rows) =>
        rows % 1_000_000 == 0 ? $"{rows / 1_000_000}m" : rows % 1_000 == 0 ? $"{rows / 1_000}k" : rows.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "icp.slnx"))) return dir.FullName;
        throw new UsageException("cannot find the repository root (a folder with icp.slnx) above the current directory");
    }
}
