using Icp.Core.Scoring;
using Icp.Core.Tables;

namespace Icp.Core.Filtering;

/// <summary>Which scored rows to keep.</summary>
/// <param name="DropExcluded">Remove rows a hard filter or disqualifier excluded.</param>
/// <param name="MinTier">Keep rows in this tier or better (implies dropping excluded rows).</param>
/// <param name="Top">Keep the N best scores (ties keep input order); output is then sorted by score.</param>
/// <param name="DomainColumn">Column index holding a domain, URL or e-mail to dedupe on (first row wins); -1 for none.</param>
public sealed record SelectionOptions(bool DropExcluded = false, string? MinTier = null, int? Top = null, int DomainColumn = -1)
{
    public bool KeepsEverything => !DropExcluded && MinTier is null && Top is null && DomainColumn < 0;
}

/// <summary>
/// Streams scored batches to a writer, keeping the rows <see cref="SelectionOptions"/> asks for and counting
/// why each removed row went. Without <c>Top</c> it streams; with it, memory is bounded by N rows.
/// </summary>
public sealed class RowSelector
{
    private readonly ScoringPlan _plan;
    private readonly SelectionOptions _options;
    private readonly ITableWriter _writer;
    private readonly IEncodingTableWriter? _encoder;
    private readonly int[] _minTierIndex;
    private readonly HashSet<string> _domains = new(StringComparer.Ordinal);
    private readonly PriorityQueue<KeptRow, (int Score, long Order)> _top = new();
    private readonly RowBatch _keptInput;
    private readonly RowBatch _keptOutput;
    private long _rowsIn, _duplicates, _belowTier, _seq;
    private readonly long[][] _causes;

    private sealed record KeptRow(string[] Input, string[] Output, long Line);

    public RowSelector(ScoringPlan plan, SelectionOptions options, ITableWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        _plan = plan;
        _options = options;
        _writer = writer;
        _encoder = options.KeepsEverything ? writer as IEncodingTableWriter : null;
        if (options.Top is < 1) throw new InputException("--top must be at least 1");
        _minTierIndex = [.. plan.Profiles.Select(p => MinTierIndex(p, options.MinTier))];
        _causes = [.. plan.Profiles.Select(p => new long[p.ExclusionCauses.Count])];
        _keptInput = new RowBatch(plan.InputColumns.Count, ScoringPipeline.BatchRows);
        _keptOutput = plan.CreateOutputBatch(ScoringPipeline.BatchRows);
    }

    private static int MinTierIndex(CompiledProfile profile, string? minTier)
    {
        if (minTier is null) return int.MaxValue;
        var names = profile.Profile.Tiers.Names.ToList();
        var index = names.FindIndex(n => string.Equals(n, minTier, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new InputException($"--min-tier {minTier}: profile '{profile.Profile.Name}' has tiers {string.Join(", ", names)}{DidYouMean.Hint(minTier, names)}");
        return index;
    }

    private bool DropsExcluded => _options.DropExcluded || _options.MinTier is not null;

    /// <summary>
    /// When every row is kept and the writer can encode on any thread: the step that encodes a batch, to run on
    /// the scoring threads (<see cref="ScoringPipeline.Run"/>'s <c>prepare</c>). Null otherwise.
    /// </summary>
    public Action<ScoredBatch>? ParallelEncoder => _encoder is { } encoder
        ? batch =>
        {
            batch.Encoded.ResetWrittenCount();
            encoder.Encode(batch.Input, batch.Output, batch.Encoded);
        }
        : null;

    /// <summary>Takes one scored batch (in input order).</summary>
    public void Accept(ScoredBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_options.KeepsEverything)
        {
            _rowsIn += batch.Input.Count;
            if (_encoder is not null) _encoder.WriteEncoded(batch.Encoded.WrittenSpan);
            else _writer.Write(batch.Input, batch.Output);
            return;
        }
        _keptInput.Clear();
        _keptOutput.Clear();
        var verdicts = batch.Verdicts;
        for (var row = 0; row < batch.Input.Count; row++)
        {
            _rowsIn++;
            var v = verdicts[row];
            if (_options.DomainColumn >= 0)
            {
                var domain = DomainName.CompanyKey(batch.Input[row, _options.DomainColumn]);
                if (domain.Length > 0 && !_domains.Add(domain)) { _duplicates++; continue; }
            }
            if (v.Excluded && DropsExcluded)
            {
                if (v.ExclusionCause >= 0) _causes[v.Profile][v.ExclusionCause]++;
                continue;
            }
            if (!v.Excluded && v.Tier > _minTierIndex[v.Profile]) { _belowTier++; continue; }
            if (_options.Top is { } n) { OfferTop(batch, row, v, n); continue; }
            _keptInput.CopyRowFrom(batch.Input, row);
            _keptOutput.CopyRowFrom(batch.Output, row);
        }
        if (_keptInput.Count > 0) _writer.Write(_keptInput, _keptOutput);
    }

    private void OfferTop(ScoredBatch batch, int row, RowVerdict v, int n)
    {
        // Priority: lowest score first, and among equal scores the latest row first, so it is evicted first.
        var key = (v.Excluded ? -1 : v.Score, -_seq++);
        if (_top.Count >= n)
        {
            _top.TryPeek(out _, out var worst);
            if (key.CompareTo(worst) <= 0) return;
            _top.Dequeue();
        }
        _top.Enqueue(new KeptRow(Strings(batch.Input, row), Strings(batch.Output, row), batch.Input.LineOf(row)), key);
    }

    private static string[] Strings(RowBatch batch, int row)
    {
        var values = new string[batch.ColumnCount];
        for (var c = 0; c < values.Length; c++) values[c] = batch[row, c].ToString();
        return values;
    }

    /// <summary>Writes what <c>Top</c> kept (best first) and returns the funnel.</summary>
    public Funnel Finish()
    {
        long topCut = 0;
        if (_options.Top is not null)
        {
            var rows = new List<(KeptRow Row, (int Score, long Order) Key)>();
            while (_top.TryDequeue(out var r, out var k)) rows.Add((r, k));
            rows.Reverse();
            _keptInput.Clear();
            _keptOutput.Clear();
            foreach (var (r, _) in rows)
            {
                if (_keptInput.IsFull) { _writer.Write(_keptInput, _keptOutput); _keptInput.Clear(); _keptOutput.Clear(); }
                _keptInput.BeginRow(r.Line); foreach (var f in r.Input) _keptInput.AddField(f); _keptInput.EndRow();
                _keptOutput.BeginRow(r.Line); foreach (var f in r.Output) _keptOutput.AddField(f); _keptOutput.EndRow();
            }
            if (_keptInput.Count > 0) _writer.Write(_keptInput, _keptOutput);
            topCut = RemainingBeforeTop() - rows.Count;
        }
        return BuildFunnel(topCut);
    }

    private long RemainingBeforeTop() => _rowsIn - _duplicates - _causes.Sum(c => c.Sum()) - _belowTier;

    private Funnel BuildFunnel(long topCut)
    {
        var steps = new List<FunnelStep>();
        var remaining = _rowsIn;
        void Step(string what, long removed)
        {
            remaining -= removed;
            steps.Add(new FunnelStep(what, removed, remaining));
        }
        if (_options.DomainColumn >= 0) Step("duplicate domain", _duplicates);
        if (DropsExcluded)
            for (var p = 0; p < _plan.Profiles.Count; p++)
                for (var c = 0; c < _causes[p].Length; c++)
                    Step((_plan.Profiles.Count > 1 ? $"[{_plan.Profiles[p].Profile.Name}] " : "") + _plan.Profiles[p].ExclusionCauses[c], _causes[p][c]);
        if (_options.MinTier is not null) Step($"below tier {_options.MinTier}", _belowTier);
        if (_options.Top is { } n) Step($"beyond the top {n:N0}", topCut);
        return new Funnel(_rowsIn, steps);
    }
}
