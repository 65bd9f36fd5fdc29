using Icp.Core.Learning;

namespace Icp.Core.Tests.Learning;

/// <summary>DeLong's AUC interval and paired test, checked against the pairwise definition computed the slow way.</summary>
public sealed class AucUncertaintyTests
{
    private static (double[] Scores, bool[] Labels) Sample(int rows, int seed, double separation)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.3).ToArray();
        // Integer scores, so ties occur and must count half.
        var scores = labels.Select(l => Math.Round(random.NextDouble() * 10 + (l ? separation : 0))).ToArray();
        return (scores, labels);
    }

    /// <summary>The structural components from every win-loss pair: 1 when the win is scored higher, ½ on a tie.</summary>
    private static (double Auc, double Error) BruteForce(double[] scores, bool[] labels)
    {
        var wins = Enumerable.Range(0, scores.Length).Where(i => labels[i]).ToArray();
        var losses = Enumerable.Range(0, scores.Length).Where(i => !labels[i]).ToArray();
        static double Psi(double win, double loss) => win > loss ? 1 : win == loss ? 0.5 : 0;
        var v10 = wins.Select(i => losses.Average(j => Psi(scores[i], scores[j]))).ToArray();
        var v01 = losses.Select(j => wins.Average(i => Psi(scores[i], scores[j]))).ToArray();
        static double Var(double[] x) => x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Length - 1);
        return (v10.Average(), Math.Sqrt(Var(v10) / v10.Length + Var(v01) / v01.Length));
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(400, 2)]
    public void Interval_matches_the_pairwise_definition(int rows, int seed)
    {
        var (scores, labels) = Sample(rows, seed, separation: 2);
        var (auc, low, high) = AucUncertainty.Interval(scores, labels);
        var (expectedAuc, error) = BruteForce(scores, labels);
        Assert.Equal(expectedAuc, auc, 12);
        Assert.Equal(Math.Max(0, expectedAuc - 1.959964 * error), low, 9);
        Assert.Equal(Math.Min(1, expectedAuc + 1.959964 * error), high, 9);
        Assert.Equal(Statistics.Auc(scores, labels), auc, 12);
    }

    [Fact]
    public void Four_times_the_rows_give_about_half_the_width()
    {
        var (small, smallLabels) = Sample(500, 3, separation: 2);
        var (large, largeLabels) = Sample(2000, 4, separation: 2);
        var (_, lowSmall, highSmall) = AucUncertainty.Interval(small, smallLabels);
        var (_, lowLarge, highLarge) = AucUncertainty.Interval(large, largeLabels);
        Assert.InRange((highLarge - lowLarge) / (highSmall - lowSmall), 0.4, 0.6);
    }

    [Fact]
    public void Paired_test_tells_a_better_model_from_an_equal_one()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.4).ToArray();
        double Noisy(bool won, double signal) => (won ? signal : 0) + random.NextDouble() * 4;
        var good = labels.Select(l => Noisy(l, 2)).ToArray();
        var alsoGood = labels.Select(l => Noisy(l, 2)).ToArray();
        var weak = labels.Select(l => Noisy(l, 0.3)).ToArray();
        Assert.Equal(1, AucUncertainty.DifferencePValue(good, good, labels));
        Assert.True(AucUncertainty.DifferencePValue(good, alsoGood, labels) > 0.05);
        Assert.True(AucUncertainty.DifferencePValue(good, weak, labels) < 1e-6);
    }
}
