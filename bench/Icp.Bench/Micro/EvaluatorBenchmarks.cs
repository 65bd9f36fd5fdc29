using BenchmarkDotNet.Attributes;
using Icp.Bench.EndToEnd;
using Icp.Bench.Generation;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Bench.Micro;

/// <summary>
/// The compiled evaluator alone, on rows already in memory (no I/O): scoring the benchmark profile against the
/// baseline of touching every field of the same rows. The ratio is what the profile costs per row.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private readonly List<RowBatch> _batches = [];
    private BatchScorer _scorer = null!;
    private RowBatch _output = null!;
    private readonly RowVerdict[] _verdicts = new RowVerdict[ScoringPipeline.BatchRows];

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetTempPath(), $"icp-bench-accounts-{Rows}.csv");
        if (!File.Exists(path)) AccountTableGenerator.WriteFile(path, Rows, seed: 42);
        using var reader = TableReaders.Open(path);
        while (true)
        {
            var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
            if (!reader.ReadBatch(batch)) break;
            _batches.Add(batch);
        }
        var profile = ProfileLoader.LoadFile(Path.Combine(EndToEndSettings.FindRepositoryRoot(), "bench", "profiles", "bench.yaml")).GetProfileOrThrow();
        var plan = ScoringPlan.Create([profile], reader.Columns, path, new ScoringOptions(new DateOnly(2026, 6, 30)));
        _scorer = plan.CreateScorer();
        _output = plan.CreateOutputBatch(ScoringPipeline.BatchRows);
    }

    [Benchmark(Baseline = true)]
    public long TouchEveryField()
    {
        long sum = 0;
        foreach (var batch in _batches)
            for (var r = 0; r < batch.Count; r++)
                for (var c = 0; c < batch.ColumnCount; c++)
                    sum += batch[r, c].Length;
        return sum;
    }

    [Benchmark]
    public long ScoreEveryRow()
    {
        long sum = 0;
        foreach (var batch in _batches)
        {
            _scorer.Score(batch, _output, _verdicts);
            for (var r = 0; r < batch.Count; r++) sum += _verdicts[r].Score;
        }
        return sum;
    }
}
