using System.Globalization;
using Icp.Core.Profiles;
using Icp.Core.Tables;

namespace Icp.Core.Scoring;

/// <summary>The verdict for one row across the plan's profiles: the better fit wins.</summary>
/// <param name="Score">0-100 score of the winning profile.</param>
/// <param name="Tier">Tier index within the winning profile (the floor last); -1 when excluded.</param>
/// <param name="Excluded">True when the winning profile excludes the row.</param>
/// <param name="Profile">Index of the winning profile (0 = primary).</param>
/// <param name="ExclusionCause">The first exclusion cause of the winning profile, or -1.</param>
public readonly record struct RowVerdict(int Score, int Tier, bool Excluded, int Profile, int ExclusionCause);

/// <summary>
/// One or two profiles compiled against a table, and the columns scoring appends. With two profiles each row is
/// scored against both and labelled with the better fit (not excluded beats excluded, then the higher score,
/// ties going to the primary). Immutable; each thread takes its own <see cref="BatchScorer"/>.
/// </summary>
public sealed class ScoringPlan
{
    public const string ScoreColumn = "icp_score", TierColumn = "icp_tier", ExcludedColumn = "icp_excluded",
        ReasonsColumn = "icp_reasons", ProfileColumn = "icp_profile", PersonaColumn = "icp_persona";

    private ScoringPlan(IReadOnlyList<CompiledProfile> profiles, IReadOnlyList<string> inputColumns)
    {
        Profiles = profiles;
        InputColumns = inputColumns;
        GroupNames = [.. profiles.SelectMany(p => p.GroupNames).Distinct(StringComparer.Ordinal)];
        HasPersonas = profiles[0].HasPersonas;
        var extra = new List<string> { ScoreColumn, TierColumn, ExcludedColumn, ReasonsColumn };
        if (profiles.Count > 1)
        {
            extra.Add(ProfileColumn);
            extra.AddRange(profiles.Select(p => $"{ScoreColumn}_{p.Profile.Name}"));
        }
        extra.AddRange(GroupNames.Select(g => $"icp_{g}"));
        if (HasPersonas) extra.Add(PersonaColumn);
        var clash = extra.FirstOrDefault(e => inputColumns.Contains(e, StringComparer.OrdinalIgnoreCase));
        if (clash is not null)
            throw new InputException($"the data already has a column '{clash}': it looks already scored; drop the icp_* columns first",
                new SourceLocation(profiles[0].SourceName, 1, 0, clash));
        ExtraColumns = extra;
    }

    public IReadOnlyList<CompiledProfile> Profiles { get; }
    public IReadOnlyList<string> InputColumns { get; }
    public IReadOnlyList<string> GroupNames { get; }
    public bool HasPersonas { get; }

    /// <summary>The columns scoring appends, in order.</summary>
    public IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>Input columns followed by <see cref="ExtraColumns"/>.</summary>
    public IReadOnlyList<string> OutputColumns => [.. InputColumns, .. ExtraColumns];

    /// <summary>Compiles the profiles (primary first, at most two) for a table with <paramref name="columns"/>.</summary>
    public static ScoringPlan Create(IReadOnlyList<Profile> profiles, IReadOnlyList<string> columns, string sourceName, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count is < 1 or > 2) throw new InputException("give one profile, or a primary and a secondary profile");
        if (profiles.Count == 2 && profiles[0].Name == profiles[1].Name)
            throw new InputException($"both profiles are named '{profiles[0].Name}': give the secondary profile its own name");
        var resolver = new ColumnResolver(columns, sourceName);
        return new ScoringPlan([.. profiles.Select(p => CompiledProfile.Compile(p, resolver, options))], columns);
    }

    public BatchScorer CreateScorer() => new(this);

    /// <summary>An empty batch shaped for <see cref="ExtraColumns"/>.</summary>
    public RowBatch CreateOutputBatch(int capacity) => new(ExtraColumns.Count, capacity);
}

/// <summary>Scores whole batches for one thread and keeps that thread's tallies.</summary>
public sealed class BatchScorer
{
    private readonly ScoringPlan _plan;
    private readonly FitEvaluator[] _evaluators;

    internal BatchScorer(ScoringPlan plan)
    {
        _plan = plan;
        Issues = new DataIssues();
        _evaluators = [.. plan.Profiles.Select(p => p.CreateEvaluator(Issues))];
        Summary = new ScoreSummary(plan);
        _groupIndex = [.. plan.Profiles.Select(p => plan.GroupNames.Select(g => p.GroupNames.ToList().IndexOf(g)).ToArray())];
    }

    /// <summary>Per profile, the index of each of the plan's group columns in that profile's groups (-1 when absent).</summary>
    private readonly int[][] _groupIndex;

    public DataIssues Issues { get; }
    public ScoreSummary Summary { get; }

    /// <summary>Scores every row of <paramref name="input"/> into <paramref name="output"/> (cleared first) and <paramref name="verdicts"/>.</summary>
    public void Score(RowBatch input, RowBatch output, Span<RowVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        for (var row = 0; row < input.Count; row++)
        {
            var (verdict, winner, primary, secondary) = ScoreRow(input, row);
            verdicts[row] = verdict;
            Summary.Add(verdict);
            WriteRow(input, row, output, verdict, winner, primary, secondary);
        }
    }

    /// <summary>Scores a row against every profile; the better fit wins. Also returns each profile's own score.</summary>
    private (RowVerdict Verdict, FitEvaluator Winner, int Primary, int Secondary) ScoreRow(RowBatch input, int row)
    {
        var first = _evaluators[0].Evaluate(input, row);
        var best = (new RowVerdict(first.Score, first.Tier, first.Excluded, 0, _evaluators[0].ExclusionCause), _evaluators[0], first.Score, 0);
        if (_evaluators.Length == 1) return best;
        var second = _evaluators[1].Evaluate(input, row);
        var secondWins = (first.Excluded && !second.Excluded) || (first.Excluded == second.Excluded && second.Score > first.Score);
        return secondWins
            ? (new RowVerdict(second.Score, second.Tier, second.Excluded, 1, _evaluators[1].ExclusionCause), _evaluators[1], first.Score, second.Score)
            : best with { Item4 = second.Score };
    }

    private void WriteRow(RowBatch input, int row, RowBatch output, RowVerdict verdict, FitEvaluator winner, int primaryScore, int secondaryScore)
    {
        var tiers = _plan.Profiles[verdict.Profile].Profile.Tiers;
        output.BeginRow(input.LineOf(row));
        AddInt(output, verdict.Score);
        output.AddField(verdict.Excluded ? "excluded" : verdict.Tier < tiers.Tiers.Length ? tiers.Tiers[verdict.Tier].Name : tiers.Floor);
        output.AddField(verdict.Excluded ? "true" : "false");
        output.AddField(winner.Reasons);
        if (_evaluators.Length > 1)
        {
            output.AddField(winner.Profile.Profile.Name);
            AddInt(output, primaryScore);
            AddInt(output, secondaryScore);
        }
        foreach (var index in _groupIndex[verdict.Profile])
        {
            var sub = index < 0 ? -1 : winner.GroupScores[index];
            if (sub < 0) output.AddField([]); else AddInt(output, sub);
        }
        if (_plan.HasPersonas)
        {
            var persona = _evaluators[0].MatchPersona(input, row);
            output.AddField(persona < 0 ? [] : _plan.Profiles[0].Profile.Personas[persona].Name);
        }
        output.EndRow();
    }

    private static void AddInt(RowBatch output, int value)
    {
        var buffer = output.GetFieldBuffer(11);
        value.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        output.CommitField(n);
    }
}

/// <summary>Counts per tier and per exclusion cause, for the summary tables and the funnel.</summary>
public sealed class ScoreSummary
{
    private readonly ScoringPlan _plan;

    public ScoreSummary(ScoringPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        TierCounts = [.. plan.Profiles.Select(p => new long[p.Profile.Tiers.Tiers.Length + 1])];
        CauseCounts = [.. plan.Profiles.Select(p => new long[p.ExclusionCauses.Count])];
        WinnerCounts = new long[plan.Profiles.Count];
    }

    public long Rows { get; private set; }
    public long Excluded { get; private set; }

    /// <summary>Per profile: rows per tier (the floor last), counting only rows that profile won and did not exclude.</summary>
    public long[][] TierCounts { get; }

    /// <summary>Per profile: excluded rows by their first exclusion cause.</summary>
    public long[][] CauseCounts { get; }

    /// <summary>Rows labelled with each profile.</summary>
    public long[] WinnerCounts { get; }

    public void Add(RowVerdict v)
    {
        Rows++;
        WinnerCounts[v.Profile]++;
        if (v.Excluded)
        {
            Excluded++;
            if (v.ExclusionCause >= 0) CauseCounts[v.Profile][v.ExclusionCause]++;
        }
        else TierCounts[v.Profile][v.Tier]++;
    }

    public void Merge(ScoreSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Rows += other.Rows;
        Excluded += other.Excluded;
        for (var p = 0; p < WinnerCounts.Length; p++)
        {
            WinnerCounts[p] += other.WinnerCounts[p];
            for (var t = 0; t < TierCounts[p].Length; t++) TierCounts[p][t] += other.TierCounts[p][t];
            for (var c = 0; c < CauseCounts[p].Length; c++) CauseCounts[p][c] += other.CauseCounts[p][c];
        }
    }

    /// <summary>Rows per tier name over all profiles, best tier first, then "excluded".</summary>
    public IReadOnlyList<(string Tier, long Rows)> ByTier()
    {
        var result = new List<(string, long)>();
        foreach (var name in _plan.Profiles.SelectMany(p => p.Profile.Tiers.Names).Distinct())
        {
            long n = 0;
            for (var p = 0; p < _plan.Profiles.Count; p++)
            {
                var names = _plan.Profiles[p].Profile.Tiers.Names.ToList();
                var i = names.IndexOf(name);
                if (i >= 0) n += TierCounts[p][i];
            }
            result.Add((name, n));
        }
        result.Add(("excluded", Excluded));
        return result;
    }

    /// <summary>Excluded rows per first cause, over all profiles, largest first.</summary>
    public IReadOnlyList<(string Cause, long Rows)> ByCause() =>
        [.. _plan.Profiles.SelectMany((p, pi) => p.ExclusionCauses.Select((c, ci) => (Cause: c, Rows: CauseCounts[pi][ci])))
            .Where(x => x.Rows > 0).OrderByDescending(x => x.Rows)];
}
