using FsCheck;
using FsCheck.Fluent;
using Icp.Core.Reporting;

namespace Icp.Core.Tests.Reporting;

/// <summary>The statistics behind <c>icp report</c>, against published values and an independent computation (Python's math.erfc).</summary>
public sealed class StatisticsTests
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure.WithReplay(0x5EED_2026UL, 0x9E37_79B9_7F4A_7C15UL).WithMaxTest(200);

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.5, 0.0004069520174449589)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_matches_reference_values_to_relative_precision(double x, double expected) =>
        Assert.Equal(1, StandardNormal.Erfc(x) / expected, 12);

    [Fact]
    public void Normal_cdf_gives_the_familiar_quantiles()
    {
        Assert.Equal(0.9750021048517795, StandardNormal.Cdf(1.96), 14);
        Assert.Equal(0.5, StandardNormal.Cdf(0), 15);
        Assert.Equal(1, StandardNormal.UpperTail(6) / 9.865876450377012e-10, 12);
        Assert.Equal(0.05, StandardNormal.TwoSidedP(StandardNormal.Z95), 12);
    }

    [Theory] // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (Wilson).
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_Newcombe(long successes, long trials, double low, double high)
    {
        var p = Proportion.Wilson(successes, trials);
        Assert.Equal(low, p.Low, 4);
        Assert.Equal(high, p.High, 4);
    }

    [Fact]
    public void Wilson_interval_always_holds_the_rate_and_stays_in_zero_to_one() =>
        Prop.ForAll(Gen.Choose(1, 5000).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n))).ToArbitrary(), t =>
        {
            var p = Proportion.Wilson(t.x, t.n);
            return p.Low >= 0 && p.High <= 1 && p.Low <= p.Value && p.Value <= p.High;
        }).Check(Fixed);

    [Fact]
    public void Two_proportion_test_matches_the_pooled_z_statistic()
    {
        var r = Significance.TwoProportion(41, 100, 18, 100);
        Assert.Equal(3.5662129415614876, r.Z, 12);
        Assert.Equal(0.00036217712142079024, r.P, 14);
        Assert.Equal(-r.Z, Significance.TwoProportion(18, 100, 41, 100).Z, 12);
    }

    [Fact]
    public void Two_proportion_test_with_one_outcome_class_has_no_answer()
    {
        Assert.True(double.IsNaN(Significance.TwoProportion(10, 10, 20, 20).P));
        Assert.True(double.IsNaN(Significance.TwoProportion(0, 10, 0, 20).P));
    }

    [Fact]
    public void Mann_whitney_matches_the_scipy_documentation_example()
    {
        // SciPy mannwhitneyu docs: males vs females, method="asymptotic" → statistic 17.0, p 0.11134688653314041.
        var r = Significance.MannWhitney([19, 22, 16, 29, 24], [20, 11, 17, 12]);
        Assert.Equal(17, r.Statistic);
        Assert.Equal(0.11134688653314041, r.P, 12);
    }

    [Fact]
    public void Mann_whitney_corrects_for_ties()
    {
        // Reference: U counted over all pairs, variance with the tie term, continuity 0.5 (computed independently in Python).
        var r = Significance.MannWhitney([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 4, 4, 5, 5, 6, 7, 7]);
        Assert.Equal(13.5, r.Statistic);
        Assert.Equal(-2.147431348925186, r.Z, 12);
        Assert.Equal(0.031758957148063746, r.P, 12);
    }

    [Fact]
    public void Mann_whitney_u_counts_pairs_where_the_first_group_is_larger() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 20)).ToArbitrary(), Gen.ListOf(Gen.Choose(0, 20)).ToArbitrary(), (a, b) =>
        {
            if (a.Count == 0 || b.Count == 0) return true;
            double[] x = [.. a.Select(v => (double)v)], y = [.. b.Select(v => (double)v)];
            var pairs = x.Sum(u => y.Sum(v => u > v ? 1.0 : u == v ? 0.5 : 0));
            return Significance.MannWhitney(x, y).Statistic == pairs;
        }).Check(Fixed);

    [Fact]
    public void Median_takes_the_middle_or_the_mean_of_the_middle_two()
    {
        Assert.Equal(3, Descriptive.Median([5, 1, 3]));
        Assert.Equal(2.5, Descriptive.Median([4, 1, 3, 2]));
        Assert.True(double.IsNaN(Descriptive.Median([])));
    }

    [Fact]
    public void Population_stability_sums_share_differences_times_their_log_ratio()
    {
        // (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5)
        Assert.Equal(0.25 * Math.Log(2) + 0.25 * Math.Log(1.5), Descriptive.PopulationStability([50, 50], [25, 75]), 12);
        Assert.Equal(0, Descriptive.PopulationStability([10, 20, 30], [20, 40, 60]), 12);
        // An empty bin counts as a share of 0.0001, so the index stays finite.
        Assert.Equal((0.5 - 0.0001) * Math.Log(0.5 / 0.0001) + (0.5 - 1) * Math.Log(0.5), Descriptive.PopulationStability([0, 10], [5, 5]), 12);
    }
}
