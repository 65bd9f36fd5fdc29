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
