namespace Icp.Core.Learning;

/// <summary>
/// L2-regularised logistic regression on binary (one-hot) features, fitted by Newton's method (IRLS). Rows are lists of
/// the feature indices that are 1. The features are few (tens to a few hundred levels), so the Hessian fits in memory
/// and a handful of Newton steps converge exactly, with no learning rate to tune.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Coefficients per feature and the intercept. <paramref name="ridge"/> penalises every coefficient but the intercept.</summary>
    public static (double[] Weights, double Intercept) Fit(IReadOnlyList<int[]> rows, IReadOnlyList<bool> labels, int features, double ridge) =>
        Fit(rows, labels, null, features, ridge);

    /// <summary>
    /// As <see cref="Fit(IReadOnlyList{int[]}, IReadOnlyList{bool}, int, double)"/>, each row counting <paramref name="rowWeights"/>[r]
    /// times (null: once), so a row of weight 2 weighs as two copies of it would (churned customers, the strongest losses).
    /// </summary>
    public static (double[] Weights, double Intercept) Fit(IReadOnlyList<int[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<double>? rowWeights, int features, double ridge)
    {
        var (patterns, counts) = Collapse(rows, labels, rowWeights);
        return FitCounts(patterns, counts, features, ridge);
    }

    /// <summary>
    /// Rows with the same features as one pattern with its (weighted) rows and wins: millions of rows over a few binned
    /// fields collapse to thousands of patterns, and every Newton step then costs per pattern, not per row.
    /// </summary>
    internal static (List<int[]> Patterns, List<(double Rows, double Wins)> Counts) Collapse(IReadOnlyList<int[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<double>? rowWeights)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rowWeights is not null && rowWeights.Count != rows.Count) throw new ArgumentException($"{rowWeights.Count} weights for {rows.Count} rows", nameof(rowWeights));
        var index = new Dictionary<int[], int>(PatternComparer.Instance);
        var patterns = new List<int[]>();
        var counts = new List<(double Rows, double Wins)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var key = rows[r].Order().Distinct().ToArray();
            if (!index.TryGetValue(key, out var i))
            {
                i = patterns.Count;
                index[key] = i;
                patterns.Add(key);
                counts.Add((0, 0));
            }
            var w = rowWeights?[r] ?? 1;
            if (!(w >= 0)) throw new ArgumentOutOfRangeException(nameof(rowWeights), w, $"row {r}: a weight is a count of copies, 0 or more");
            counts[i] = (counts[i].Rows + w, counts[i].Wins + (labels[r] ? w : 0));
        }
        return (patterns, counts);
    }

    /// <summary>
    /// The fit over distinct feature patterns (sorted index lists, each once) with their rows and wins, which may be
    /// fractional (weighted rows).
    /// </summary>
    public static (double[] Weights, double Intercept) FitCounts(IReadOnlyList<int[]> patterns, IReadOnlyList<(double Rows, double Wins)> counts, int features, double ridge)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(counts);
        var p = features + 1; // the last parameter is the intercept
        var beta = new double[p];
        double wins = 0, total = 0;
        foreach (var (n, won) in counts) { total += n; wins += won; }
        beta[features] = Math.Log((wins + 0.5) / (total - wins + 0.5));
        var hessian = new double[p, p];
        var gradient = new double[p];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            Array.Clear(hessian);
            Array.Clear(gradient);
            for (var r = 0; r < patterns.Count; r++)
            {
                var row = patterns[r];
                var (n, won) = counts[r];
                var eta = beta[features];
                foreach (var f in row) eta += beta[f];
                var prob = 1 / (1 + Math.Exp(-eta));
                var residual = won - n * prob;
                var weight = n * Math.Max(prob * (1 - prob), 1e-10);
                gradient[features] += residual;
                hessian[features, features] += weight;
                foreach (var f in row)
                {
                    gradient[f] += residual;
                    hessian[f, features] += weight;
                    foreach (var g in row) hessian[f, g] += weight;
                }
            }
            for (var f = 0; f < features; f++)
            {
                hessian[features, f] = hessian[f, features];
                hessian[f, f] += ridge;
                gradient[f] -= ridge * beta[f];
            }
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < p; i++)
            {
                beta[i] += step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }
            if (change < 1e-8) break;
        }
        return (beta[..features], beta[features]);
    }

    /// <summary>Solves H x = g for a symmetric positive-definite H by Cholesky decomposition.</summary>
    private static double[] Solve(double[,] h, double[] g)
    {
        var n = g.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j) l[i, i] = Math.Sqrt(Math.Max(sum, 1e-12));
                else l[i, j] = sum / l[j, j];
            }
        }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= l[k, i] * x[k];
            x[i] = sum / l[i, i];
        }
        return x;
    }

    private sealed class PatternComparer : IEqualityComparer<int[]>
    {
        public static readonly PatternComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            foreach (var x in obj) hash.Add(x);
            return hash.ToHashCode();
        }
    }
}
