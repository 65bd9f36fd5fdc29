namespace Icp.Bench.EndToEnd;

/// <summary>One timed run: wall time and the peak resident memory of whatever did the work.</summary>
internal readonly record struct RunSample(TimeSpan Elapsed, long? PeakRssBytes);

/// <summary>A benchmark case's runs over one input file.</summary>
internal sealed record CaseResult(string Id, string Description, long Rows, long InputBytes, IReadOnlyList<RunSample> Runs, long? OutputBytes)
{
    public TimeSpan Best => Runs.Min(r => r.Elapsed);

    public double RowsPerSecond => Rows / Best.TotalSeconds;

    public double MegabytesPerSecond => InputBytes / 1e6 / Best.TotalSeconds;

    /// <summary>The largest peak over the runs: memory is reported conservatively.</summary>
    public long? PeakRssBytes => Runs.Any(r => r.PeakRssBytes is not null) ? Runs.Max(r => r.PeakRssBytes ?? 0) : null;
}

/// <summary>Running a case several times, and the units the reports print.</summary>
internal static class Measuring
{
    /// <summary>Runs a case <paramref name="times"/> times, logging each run to stderr.</summary>
    public static List<RunSample> Repeat(int times, string label, Func<RunSample> run)
    {
        var samples = new List<RunSample>();
        for (var i = 1; i <= times; i++)
        {
            var sample = run();
            samples.Add(sample);
            Console.Error.WriteLine($"{label}: run {i}/{times} {sample.Elapsed.TotalSeconds:N3} s, peak RSS {Mib(sample.PeakRssBytes)}");
        }
        return samples;
    }

    public static string Mib(long? bytes) =>
        bytes is { } b ? (b / 1024.0 / 1024.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " MiB" : "n/a";
}
