using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>score = round(100 × Σ earned / Σ available), half away from zero, clamped to 0-100.</summary>
public sealed class ScoreFormulaTests
{
    /// <summary>Two signals: <c>a</c> holds (worth <paramref name="held"/>), <c>b</c> does not (worth <paramref name="missed"/>).</summary>
    private static int ScoreOf(int held, int missed)
    {
        var profile = Some.Profile($"icp: t\nsignals:\n  - a: yes\n    points: {held}\n  - b: yes\n    points: {missed}\n");
        return Score.Row(profile, ("a", "yes"), ("b", "no")).Score;
    }

    [Theory]
    [InlineData(1, 7, 13)]      // 12.5 rounds up
    [InlineData(3, 5, 38)]      // 37.5 rounds up
    [InlineData(1, 199, 1)]     // 0.5 rounds up
    [InlineData(1, 399, 0)]     // 0.25 rounds down
    [InlineData(199, 1, 100)]   // 99.5 rounds up to 100
    [InlineData(1, 2, 33)]
    [InlineData(2, 1, 67)]
    [InlineData(25, 75, 25)]
    [InlineData(999, 1000, 50)] // 49.97
    public void Score_is_the_share_of_available_points_rounded_half_away_from_zero(int held, int missed, int expected) =>
        Assert.Equal(expected, ScoreOf(held, missed));

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 8, 13)]
    [InlineData(1, 200, 1)]
    [InlineData(1, 400, 0)]
    [InlineData(3, 8, 38)]
    [InlineData(5, 8, 63)]
    [InlineData(7, 8, 88)]
    [InlineData(8, 8, 100)]
    [InlineData(-5, 8, 0)]
    [InlineData(9, 8, 100)]
    public void Percent_uses_exact_integer_arithmetic(long earned, long available, int expected) =>
        Assert.Equal(expected, FitEvaluator.Percent(earned, available));

    [Fact]
    public void Negative_points_subtract_but_are_never_available()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 20
              - country: FR
                points: -10
            """);

        var rows = Score.Rows(profile, ["industry", "country"], ["Software", "FR"], ["Software", "US"], ["Retail", "FR"]);

        Assert.Equal([50, 100, 0], rows.Select(r => r.Score));
        Assert.Equal("+20 industry=Software; -10 country=FR", rows[0].Reasons);
        Assert.Equal("-10 country=FR", rows[2].Reasons);
    }

    [Fact]
    public void A_score_that_would_go_below_0_is_clamped_to_0()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 10
              - country: FR
                points: -50
            """);

        var row = Score.Row(profile, ("industry", "Software"), ("country", "FR"));

        Assert.Equal(0, row.Score);
        Assert.False(row.Excluded);
        Assert.Equal("D", row.Tier);
    }

    [Fact]
    public void Nothing_available_scores_0()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - industry: Software
                points: 10
            """);

        var row = Score.Row(profile, ("industry", ""));

        Assert.Equal(0, row.Score);
        Assert.Equal("", row.Reasons);
    }
}
