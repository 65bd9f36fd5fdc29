namespace Icp.Core.Learning;

/// <summary>
/// How sure an AUC is, by DeLong's method: each win's share of losses it outranks and each loss's share of wins that
/// outrank it are the structural components whose variances give the AUC's standard error, and whose covariances
/// between two models scored on the same rows give a paired test of their difference. On 85 rows an AUC of 0.80 may
/// be anything from 0.68 to 0.92; on 2,000 rows, 0.78 to 0.82. The figures say which.
/// </summary>
public static class AucUncertainty
{
    private const double Z95 = 1.959964;

    /// <summary>The AUC of <paramref name="scores"/> with its 95% confidence interval, clipped to 0-1.</summary>
    public static (double Auc, double Low, double High) Interval(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var (auc, wins, losses) = Components(scores, positive);
        var error = Math.Sqrt(Variance(wins) / wins.Length + Variance(losses) / losses.Length);
        return (auc, Math.Max(0, auc - Z95 * error), Math.Min(1, auc + Z95 * error));
    }

    /// <summary>Two-sided p-value of "models a and b rank the same rows equally well" (DeLong's paired test); 1 when they tie on every row.</summary>
    public static double DifferencePValue(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<bool> positive)
    {
        var (aucA, winsA, lossesA) = Components(a, positive);
        var (aucB, winsB, lossesB) = Components(b, positive);
        var variance = (Variance(winsA) + Variance(winsB) - 2 * Covariance(winsA, winsB)) / winsA.Length
                     + (Variance(lossesA) + Variance(lossesB) - 2 * Covariance(lossesA, lossesB)) / lossesA.Length;
        if (variance <= 1e-15) return 1;
        var z = Math.Abs(aucA - aucB) / Math.Sqrt(variance);
        return Math.Min(1, Statistics.ChiSquareSurvival(z * z, 1));
    }

    /// <summary>The AUC, each win's share of losses scored below it (ties half), and each loss's share of wins scored above it.</summary>
    private static (double Auc, double[] Wins, double[] Losses) Components(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        var all = MidRanks(scores, Enumerable.Range(0, scores.Count).ToArray());
        var winRows = Enumerable.Range(0, scores.Count).Where(i => positive[i]).ToArray();
        var lossRows = Enumerable.Range(0, scores.Count).Where(i => !positive[i]).ToArray();
        if (winRows.Length < 2 || lossRows.Length < 2) return (0.5, [0, 0], [0, 0]);
        var amongWins = MidRanks(scores, winRows);
        var amongLosses = MidRanks(scores, lossRows);
        // Rank among all rows minus rank among the win's own class = losses below it (ties counted half).
        var wins = winRows.Select((row, i) => (all[row] - amongWins[i]) / lossRows.Length).ToArray();
        var losses = lossRows.Select((row, i) => 1 - (all[row] - amongLosses[i]) / winRows.Length).ToArray();
        return (wins.Average(), wins, losses);
    }

    /// <summary>Mid-ranks (1-based, ties averaged) of the scores of <paramref name="rows"/>, by position in <paramref name="rows"/>.</summary>
    private static double[] MidRanks(IReadOnlyList<double> scores, int[] rows)
    {
        var positions = Enumerable.Range(0, rows.Length).ToArray();
        var keys = rows.Select(r => scores[r]).ToArray();
        Array.Sort(keys, positions);
        var ranks = new double[rows.Length];
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j + 1 < keys.Length && keys[j + 1] == keys[i]) j++;
            for (var k = i; k <= j; k++) ranks[positions[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return ranks;
    }

    private static double Variance(double[] x) => Covariance(x, x);

    private static double Covariance(double[] x, double[] y)
    {
        if (x.Length < 2) return 0;
        double mx = x.Average(), my = y.Average(), sum = 0;
        for (var i = 0; i < x.Length; i++) sum += (x[i] - mx) * (y[i] - my);
        return sum / (x.Length - 1);
    }
}
