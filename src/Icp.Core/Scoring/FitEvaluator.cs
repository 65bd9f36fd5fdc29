using Icp.Core.Profiles;
using Icp.Core.Tables;

namespace Icp.Core.Scoring;

/// <summary>The verdict for one row.</summary>
/// <param name="Score">0-100; 0 when excluded.</param>
/// <param name="Tier">Index into the profile's tiers, the floor being the last; -1 when excluded.</param>
/// <param name="Excluded">True when a hard filter failed or a disqualifier held.</param>
public readonly record struct FitResult(int Score, int Tier, bool Excluded);

/// <summary>
/// Scores rows against one <see cref="CompiledProfile"/>. Not thread-safe: one per thread. The hot path
/// allocates nothing; <see cref="Reasons"/> is reused and valid until the next call.
/// </summary>
public sealed class FitEvaluator
{
    private readonly CompiledProfile _profile;
    private readonly RowContext _row;
    private readonly TextBuffer _reasons = new();
    private readonly long[] _earned;
    private readonly long[] _available;
    private readonly int[] _groupScores;
    private readonly bool _noMatch;

    internal FitEvaluator(CompiledProfile profile, DataIssues issues)
    {
        _profile = profile;
        _row = new RowContext(profile.Slots, profile.Options.Strict, profile.SourceName, issues);
        _earned = new long[profile.GroupCaps.Length];
        _available = new long[profile.GroupCaps.Length];
        _groupScores = new int[profile.GroupNames.Count];
        _noMatch = profile.Profile.Unknown == UnknownPolicy.NoMatch;
    }

    public CompiledProfile Profile => _profile;

    /// <summary>Data problems seen so far by this evaluator.</summary>
    public DataIssues Issues => _row.Issues;

    /// <summary>The compact reasons of the last row: <c>+25 industry=Fintech; excluded: ...</c>.</summary>
    public ReadOnlySpan<char> Reasons => _reasons.Span;

    /// <summary>0-100 sub-score per named group for the last row; -1 when the group had nothing to evaluate or the row was excluded.</summary>
    public ReadOnlySpan<int> GroupScores => _groupScores;

    /// <summary>Which exclusion cause (see <see cref="CompiledProfile.ExclusionCauses"/>) excluded the last row first; -1 when none.</summary>
    public int ExclusionCause { get; private set; }

    /// <summary>Scores one row of <paramref name="batch"/>.</summary>
    public FitResult Evaluate(RowBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _row.MoveTo(batch, row);
        _reasons.Clear();
        ExclusionCause = -1;

        var must = _profile.Must;
        for (var i = 0; i < must.Length; i++)
        {
            var t = must[i].Node.Eval(_row);
            if (t == Truth.False || (t == Truth.Unknown && _noMatch)) AddExclusion(must[i], i, t, failedMust: true);
        }
        var exclude = _profile.Exclude;
        for (var i = 0; i < exclude.Length; i++)
            if (exclude[i].Node.Eval(_row) == Truth.True) AddExclusion(exclude[i], must.Length + i, Truth.True, failedMust: false);
        if (ExclusionCause >= 0)
        {
            _groupScores.AsSpan().Fill(-1);
            return new FitResult(0, -1, true);
        }

        Array.Clear(_earned);
        Array.Clear(_available);
        var signals = _profile.Signals;
        for (var i = 0; i < signals.Length; i++)
        {
            var s = signals[i];
            var t = s.Node.Eval(_row);
            if (t == Truth.Unknown && !_noMatch) continue;
            if (s.Points > 0) _available[s.Group] += s.Points;
            if (t != Truth.True) continue;
            _earned[s.Group] += s.Points;
            AppendReason(s);
        }

        long earned = 0, available = 0;
        var caps = _profile.GroupCaps;
        for (var g = 0; g < caps.Length; g++)
        {
            var e = Math.Min(_earned[g], caps[g]);
            var a = Math.Min(_available[g], caps[g]);
            earned += e;
            available += a;
            if (g < _groupScores.Length) _groupScores[g] = a == 0 ? -1 : Percent(e, a);
        }
        var score = available == 0 ? 0 : Percent(earned, available);
        return new FitResult(score, TierIndex(score), false);
    }

    /// <summary>round(100 × earned / available), half away from zero, clamped to 0-100; exact integer arithmetic.</summary>
    internal static int Percent(long earned, long available)
    {
        if (earned <= 0) return 0;
        if (earned >= available) return 100;
        return (int)((200 * earned + available) / (2 * available));
    }

    private int TierIndex(int score)
    {
        var tiers = _profile.Profile.Tiers.Tiers;
        for (var i = 0; i < tiers.Length; i++)
            if (score >= tiers[i].Minimum) return i;
        return tiers.Length;
    }

    /// <summary>The first persona (index into the profile's personas) the row matches, or -1.</summary>
    public int MatchPersona(RowBatch batch, int row)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _row.MoveTo(batch, row);
        var personas = _profile.Personas;
        for (var i = 0; i < personas.Length; i++)
            if (personas[i].Eval(_row) == Truth.True) return i;
        return -1;
    }

    private void AppendReason(CompiledCriterion s)
    {
        Separate();
        _reasons.AppendSigned(s.Points);
        _reasons.Append(' ');
        AppendWhat(s);
    }

    private void AddExclusion(CompiledCriterion c, int cause, Truth truth, bool failedMust)
    {
        if (ExclusionCause < 0) ExclusionCause = cause;
        Separate();
        _reasons.Append("excluded: ");
        if (failedMust)
        {
            if (c.Label is not null) _reasons.Append(c.Label);
            else if (c.Evidence is { } f && truth == Truth.False)
            {
                f.AppendEvidence(_row, _reasons, c.Field);
                _reasons.Append(" (needs ");
                _reasons.Append(c.Description);
                _reasons.Append(')');
            }
            else
            {
                _reasons.Append(truth == Truth.Unknown ? "unknown " : "fails ");
                _reasons.Append(truth == Truth.Unknown && c.Field.Length > 0 ? c.Field : c.Description);
            }
            return;
        }
        AppendWhat(c);
        if (c.Reason is null) return;
        _reasons.Append(" (");
        _reasons.Append(c.Reason);
        _reasons.Append(')');
    }

    private void AppendWhat(CompiledCriterion c)
    {
        if (c.Label is not null) _reasons.Append(c.Label);
        else if (c.Evidence is { } f) f.AppendEvidence(_row, _reasons, c.Field);
        else _reasons.Append(c.Description);
    }

    private void Separate()
    {
        if (_reasons.Length > 0) _reasons.Append("; ");
    }

    /// <summary>Every criterion's outcome for one row: the full breakdown behind <c>icp explain</c>.</summary>
    public Explanation Explain(RowBatch batch, int row)
    {
        var result = Evaluate(batch, row);
        var reasons = Reasons.ToString();
        _row.MoveTo(batch, row);
        var lines = new List<CriterionOutcome>();
        void Add(string section, CompiledCriterion c, Func<Truth, int> effect)
        {
            var t = c.Node.Eval(_row);
            var values = c.Node is FieldNode f ? _row.Text(f.Slot).ToString() : "";
            lines.Add(new CriterionOutcome(section, c.Label ?? c.Description, values, t, c.Points, effect(t), c.Reason,
                c.Group < _profile.GroupNames.Count && c.Group >= 0 ? _profile.GroupNames[c.Group] : null));
        }
        foreach (var m in _profile.Must) Add("must", m, _ => 0);
        foreach (var e in _profile.Exclude) Add("exclude", e, _ => 0);
        foreach (var s in _profile.Signals) Add("signal", s, t => t == Truth.True ? s.Points : 0);
        return new Explanation(result, _profile.Profile.Tiers, reasons, lines);
    }
}

/// <summary>How one criterion went for one row.</summary>
public sealed record CriterionOutcome(string Section, string Criterion, string Value, Truth Outcome, int Points, int Earned, string? Reason, string? Group);

/// <summary>A row's full breakdown.</summary>
public sealed record Explanation(FitResult Result, TierThresholds Tiers, string Reasons, IReadOnlyList<CriterionOutcome> Criteria)
{
    public string TierName => Result.Excluded ? "excluded" : Result.Tier < Tiers.Tiers.Length ? Tiers.Tiers[Result.Tier].Name : Tiers.Floor;
}
