using Icp.Core.Learning;

namespace Icp.Core.Tests.Learning;

/// <summary>The fitted mapping from score to win probability: rising, covering 0-100, in steps big enough to mean something.</summary>
public sealed class CalibrationTests
{
    private static (double[] Scores, bool[] Labels) Rows(params (int Score, int Rows, int Wins)[] groups)
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        foreach (var (score, rows, wins) in groups)
            for (var i = 0; i < rows; i++) { scores.Add(score); labels.Add(i < wins); }
        return ([.. scores], [.. labels]);
    }

    [Fact]
    public void A_score_whose_win_rate_falls_is_pooled_with_the_one_below()
    {
        // 40 wins 60% but 60 only 40%: isotonic regression pools them at 50%.
        var (scores, labels) = Rows((10, 100, 10), (40, 100, 60), (60, 100, 40), (90, 100, 90));
        var steps = Calibration.Fit(scores, labels);
        Assert.Equal([(0, 39, 0.1), (40, 89, 0.5), (90, 100, 0.9)], steps.Select(s => (s.MinScore, s.MaxScore, s.WinRate.Rate)));
        Assert.Equal(200, steps[1].WinRate.Trials);
    }

    [Fact]
    public void Excluded_rows_are_left_out_and_small_steps_join_the_neighbour_nearest_in_rate()
    {
        // Score 50 holds 5 rows: below the minimum step, it joins 30 (rate 0.3), nearer its own 0.4 than 80's 0.9.
        var (scores, labels) = Rows((-1, 50, 0), (30, 100, 30), (50, 5, 2), (80, 100, 90));
        var steps = Calibration.Fit(scores, labels);
        Assert.Equal(2, steps.Count);
        Assert.Equal((0, 79, 105, 32), (steps[0].MinScore, steps[0].MaxScore, steps[0].WinRate.Trials, steps[0].WinRate.Successes));
        Assert.Equal((80, 100), (steps[1].MinScore, steps[1].MaxScore));
        Assert.Equal("0-79: 30.5%, 80-100: 90.0%", Calibration.Describe(steps));
    }

    [Fact]
    public void At_most_ten_steps_each_with_a_tenth_of_the_rows()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 5000).Select(_ => (double)random.Next(101)).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s / 100).ToArray();
        var steps = Calibration.Fit(scores, labels);
        Assert.InRange(steps.Count, 2, 10);
        Assert.All(steps, s => Assert.True(s.WinRate.Trials >= 500, $"{s.MinScore}-{s.MaxScore} holds {s.WinRate.Trials} rows"));
        Assert.Equal(5000, steps.Sum(s => s.WinRate.Trials));
        for (var i = 1; i < steps.Count; i++) Assert.True(steps[i].WinRate.Rate > steps[i - 1].WinRate.Rate);
    }
}
