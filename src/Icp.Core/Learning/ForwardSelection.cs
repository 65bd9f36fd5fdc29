namespace Icp.Core.Learning;

/// <summary>
/// Greedy forward selection of 0/1 criteria for a logistic model by Rao's score test: start from the base rate, add the
/// criterion whose score statistic (how much it would raise the likelihood, given the criteria already chosen) is
/// largest, refit, and repeat until the budget is spent or no criterion is significant. The score test needs no fit per
/// candidate, so a step costs one pass over the distinct row patterns.
/// <para>Why not rank by coefficient size: a field with several correlated levels (high, medium, missing) takes several
/// slots that way, while a criterion that explains what nothing else does stays out.</para>
/// </summary>
internal static class ForwardSelection
{
    /// <summary>
    /// Chooses at most <paramref name="max"/> of <paramref name="candidates"/> criteria. <paramref name="patterns"/> are the
    /// distinct sets of criteria that hold for a row, with their rows and wins; a criterion joins only when its score
    /// statistic exceeds <paramref name="minChiSquare"/> (chi-square, 1 degree of freedom).
    /// </summary>
    /// <returns>Chosen criteria in the order they were added.</returns>
    public static List<int> Select(LogisticRegression.Patterns patterns, int candidates, int max, double ridge, double minChiSquare)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var chosen = new List<int>();
        var position = new int[candidates]; // index in chosen + 1, or 0
        var beta = Array.Empty<double>();
        var intercept = Math.Log((patterns.TotalWins + 0.5) / (patterns.TotalRows - patterns.TotalWins + 0.5));
        var probability = new double[patterns.Count];
        while (chosen.Count < max)
        {
            // Model terms: the chosen criteria, then the intercept (index k).
            var k = chosen.Count;
            for (var p = 0; p < patterns.Count; p++)
            {
                var eta = intercept;
                foreach (var c in patterns.Features(p)) if (position[c] > 0) eta += beta[position[c] - 1];
                probability[p] = 1 / (1 + Math.Exp(-eta));
            }
            // Fisher information of the chosen terms (penalised as in the fit) and, per candidate, its score, its own
            // information and its cross-information with every chosen term.
            var size = k + 1;
            var information = new double[size * size]; // row-major, as LogisticRegression.Solve reads it
            var score = new double[candidates];
            var own = new double[candidates];
            var cross = new double[candidates, k + 1];
            var terms = new List<int>();
            for (var p = 0; p < patterns.Count; p++)
            {
                var (n, w) = (patterns.Rows[p], patterns.Wins[p]);
                var variance = n * probability[p] * (1 - probability[p]);
                var residual = w - n * probability[p];
                terms.Clear();
                foreach (var c in patterns.Features(p)) if (position[c] > 0) terms.Add(position[c] - 1);
                terms.Add(k);
                foreach (var a in terms) foreach (var b in terms) information[a * size + b] += variance;
                foreach (var c in patterns.Features(p))
                {
                    if (position[c] > 0) continue;
                    score[c] += residual;
                    own[c] += variance;
                    foreach (var a in terms) cross[c, a] += variance;
                }
            }
            for (var a = 0; a < k; a++) information[a * size + a] += ridge;

            var best = -1;
            var bestStatistic = minChiSquare;
            for (var c = 0; c < candidates; c++)
            {
                if (position[c] > 0 || own[c] <= 0) continue;
                // Information left once the chosen terms have explained what they can: I_cc - I_cS I_SS^-1 I_Sc.
                var row = new double[size];
                for (var a = 0; a < size; a++) row[a] = cross[c, a];
                var solved = LogisticRegression.Solve(information, row);
                var explained = 0.0;
                for (var a = 0; a < size; a++) explained += row[a] * solved[a];
                var left = own[c] + ridge - explained;
                if (left <= 1e-9) continue;
                var statistic = score[c] * score[c] / left;
                if (statistic > bestStatistic) { bestStatistic = statistic; best = c; }
            }
            if (best < 0) break;
            chosen.Add(best);
            position[best] = chosen.Count;
            (beta, intercept) = Fit(patterns, position, chosen.Count, ridge);
        }
        return chosen;
    }

    /// <summary>The logistic fit on the chosen criteria alone, over the patterns.</summary>
    private static (double[] Beta, double Intercept) Fit(LogisticRegression.Patterns patterns, int[] position, int k, double ridge)
    {
        var projected = new LogisticRegression.Patterns();
        var terms = new List<int>();
        for (var p = 0; p < patterns.Count; p++)
        {
            terms.Clear();
            foreach (var c in patterns.Features(p)) if (position[c] > 0) terms.Add(position[c] - 1);
            terms.Sort();
            projected.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(terms), patterns.Rows[p], patterns.Wins[p]);
        }
        return LogisticRegression.Fit(projected, k, ridge);
    }
}
