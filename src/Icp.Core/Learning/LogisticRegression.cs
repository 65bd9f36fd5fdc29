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
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rowWeights is not null && rowWeights.Count != rows.Count) throw new ArgumentException($"{rowWeights.Count} weights for {rows.Count} rows", nameof(rowWeights));
        var patterns = new Patterns();
        var sorted = new List<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            sorted.Clear();
            sorted.AddRange(rows[r]);
            sorted.Sort();
            patterns.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sorted), labels[r], rowWeights?[r] ?? 1);
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
        var (flat, starts) = patterns.Flatten();
        var counts = patterns.Rows.ToArray();
        var won = patterns.Wins.ToArray();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            Array.Clear(hessian);
            Array.Clear(gradient);
            for (var r = 0; r < counts.Length; r++)
            {
                int start = starts[r], end = starts[r + 1];
                var n = counts[r];
                var eta = beta[features];
                for (var i = start; i < end; i++) eta += beta[flat[i]];
                var prob = 1 / (1 + Math.Exp(-eta));
                var residual = won[r] - n * prob;
                var weight = n * Math.Max(prob * (1 - prob), 1e-10);
                gradient[features] += residual;
                hessian[intercept + features] += weight;
                for (var i = start; i < end; i++)
                {
                    var f = flat[i];
                    gradient[f] += residual;
                    hessian[intercept + f] += weight;
                    var at = f * p;
                    // Rows are sorted: the features up to f are a prefix.
                    for (var j = start; j < end && flat[j] <= f; j++) hessian[at + flat[j]] += weight;
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
    internal static double[] Solve(double[] h, double[] g)
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
    /// order in which the rows first show them, so the sums of a fit, and its result, do not depend on hashing; their
    /// features lie end to end in one array, so even a million patterns are a few allocations.
    /// </summary>
    internal sealed class Patterns
    {
        private int[] _features = new int[1024];
        private readonly List<int> _starts = [0];
        private readonly List<double> _rows = [];
        private readonly List<double> _wins = [];
        private readonly HashSet<int>.AlternateLookup<ReadOnlySpan<int>> _lookup;

        public Patterns() => _lookup = new HashSet<int>(new ByFeatures(this)).GetAlternateLookup<ReadOnlySpan<int>>();

        public int Count => _rows.Count;

        /// <summary>Rows per pattern (weighted: a row of weight 2 counts twice).</summary>
        public IReadOnlyList<double> Rows => _rows;

        /// <summary>Wins per pattern (weighted likewise).</summary>
        public IReadOnlyList<double> Wins => _wins;

        public double TotalRows { get; private set; }
        public double TotalWins { get; private set; }

        /// <summary>Counts one row with the features <paramref name="sorted"/> (ascending), <paramref name="weight"/> times.</summary>
        public void Add(ReadOnlySpan<int> sorted, bool won, double weight = 1)
        {
            if (!(weight >= 0)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "a weight is a count of copies, 0 or more");
            Add(sorted, weight, won ? weight : 0);
        }

        /// <summary>Counts <paramref name="rows"/> rows with the features <paramref name="sorted"/> (ascending), <paramref name="wins"/> of them won.</summary>
        public void Add(ReadOnlySpan<int> sorted, double rows, double wins)
        {
            if (!_lookup.TryGetValue(sorted, out var i))
            {
                i = _rows.Count;
                var end = _starts[^1];
                if (end + sorted.Length > _features.Length) Array.Resize(ref _features, Math.Max(2 * _features.Length, end + sorted.Length));
                sorted.CopyTo(_features.AsSpan(end));
                _starts.Add(end + sorted.Length);
                _rows.Add(0);
                _wins.Add(0);
                _lookup.Set.Add(i);
            }
            _rows[i] += rows;
            _wins[i] += wins;
            TotalRows += rows;
            TotalWins += wins;
        }

        /// <summary>The features of every pattern end to end, and where each starts (plus the end).</summary>
        public (int[] Features, int[] Starts) Flatten() => (_features, [.. _starts]);

        /// <summary>The sorted features of one pattern.</summary>
        public ReadOnlySpan<int> Features(int pattern) => _features.AsSpan(_starts[pattern], _starts[pattern + 1] - _starts[pattern]);

        /// <summary>Patterns compared by their features, and looked up by a row's features without a copy.</summary>
        private sealed class ByFeatures(Patterns owner) : IEqualityComparer<int>, IAlternateEqualityComparer<ReadOnlySpan<int>, int>
        {
            public bool Equals(int x, int y) => owner.Features(x).SequenceEqual(owner.Features(y));

            public int GetHashCode(int obj) => GetHashCode(owner.Features(obj));

            public bool Equals(ReadOnlySpan<int> alternate, int other) => alternate.SequenceEqual(owner.Features(other));

            public int GetHashCode(ReadOnlySpan<int> alternate)
            {
                var hash = new HashCode();
                foreach (var x in alternate) hash.Add(x);
                return hash.ToHashCode();
            }

            public int Create(ReadOnlySpan<int> alternate) => throw new NotSupportedException("patterns are added by Add");
        }
    }
}
