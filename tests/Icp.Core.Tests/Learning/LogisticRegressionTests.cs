using Icp.Core.Learning;

namespace Icp.Core.Tests.Learning;

/// <summary>The weighted logistic fit: a row of weight w counts as w copies of it.</summary>
public sealed class LogisticRegressionTests
{
    private static (List<int[]> Rows, List<bool> Labels) Sample()
    {
        var random = new Random(7);
        var rows = new List<int[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 400; i++)
        {
            int[] features = [.. Enumerable.Range(0, 3).Where(_ => random.NextDouble() < 0.5)];
            var p = 1 / (1 + Math.Exp(-(-0.5 + features.Sum(f => f - 0.8))));
            rows.Add(features);
            labels.Add(random.NextDouble() < p);
        }
        return (rows, labels);
    }

    [Fact]
    public void Weights_of_two_equal_duplicating_the_rows()
    {
        var (rows, labels) = Sample();
        var doubled = Enumerable.Range(0, rows.Count).Where(i => i % 3 == 0).ToHashSet();
        var weights = Enumerable.Range(0, rows.Count).Select(i => doubled.Contains(i) ? 2.0 : 1.0).ToArray();
        var weighted = LogisticRegression.Fit(rows, labels, weights, 3, 1.0);
        var copies = Enumerable.Range(0, rows.Count).SelectMany(i => doubled.Contains(i) ? new[] { i, i } : [i]).ToList();
        var duplicated = LogisticRegression.Fit([.. copies.Select(i => rows[i])], [.. copies.Select(i => labels[i])], 3, 1.0);
        for (var f = 0; f < 3; f++) Assert.Equal(duplicated.Weights[f], weighted.Weights[f], 9);
        Assert.Equal(duplicated.Intercept, weighted.Intercept, 9);
    }

    [Fact]
    public void No_weights_and_weights_of_one_are_the_unweighted_fit()
    {
        var (rows, labels) = Sample();
        var plain = LogisticRegression.Fit(rows, labels, 3, 1.0);
        var ones = LogisticRegression.Fit(rows, labels, Enumerable.Repeat(1.0, rows.Count).ToArray(), 3, 1.0);
        Assert.Equal(plain.Weights, ones.Weights);
        Assert.Equal(plain.Intercept, ones.Intercept);
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(rows, labels, [1.0], 3, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogisticRegression.Fit(rows, labels, [.. Enumerable.Repeat(1.0, rows.Count - 1), -1], 3, 1.0));
    }
}
