namespace Icp.Core.Learning;

/// <summary>
/// L2-regularised logistic regression on binary (one-hot) features, fitted by Newton's method (IRLS). Rows are lists of
/// the feature indices that are 1. The features are few (tens to a few hundred levels), so the Hessian fits in memory
/// and a handful of Newton steps converge exactly, with no learning rate to tune.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Coefficients per feature and the intercept. <paramref name="ridge"/> penalises every coefficient but the intercept.</summary>
    public static (double[] Weights, double Intercept) Fit(IReadOnlyList<int[]> rows, IReadOnlyList<bool> labels, int features, double ridge)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var patterns = new Patterns();
        var sorted = new List<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            sorted.Clear();
            sorted.AddRange(rows[r]);
            sorted.Sort();
            patterns.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sorted), labels[r]);
        }
        return Fit(patterns, features, ridge);
    }

    /// <summary>The same fit on rows already collapsed to patterns.</summary>
    internal static (double[] Weights, double Intercept) Fit(Patterns patterns, int features, double ridge)
    {
        var p = features + 1; // the last parameter is the intercept
        var beta = new double[p];
        var (rows, wins) = (patterns.TotalRows, patterns.TotalWins);
        beta[features] = Math.Log((wins + 0.5) / (rows - wins + 0.5));
        // Row-major p x p; only the lower triangle is summed (the Hessian is symmetric and Solve reads no more).
        var hessian = new double[p * p];
        var gradient = new double[p];
        var intercept = features * p;
        // Flat arrays for the Newton steps' inner loop, which runs once per pattern and step.
        var starts = new int[patterns.Count + 1];
        for (var r = 0; r < patterns.Count; r++) starts[r + 1] = starts[r] + patterns.Features[r].Length;
        var flat = new int[starts[^1]];
        for (var r = 0; r < patterns.Count; r++) patterns.Features[r].CopyTo(flat, starts[r]);
        var counts = patterns.Rows.Select(n => (double)n).ToArray();
        var won = patterns.Wins.Select(w => (double)w).ToArray();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            Array.Clear(hessian);
            Array.Clear(gradient);
            for (var r = 0; r < counts.Length; r++)
            {
                var row = flat.AsSpan(starts[r], starts[r + 1] - starts[r]);
                var n = counts[r];
                var eta = beta[features];
                foreach (var f in row) eta += beta[f];
                var prob = 1 / (1 + Math.Exp(-eta));
                var residual = won[r] - n * prob;
                var weight = n * Math.Max(prob * (1 - prob), 1e-10);
                gradient[features] += residual;
                hessian[intercept + features] += weight;
                foreach (var f in row)
                {
                    gradient[f] += residual;
                    hessian[intercept + f] += weight;
                    var lower = hessian.AsSpan(f * p, f + 1);
                    // Rows are sorted: the features up to f are a prefix.
                    for (var j = 0; j < row.Length && row[j] <= f; j++) lower[row[j]] += weight;
                }
            }
            for (var f = 0; f < features; f++)
            {
                hessian[f * p + f] += ridge;
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

    /// <summary>Solves H x = g for a symmetric positive-definite H (row-major, lower triangle read) by Cholesky decomposition.</summary>
    private static double[] Solve(double[] h, double[] g)
    {
        var n = g.Length;
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = h[i * n + j];
                for (var k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j) l[i * n + i] = Math.Sqrt(Math.Max(sum, 1e-12));
                else l[i * n + j] = sum / l[j * n + j];
            }
        }
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = g[i];
            for (var k = 0; k < i; k++) sum -= l[i * n + k] * y[k];
            y[i] = sum / l[i * n + i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
            x[i] = sum / l[i * n + i];
        }
        return x;
    }

    /// <summary>
    /// Rows with the same features are one pattern with a count and a number of wins: millions of rows over a few binned
    /// fields collapse to thousands of patterns, and every Newton step costs per pattern, not per row. Patterns keep the
    /// order in which the rows first show them, so the sums of a fit, and its result, do not depend on hashing.
    /// </summary>
    internal sealed class Patterns
    {
        private readonly Dictionary<int[], int> _index;
        private readonly Dictionary<int[], int>.AlternateLookup<ReadOnlySpan<int>> _lookup;
        private readonly List<int> _rows = [];
        private readonly List<int> _wins = [];

        public Patterns()
        {
            _index = new(PatternComparer.Instance);
            _lookup = _index.GetAlternateLookup<ReadOnlySpan<int>>();
        }

        public List<int[]> Features { get; } = [];
        public IReadOnlyList<int> Rows => _rows;
        public IReadOnlyList<int> Wins => _wins;
        public int Count => Features.Count;
        public int TotalRows { get; private set; }
        public int TotalWins { get; private set; }

        /// <summary>Counts one row with the features <paramref name="sorted"/> (ascending).</summary>
        public void Add(ReadOnlySpan<int> sorted, bool won)
        {
            if (!_lookup.TryGetValue(sorted, out var i))
            {
                i = Features.Count;
                var key = sorted.ToArray();
                _index[key] = i;
                Features.Add(key);
                _rows.Add(0);
                _wins.Add(0);
            }
            _rows[i]++;
            TotalRows++;
            if (won) { _wins[i]++; TotalWins++; }
        }
    }

    private sealed class PatternComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static readonly PatternComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            var hash = new HashCode();
            foreach (var x in alternate) hash.Add(x);
            return hash.ToHashCode();
        }

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
    }
}
