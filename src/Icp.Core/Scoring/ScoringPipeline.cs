using System.Buffers;
using System.Collections.Concurrent;
using Icp.Core.Tables;

namespace Icp.Core.Scoring;

/// <summary>A scored batch handed to the sink, in input order. Valid only during the callback.</summary>
public sealed class ScoredBatch(RowBatch input, RowBatch output, RowVerdict[] verdicts)
{
    public RowBatch Input { get; } = input;
    public RowBatch Output { get; } = output;
    public ReadOnlySpan<RowVerdict> Verdicts => verdicts.AsSpan(0, Input.Count);
    internal RowVerdict[] VerdictArray => verdicts;
    internal long Sequence { get; set; }

    /// <summary>Bytes a <c>prepare</c> step encoded for this batch on a scoring thread (see <see cref="IEncodingTableWriter"/>).</summary>
    public ArrayBufferWriter<byte> Encoded { get; } = new();
}

/// <summary>What a pipeline run saw.</summary>
public sealed record PipelineResult(ScoreSummary Summary, DataIssues Issues);

/// <summary>
/// Streams a table through a <see cref="ScoringPlan"/>: one reader, <c>threads</c> scorers working on whole
/// batches, and a sink that receives batches in input order. A fixed pool of batches bounds memory, so a
/// 5M-row file needs no more than a 1M-row one.
/// </summary>
public static class ScoringPipeline
{
    /// <summary>Rows per batch: large enough to amortise hand-offs, small enough to stay in cache-friendly sizes.</summary>
    public const int BatchRows = 4096;

    /// <param name="reader">The rows to score.</param>
    /// <param name="plan">The compiled profiles.</param>
    /// <param name="threads">Scoring threads; 1 runs everything on the calling thread.</param>
    /// <param name="sink">Receives each scored batch in input order, on one thread at a time.</param>
    /// <param name="progress">Called after each batch with the reader's progress and rows so far.</param>
    /// <param name="cancellation">Stops the run between batches.</param>
    /// <param name="prepare">Optional work on each scored batch that needs no order, run on the scoring threads
    /// before the sink sees the batch (encoding the output, so the sink only copies bytes).</param>
    public static PipelineResult Run(ITableReader reader, ScoringPlan plan, int threads, Action<ScoredBatch> sink,
        Action<double?, long>? progress = null, CancellationToken cancellation = default, Action<ScoredBatch>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sink);
        return threads <= 1
            ? RunInline(reader, plan, sink, progress, cancellation, prepare)
            : RunParallel(reader, plan, threads, sink, progress, cancellation, prepare);
    }

    private static ScoredBatch NewItem(ITableReader reader, ScoringPlan plan) =>
        new(new RowBatch(reader.Columns.Count, BatchRows), plan.CreateOutputBatch(BatchRows), new RowVerdict[BatchRows]);

    private static PipelineResult RunInline(ITableReader reader, ScoringPlan plan, Action<ScoredBatch> sink, Action<double?, long>? progress,
        CancellationToken cancellation, Action<ScoredBatch>? prepare)
    {
        var scorer = plan.CreateScorer();
        var item = NewItem(reader, plan);
        long rows = 0;
        while (reader.ReadBatch(item.Input))
        {
            cancellation.ThrowIfCancellationRequested();
            scorer.Score(item.Input, item.Output, item.VerdictArray);
            prepare?.Invoke(item);
            sink(item);
            rows += item.Input.Count;
            progress?.Invoke(reader.Progress, rows);
        }
        return new PipelineResult(scorer.Summary, scorer.Issues);
    }

    private static PipelineResult RunParallel(ITableReader reader, ScoringPlan plan, int threads, Action<ScoredBatch> sink, Action<double?, long>? progress,
        CancellationToken cancellation, Action<ScoredBatch>? prepare)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var token = failed.Token;
        var poolSize = threads * 2 + 2;
        using var free = new BlockingCollection<ScoredBatch>(poolSize);
        using var work = new BlockingCollection<ScoredBatch>(poolSize);
        using var done = new BlockingCollection<ScoredBatch>(poolSize);
        for (var i = 0; i < poolSize; i++) free.Add(NewItem(reader, plan));
        var scorers = Enumerable.Range(0, threads).Select(_ => plan.CreateScorer()).ToArray();
        Exception? error = null;

        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref error, e, null);
            try { failed.Cancel(); } catch (ObjectDisposedException) { }
        }

        var readerTask = Task.Factory.StartNew(() =>
        {
            try
            {
                long seq = 0;
                while (true)
                {
                    var item = free.Take(token);
                    if (!reader.ReadBatch(item.Input)) break;
                    item.Sequence = seq++;
                    work.Add(item, token);
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { Fail(e); }
            finally { work.CompleteAdding(); }
        }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var workers = scorers.Select(scorer => Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in work.GetConsumingEnumerable(token))
                {
                    scorer.Score(item.Input, item.Output, item.VerdictArray);
                    prepare?.Invoke(item);
                    done.Add(item, token);
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { Fail(e); }
        }, token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var finisher = Task.WhenAll(workers).ContinueWith(_ => done.CompleteAdding(), TaskScheduler.Default);

        // The sink runs on the calling thread, releasing batches in input order.
        var pending = new SortedDictionary<long, ScoredBatch>();
        long next = 0, rows = 0;
        try
        {
            foreach (var item in done.GetConsumingEnumerable(token))
            {
                pending.Add(item.Sequence, item);
                while (pending.Remove(next, out var ready))
                {
                    sink(ready);
                    rows += ready.Input.Count;
                    progress?.Invoke(reader.Progress, rows);
                    next++;
                    free.Add(ready, token);
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { Fail(e); }

        try { Task.WaitAll([readerTask, .. workers, finisher]); }
        catch (AggregateException) { }
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        cancellation.ThrowIfCancellationRequested();

        var summary = new ScoreSummary(plan);
        var issues = new DataIssues();
        foreach (var s in scorers) { summary.Merge(s.Summary); issues.Merge(s.Issues); }
        return new PipelineResult(summary, issues);
    }
}
