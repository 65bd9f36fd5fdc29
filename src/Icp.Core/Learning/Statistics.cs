namespace Icp.Core.Learning;

/// <summary>A share with its 95% Wilson score interval: honest at small counts and at 0% or 100%, unlike the normal approximation.</summary>
public readonly record struct Proportion(int Successes, int Trials)
{
    private const double Z = 1.959963984540054;

    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;

    public (double Low, double High) Interval
    {
        get
        {
            if (Trials == 0) return (0, 1);
            double n = Trials, p = Rate, z2 = Z * Z;
            var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }
}

/// <summary>The few statistics the learner needs, written out so Icp.Core stays free of numeric packages.</summary>
public static class Statistics
{
    /// <summary>
    /// Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half),
    /// by the Mann-Whitney rank sum. 0.5 when either class is absent.
    /// </summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double rankSumPositive = 0;
        long positives = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && keys[j + 1] == keys[i]) j++;
            var midRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
                if (positive[order[k]]) { rankSumPositive += midRank; positives++; }
            i = j + 1;
        }
        var negatives = n - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        return (rankSumPositive - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>The ROC curve: (false-positive rate, true-positive rate) after each distinct score, best scores first, from (0,0) to (1,1).</summary>
    public static IReadOnlyList<(double Fpr, double Tpr)> RocCurve(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var n = scores.Length;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[b].CompareTo(keys[a]));
        long positives = 0;
        foreach (var p in positive) if (p) positives++;
        var negatives = n - positives;
        var curve = new List<(double, double)> { (0, 0) };
        long tp = 0, fp = 0;
        for (var i = 0; i < n; i++)
        {
            if (positive[order[i]]) tp++; else fp++;
            if (i + 1 < n && keys[order[i + 1]] == keys[order[i]]) continue;
            curve.Add((negatives == 0 ? 0 : (double)fp / negatives, positives == 0 ? 0 : (double)tp / positives));
        }
        return curve;
    }

    /// <summary>Win rate of the best-scoring tenth divided by the overall win rate (score ties broken by row order).</summary>
    public static double TopDecileLift(ReadOnlySpan<double> scores, ReadOnlySpan<bool> positive)
    {
        var n = scores.Length;
        if (n == 0) return 0;
        var order = Enumerable.Range(0, n).ToArray();
        var keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[b] != keys[a] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        var top = Math.Max(1, (int)Math.Ceiling(n / 10.0));
        int wonTop = 0, won = 0;
        for (var i = 0; i < n; i++)
        {
            if (!positive[order[i]]) continue;
            won++;
            if (i < top) wonTop++;
        }
        return won == 0 ? 0 : (double)wonTop / top / ((double)won / n);
    }

    /// <summary>Two-proportion z statistic (pooled): how distinguishable two win rates are.</summary>
    public static double TwoProportionZ(Proportion a, Proportion b)
    {
        if (a.Trials == 0 || b.Trials == 0) return 0;
        var pooled = (double)(a.Successes + b.Successes) / (a.Trials + b.Trials);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / a.Trials + 1.0 / b.Trials));
        return se == 0 ? 0 : (a.Rate - b.Rate) / se;
    }

    /// <summary>
    /// p-value of the likelihood-ratio (G) test that the win rate is the same in every group; groups with no rows are ignored.
    /// </summary>
    public static double IndependencePValue(IReadOnlyList<Proportion> groups)
    {
        long wins = 0, rows = 0;
        var used = 0;
        foreach (var g in groups)
        {
            if (g.Trials == 0) continue;
            wins += g.Successes;
            rows += g.Trials;
            used++;
        }
        if (used < 2 || wins == 0 || wins == rows) return 1;
        var p = (double)wins / rows;
        double g2 = 0;
        foreach (var g in groups)
        {
            if (g.Trials == 0) continue;
            g2 += Term(g.Successes, g.Trials * p) + Term(g.Trials - g.Successes, g.Trials * (1 - p));
        }
        return ChiSquareSurvival(2 * g2, used - 1);

        static double Term(double observed, double expected) => observed == 0 ? 0 : observed * Math.Log(observed / expected);
    }

    /// <summary>"p=0.042", or "p&lt;0.001" below that (more digits would claim a precision the test does not have).</summary>
    public static string FormatP(double p) => p < 0.001 ? "p<0.001" : "p=" + p.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>P(X ≥ x) for a chi-square variable with <paramref name="degrees"/> degrees of freedom.</summary>
    public static double ChiSquareSurvival(double x, int degrees) => x <= 0 ? 1 : UpperRegularisedGamma(degrees / 2.0, x / 2);

    // Numerical Recipes' gammq: a series below a + 1, a continued fraction above.
    private static double UpperRegularisedGamma(double a, double x)
    {
        if (x < a + 1)
        {
            double sum = 1 / a, term = sum, ap = a;
            for (var i = 0; i < 500 && Math.Abs(term) > Math.Abs(sum) * 1e-15; i++)
            {
                ap++;
                term *= x / ap;
                sum += term;
            }
            return Math.Max(0, 1 - sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a)));
        }
        double b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d;
        for (var i = 1; i < 500; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < 1e-300) d = 1e-300;
            c = b + an / c;
            if (Math.Abs(c) < 1e-300) c = 1e-300;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }

    // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for a > 0.
    private static double LogGamma(double a)
    {
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        var x = a - 1;
        var sum = c[0];
        for (var i = 1; i < 9; i++) sum += c[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
