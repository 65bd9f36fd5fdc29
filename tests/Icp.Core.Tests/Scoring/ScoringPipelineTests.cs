using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

public sealed class ScoringPipelineTests
{
    private static readonly string[] Columns = ["id", "country", "Employee Count", "industry", "tech", "last_funding_date", "hiring"];

    /// <summary>Several batches' worth of varied rows, from a fixed seed.</summary>
    private static List<string[]> GenerateRows(int count)
    {
        var random = new Random(20250615);
        string Pick(params string[] values) => values[random.Next(values.Length)];
        return [.. Enumerable.Range(0, count).Select(i => new[]
        {
            $"acct-{i}",
            Pick("US", "CA", "GB", "FR", "JP", "", "us"),
            Pick("20", "75", "250", "999", "1,500", "6000", "", "many"),
            Pick("Software", "Fintech", "Retail", "Government", "Education", ""),
            Pick("Salesforce; Slack", "[\"HubSpot\"]", "Oracle", "", "slack;hubspot"),
            Pick("2024-09-01", "2019-01", "2025-07-01", "", "soon"),
            Pick("yes", "no", "", "maybe"),
        })];
    }

    private sealed record Run(List<string> Rows, List<long> Lines, PipelineResult Result, long LastProgress);

    private static Run RunPipeline(List<string[]> rows, int threads)
    {
        var plan = ScoringPlan.Create([Some.Profile(Some.DocumentedProfile)], Columns, "data.csv", Score.Options());
        using var reader = Table.Reader(Columns, rows);
        var output = new List<string>();
        var lines = new List<long>();
        long lastProgress = 0;
        var result = ScoringPipeline.Run(reader, plan, threads, batch =>
        {
            for (var r = 0; r < batch.Input.Count; r++)
            {
                lines.Add(batch.Input.LineOf(r));
                var fields = Enumerable.Range(0, batch.Input.ColumnCount).Select(c => batch.Input[r, c].ToString())
                    .Concat(Enumerable.Range(0, batch.Output.ColumnCount).Select(c => batch.Output[r, c].ToString()));
                output.Add(string.Join("|", fields) + "|" + batch.Verdicts[r]);
            }
        }, (_, done) => lastProgress = done, TestContext.Current.CancellationToken);
        return new Run(output, lines, result, lastProgress);
    }

    [Fact]
    public void One_thread_and_four_threads_give_identical_output_in_identical_order()
    {
        var rows = GenerateRows(3 * ScoringPipeline.BatchRows + 123);

        var single = RunPipeline(rows, threads: 1);
        var parallel = RunPipeline(rows, threads: 4);

        Assert.Equal(rows.Count, single.Rows.Count);
        Assert.Equal(single.Rows, parallel.Rows);
        Assert.Equal(Enumerable.Range(2, rows.Count).Select(i => (long)i), parallel.Lines);
        Assert.Equal(rows.Count, parallel.LastProgress);
    }

    [Fact]
    public void One_thread_and_four_threads_give_the_same_summary_and_issues()
    {
        var rows = GenerateRows(3 * ScoringPipeline.BatchRows + 123);

        var single = RunPipeline(rows, threads: 1).Result;
        var parallel = RunPipeline(rows, threads: 4).Result;

        Assert.Equal(rows.Count, single.Summary.Rows);
        Assert.Equal(single.Summary.Rows, parallel.Summary.Rows);
        Assert.Equal(single.Summary.Excluded, parallel.Summary.Excluded);
        Assert.Equal(single.Summary.TierCounts, parallel.Summary.TierCounts);
        Assert.Equal(single.Summary.CauseCounts, parallel.Summary.CauseCounts);
        Assert.Equal(single.Summary.ByTier(), parallel.Summary.ByTier());
        Assert.Equal(single.Summary.ByCause(), parallel.Summary.ByCause());
        Assert.Equal(
            single.Issues.Entries.Select(e => (e.Field, e.Problem, e.Count, string.Join(",", e.FirstLines))),
            parallel.Issues.Entries.Select(e => (e.Field, e.Problem, e.Count, string.Join(",", e.FirstLines))));
        Assert.True(single.Issues.Total > 0);
    }

    [Fact]
    public void The_summary_agrees_with_the_rows_written()
    {
        var rows = GenerateRows(2 * ScoringPipeline.BatchRows + 7);

        var run = RunPipeline(rows, threads: 4);

        var tiers = run.Rows.Select(r => r.Split('|')[Columns.Length + 1]).GroupBy(t => t).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var (tier, count) in run.Result.Summary.ByTier())
            Assert.Equal(tiers.GetValueOrDefault(tier), count);
        Assert.Equal(run.Result.Summary.Excluded, run.Result.Summary.ByCause().Sum(c => c.Rows));
        Assert.True(run.Result.Summary.Excluded > 0);
        Assert.Equal(rows.Count, run.Result.Summary.ByTier().Sum(t => t.Rows));
    }

    [Fact]
    public void An_empty_table_produces_no_batches_and_an_empty_summary()
    {
        var result = RunPipeline([], threads: 4).Result;

        Assert.Equal(0, result.Summary.Rows);
        Assert.Equal(0, result.Issues.Total);
    }

    [Fact]
    public void A_strict_failure_on_a_worker_thread_reaches_the_caller()
    {
        var rows = GenerateRows(2 * ScoringPipeline.BatchRows);
        var plan = ScoringPlan.Create([Some.Profile(Some.DocumentedProfile)], Columns, "data.csv", Score.Options(strict: true));
        using var reader = Table.Reader(Columns, rows);

        var e = Assert.Throws<InputException>(() => ScoringPipeline.Run(reader, plan, 4, _ => { }, cancellation: TestContext.Current.CancellationToken));

        Assert.Contains("(--strict)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        var rows = GenerateRows(3 * ScoringPipeline.BatchRows);
        var plan = ScoringPlan.Create([Some.Profile(Some.DocumentedProfile)], Columns, "data.csv", Score.Options());
        using var reader = Table.Reader(Columns, rows);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        Assert.ThrowsAny<OperationCanceledException>(() => ScoringPipeline.Run(reader, plan, 4, _ => cancel.Cancel(), cancellation: cancel.Token));
    }
}
