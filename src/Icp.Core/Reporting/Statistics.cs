namespace Icp.Core.Reporting;

/// <summary>The standard normal distribution, computed to full double precision without a maths library.</summary>
public static class StandardNormal
{
    /// <summary>The two-sided 95% critical value, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>P(Z ≤ z).</summary>
    public static double Cdf(double z) => z >= 0 ? 1 - UpperTail(z) : UpperTail(-z);

    /// <summary>P(Z &gt; z), accurate in the far tail where 1 - Cdf would round to zero.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Two-sided p-value of a z statistic: P(|Z| ≥ |z|).</summary>
    public static double TwoSidedP(double z) => Math.Min(1, 2 * UpperTail(Math.Abs(z)));

    /// <summary>
    /// The complementary error function. Below 2 a series of positive terms (no cancellation), above it the
    /// Laplace continued fraction (Lentz), so tail p-values keep their relative precision.
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 2)
        {
            // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1))
            double term = x, sum = x;
            for (var n = 1; n < 200 && term > sum * 1e-17; n++)
            {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
        }
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (var k = 1; k < 500; k++)
        {
            var a = k / 2.0;
            d = x + a * d;
            d = Math.Abs(d) < tiny ? 1 / tiny : 1 / d;
            c = x + a / c;
            if (Math.Abs(c) < tiny) c = tiny;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}

/// <summary>A proportion with its Wilson score interval.</summary>
/// <param name="Successes">Events counted (won deals).</param>
/// <param name="Trials">Trials (closed deals).</param>
/// <param name="Low">Lower bound of the interval, 0-1.</param>
/// <param name="High">Upper bound of the interval, 0-1.</param>
public readonly record struct Proportion(long Successes, long Trials, double Low, double High)
{
    /// <summary>Successes ÷ trials, 0-1; NaN when there are no trials.</summary>
    public double Value => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>
    /// The Wilson score interval (Wilson 1927): unlike the textbook p ± z·√(p(1−p)/n) it stays inside 0-1 and keeps
    /// its coverage for small n and rates near 0 or 1, which is where segments of a CRM usually are.
    /// </summary>
    public static Proportion Wilson(long successes, long trials, double z = StandardNormal.Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0) return new Proportion(0, 0, double.NaN, double.NaN);
        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At 0 or n successes the bound is exactly 0 or 1; the subtraction would leave rounding dust.
        return new Proportion(successes, trials, successes == 0 ? 0 : Math.Max(0, centre - half), successes == trials ? 1 : Math.Min(1, centre + half));
    }
}

/// <summary>The result of a two-sided test of a difference between two groups.</summary>
/// <param name="Statistic">The test statistic (z for proportions, U of the first group for Mann-Whitney).</param>
/// <param name="Z">The standardised statistic.</param>
/// <param name="P">Two-sided p-value.</param>
public readonly record struct TestResult(double Statistic, double Z, double P);

/// <summary>Hypothesis tests for comparing an in-ICP segment with an out-of-ICP segment.</summary>
public static class Significance
{
    /// <summary>
    /// The pooled two-proportion z-test of p₁ = p₂ (two-sided). Returns NaN statistics when the pooled rate is 0 or 1:
    /// with one outcome class there is no variance to test against.
    /// </summary>
    public static TestResult TwoProportion(long successes1, long trials1, long successes2, long trials2)
    {
        if (trials1 == 0 || trials2 == 0) return new TestResult(double.NaN, double.NaN, double.NaN);
        double p1 = (double)successes1 / trials1, p2 = (double)successes2 / trials2;
        var pooled = (double)(successes1 + successes2) / (trials1 + trials2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / trials1 + 1.0 / trials2));
        if (se == 0) return new TestResult(double.NaN, double.NaN, double.NaN);
        var z = (p1 - p2) / se;
        return new TestResult(z, z, StandardNormal.TwoSidedP(z));
    }

    /// <summary>
    /// The Mann-Whitney U test (two-sided), normal approximation with tie and continuity corrections — the same as
    /// SciPy's <c>mannwhitneyu(x, y, method="asymptotic")</c>. <see cref="TestResult.Statistic"/> is U of <paramref name="first"/>:
    /// the number of pairs in which the first group's value is larger (ties count one half).
    /// </summary>
    public static TestResult MannWhitney(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        long n1 = first.Count, n2 = second.Count, n = n1 + n2;
        if (n1 == 0 || n2 == 0) return new TestResult(double.NaN, double.NaN, double.NaN);
        var all = new (double Value, bool First)[n];
        for (var i = 0; i < n1; i++) all[i] = (first[i], true);
        for (var i = 0; i < n2; i++) all[n1 + i] = (second[i], false);
        Array.Sort(all, (a, b) => a.Value.CompareTo(b.Value));

        double rankSum = 0, tieTerm = 0;
        for (long i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value == all[i].Value) j++;
            var rank = (i + j + 2) / 2.0; // mean of the 1-based ranks i+1 .. j+1
            for (var k = i; k <= j; k++) if (all[k].First) rankSum += rank;
            double t = j - i + 1;
            tieTerm += t * t * t - t;
            i = j + 1;
        }
        var u1 = rankSum - n1 * (n1 + 1) / 2.0;
        var mean = n1 * n2 / 2.0;
        var variance = n1 * n2 / 12.0 * (n + 1 - tieTerm / (n * (n - 1.0)));
        if (variance <= 0) return new TestResult(u1, double.NaN, double.NaN);
        var distance = Math.Abs(u1 - mean);
        var z = Math.Sign(u1 - mean) * Math.Max(0, distance - 0.5) / Math.Sqrt(variance);
        return new TestResult(u1, z, StandardNormal.TwoSidedP(z));
    }
}

/// <summary>Summary figures of a sample.</summary>
public static class Descriptive
{
    /// <summary>The median of <paramref name="values"/> (mean of the middle two for an even count); NaN when empty.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// PSI = Σ (actual − expected) · ln(actual / expected) over bin shares. Empty bins get a share of 0.0001 so one
    /// empty bin does not make the index infinite (the usual convention).
    /// </summary>
    public static double PopulationStability(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        const double floor = 0.0001;
        double e = expected.Sum(), a = actual.Sum();
        if (e == 0 || a == 0) return double.NaN;
        var psi = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            var pe = Math.Max(expected[i] / e, floor);
            var pa = Math.Max(actual[i] / a, floor);
            psi += (pa - pe) * Math.Log(pa / pe);
        }
        return psi;
    }
}
