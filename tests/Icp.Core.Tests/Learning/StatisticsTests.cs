using Icp.Core.Learning;

namespace Icp.Core.Tests.Learning;

public sealed class StatisticsTests
{
    [Fact]
    public void Wilson_interval_of_no_wins_in_30_reaches_about_11_percent()
    {
        var (low, high) = new Proportion(0, 30).Interval;
        Assert.Equal(0, low);
        Assert.Equal(0.1135, high, 3);
    }

    [Fact]
    public void Wilson_interval_matches_the_textbook_value_for_half()
    {
        var (low, high) = new Proportion(50, 100).Interval;
        Assert.Equal(0.4038, low, 3);
        Assert.Equal(0.5962, high, 3);
    }

    [Fact]
    public void Auc_counts_ties_as_half()
    {
        Assert.Equal(1.0, Statistics.Auc([1, 2, 3, 4], [false, false, true, true]));
        Assert.Equal(0.0, Statistics.Auc([4, 3, 2, 1], [false, false, true, true]));
        Assert.Equal(0.5, Statistics.Auc([1, 1, 1, 1], [false, true, false, true]));
        Assert.Equal(0.875, Statistics.Auc([1, 2, 2, 3], [false, true, false, true])); // 3 pairs won, 1 tied, of 4
    }

    [Fact]
    public void Chi_square_survival_gives_the_familiar_critical_values()
    {
        Assert.Equal(0.05, Statistics.ChiSquareSurvival(3.841459, 1), 5);
        Assert.Equal(0.01, Statistics.ChiSquareSurvival(21.66599, 9), 5);
        Assert.Equal(0.05, Statistics.ChiSquareSurvival(124.3421, 100), 5);
    }

    [Fact]
    public void Equal_win_rates_are_independent_and_very_different_ones_are_not()
    {
        Assert.Equal(1, Statistics.IndependencePValue([new(30, 100), new(30, 100)]), 6);
        Assert.True(Statistics.IndependencePValue([new(10, 100), new(60, 100)]) < 1e-6);
    }

    [Fact]
    public void Top_decile_lift_is_the_top_tenth_win_rate_over_the_base_rate()
    {
        double[] scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
        bool[] won = [true, false, false, false, true, false, false, false, false, false];
        Assert.Equal(5.0, Statistics.TopDecileLift(scores, won), 6); // 1 of 1 in the top tenth, 2 of 10 overall
    }

    [Fact]
    public void Logistic_regression_recovers_a_known_log_odds_ratio()
    {
        // Feature on: 80 wins of 100 (log-odds ln 4); off: 20 of 100 (ln 1/4). No ridge: the exact maximum-likelihood fit.
        var rows = new List<int[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 100; i++) { rows.Add([0]); labels.Add(i < 80); }
        for (var i = 0; i < 100; i++) { rows.Add([]); labels.Add(i < 20); }
        var (weights, intercept) = LogisticRegression.Fit(rows, labels, 1, ridge: 0);
        Assert.Equal(Math.Log(0.25), intercept, 6);
        Assert.Equal(Math.Log(16), weights[0], 6);
    }
}
