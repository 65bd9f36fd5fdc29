using Icp.Core.Profiles;
using Icp.Core.Scoring;

namespace Icp.Core.Comparison;

/// <summary>One row that moved between profile versions, as an example for reviewers.</summary>
/// <param name="Id">The row's id (its id column's value).</param>
/// <param name="Line">Where the row is in its source.</param>
/// <param name="TierBefore">Tier under the old profile ("excluded" when it excluded the row).</param>
/// <param name="ScoreBefore">0-100 score under the old profile (0 when excluded).</param>
/// <param name="TierAfter">Tier under the new profile.</param>
/// <param name="ScoreAfter">0-100 score under the new profile.</param>
public sealed record RowMove(string Id, long Line, string TierBefore, int ScoreBefore, string TierAfter, int ScoreAfter);

/// <summary>
/// How rows move between two profile versions: a tier-to-tier count matrix ("excluded" included), the rows that
/// enter or leave the ICP (not excluded), and a few examples of each.
/// </summary>
public sealed class TierTransitions
{
    private readonly int _examples;
    private readonly List<RowMove> _entered = [], _left = [];
    private readonly List<RowMove> _largest = [];

    /// <param name="before">The current profile.</param>
    /// <param name="after">The proposed profile.</param>
    /// <param name="examples">Example rows kept per kind of move.</param>
    public TierTransitions(Profile before, Profile after, int examples = 5)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        BeforeTiers = [.. before.Tiers.Names, "excluded"];
        AfterTiers = [.. after.Tiers.Names, "excluded"];
        Counts = new long[BeforeTiers.Count, AfterTiers.Count];
        _examples = examples;
    }

    /// <summary>Row labels of <see cref="Counts"/>: the old profile's tiers, best first, then "excluded".</summary>
    public IReadOnlyList<string> BeforeTiers { get; }

    /// <summary>Column labels of <see cref="Counts"/>.</summary>
    public IReadOnlyList<string> AfterTiers { get; }

    /// <summary>Rows per (old tier, new tier).</summary>
    public long[,] Counts { get; }

    public long Rows { get; private set; }
    public long Entered { get; private set; }
    public long Left { get; private set; }

    /// <summary>Rows whose tier name differs between the versions (a move into or out of "excluded" included).</summary>
    public long ChangedTier { get; private set; }

    public IReadOnlyList<RowMove> EnteredExamples => _entered;
    public IReadOnlyList<RowMove> LeftExamples => _left;

    /// <summary>The rows that stayed in the ICP with the largest score changes, largest first.</summary>
    public IReadOnlyList<RowMove> LargestScoreChanges => _largest;

    /// <summary>Adds one row scored by both versions.</summary>
    public void Add(string id, long line, FitResult before, FitResult after)
    {
        var b = before.Excluded ? BeforeTiers.Count - 1 : before.Tier;
        var a = after.Excluded ? AfterTiers.Count - 1 : after.Tier;
        Rows++;
        Counts[b, a]++;
        if (BeforeTiers[b] != AfterTiers[a]) ChangedTier++;
        var move = new RowMove(id, line, BeforeTiers[b], before.Score, AfterTiers[a], after.Score);
        if (before.Excluded && !after.Excluded)
        {
            Entered++;
            if (_entered.Count < _examples) _entered.Add(move);
        }
        else if (!before.Excluded && after.Excluded)
        {
            Left++;
            if (_left.Count < _examples) _left.Add(move);
        }
        else if (!before.Excluded && before.Score != after.Score) KeepLargest(move);
    }

    private void KeepLargest(RowMove move)
    {
        static int Delta(RowMove m) => Math.Abs(m.ScoreAfter - m.ScoreBefore);
        if (_largest.Count == _examples && Delta(_largest[^1]) >= Delta(move)) return;
        // Stable: among equal changes the earlier row stays first.
        var at = _largest.FindIndex(m => Delta(m) < Delta(move));
        _largest.Insert(at < 0 ? _largest.Count : at, move);
        if (_largest.Count > _examples) _largest.RemoveAt(_largest.Count - 1);
    }
}
