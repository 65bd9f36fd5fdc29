using System.Globalization;

namespace Icp.Core.Learning;

/// <summary>Scores from <see cref="MinScore"/> to <see cref="MaxScore"/> won at the rate of <see cref="WinRate"/>.</summary>
public sealed record CalibrationStep(int MinScore, int MaxScore, Proportion WinRate);

/// <summary>
/// What a score means as a win probability, fitted on rows the profile was not learned from: isotonic regression (pool
/// adjacent violators), so the mapping never falls as the score rises and needs no assumption about its shape. Each step
/// is a run of scores pooled because their win rates did not rise; its rate comes with a Wilson interval. The steps
/// cover the score scale (0-100) without gaps, so any score can be looked up, and hold at least a tenth of the rows
/// (or 30), so there are at most ten.
/// </summary>
public static class Calibration
{
    private const int MinimumStepRows = 30;
    private const int MaxSteps = 10;

    private static double Rate((int Min, int Max, int Wins, int Rows) block) => (double)block.Wins / block.Rows;

    /// <summary>The steps over the scored rows; rows with a negative score (excluded) are left to the caller.</summary>
    public static IReadOnlyList<CalibrationStep> Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var byScore = new SortedDictionary<int, (int Wins, int Rows)>();
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] < 0) continue;
            var s = (int)scores[i];
            var (w, n) = byScore.GetValueOrDefault(s);
            byScore[s] = (w + (labels[i] ? 1 : 0), n + 1);
        }
        var blocks = new List<(int Min, int Max, int Wins, int Rows)>();
        foreach (var (score, (wins, rows)) in byScore)
        {
            blocks.Add((score, score, wins, rows));
            // Pool while the last block's rate is not above the one before it: cross-multiplied, so no rounding.
            while (blocks.Count > 1 && (long)blocks[^1].Wins * blocks[^2].Rows <= (long)blocks[^2].Wins * blocks[^1].Rows)
            {
                var (last, before) = (blocks[^1], blocks[^2]);
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (before.Min, last.Max, before.Wins + last.Wins, before.Rows + last.Rows);
            }
        }
        // A step of a handful of rows says little: join small steps to the neighbour nearest in rate (still rising).
        var minRows = Math.Max(MinimumStepRows, blocks.Sum(b => b.Rows) / MaxSteps);
        while (blocks.Count > 1)
        {
            var at = -1;
            for (var i = 0; i < blocks.Count; i++)
                if (blocks[i].Rows < minRows && (at < 0 || blocks[i].Rows < blocks[at].Rows)) at = i;
            if (at < 0) break;
            var rate = Rate(blocks[at]);
            var other = at == 0 ? 1 : at == blocks.Count - 1 ? at - 1
                : Math.Abs(Rate(blocks[at - 1]) - rate) <= Math.Abs(Rate(blocks[at + 1]) - rate) ? at - 1 : at + 1;
            var (first, second) = (blocks[Math.Min(at, other)], blocks[Math.Max(at, other)]);
            blocks[Math.Min(at, other)] = (first.Min, second.Max, first.Wins + second.Wins, first.Rows + second.Rows);
            blocks.RemoveAt(Math.Max(at, other));
        }
        // Steps cover the whole 0-100 scale: a score between two observed runs belongs to the lower one.
        return [.. blocks.Select((b, i) => new CalibrationStep(i == 0 ? Math.Min(0, b.Min) : b.Min,
            i == blocks.Count - 1 ? Math.Max(100, b.Max) : blocks[i + 1].Min - 1, new Proportion(b.Wins, b.Rows)))];
    }

    /// <summary>"0-15: 3.1%, 16-40: 22.0%, 41-100: 71.5%" for the profile header.</summary>
    public static string Describe(IReadOnlyList<CalibrationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return string.Join(", ", steps.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{(s.MinScore == s.MaxScore ? $"{s.MinScore}" : $"{s.MinScore}-{s.MaxScore}")}: {s.WinRate.Rate * 100:0.0}%")));
    }
}
