using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>unknown: neutral leaves missing values out; unknown: no_match counts them as not holding.</summary>
public sealed class UnknownPolicyTests
{
    private static string ProfileWith(string unknown) => $$"""
        icp: t
        unknown: {{unknown}}
        must:
          - country: [US, CA]
        exclude:
          - industry: Government
            reason: slow procurement
        signals:
          - industry: Software
            points: 10
          - employees: { between: [200, 1000] }
            points: 10
        """;

    private static readonly string[] Columns = ["country", "industry", "employees"];

    [Fact]
    public void Neutral_leaves_a_signal_on_a_missing_value_out_of_the_score()
    {
        var rows = Score.Rows(Some.Profile(ProfileWith("neutral")), Columns, ["US", "Software", ""]);

        Assert.Equal(100, rows[0].Score);
    }

    [Fact]
    public void No_match_keeps_the_points_of_a_signal_on_a_missing_value_available()
    {
        var rows = Score.Rows(Some.Profile(ProfileWith("no_match")), Columns, ["US", "Software", ""]);

        Assert.Equal(50, rows[0].Score);
        Assert.Equal("+10 industry=Software", rows[0].Reasons);
    }

    [Fact]
    public void Neutral_does_not_exclude_on_a_missing_hard_filter_value()
    {
        var rows = Score.Rows(Some.Profile(ProfileWith("neutral")), Columns, ["", "Software", "500"]);

        Assert.False(rows[0].Excluded);
        Assert.Equal(100, rows[0].Score);
    }

    [Fact]
    public void No_match_excludes_on_a_missing_hard_filter_value()
    {
        var rows = Score.Rows(Some.Profile(ProfileWith("no_match")), Columns, ["", "Software", "500"]);

        Assert.True(rows[0].Excluded);
        Assert.Equal(0, rows[0].Score);
        Assert.Equal("excluded", rows[0].Tier);
        Assert.Equal("excluded: unknown country", rows[0].Reasons);
    }

    [Theory]
    [InlineData("neutral")]
    [InlineData("no_match")]
    public void A_disqualifier_on_a_missing_value_never_excludes(string unknown)
    {
        var rows = Score.Rows(Some.Profile(ProfileWith(unknown)), Columns, ["US", "", "500"]);

        Assert.False(rows[0].Excluded);
    }

    [Fact]
    public void An_unparsable_value_counts_as_missing()
    {
        var neutral = Score.Rows(Some.Profile(ProfileWith("neutral")), Columns, ["US", "Software", "lots"]);
        var noMatch = Score.Rows(Some.Profile(ProfileWith("no_match")), Columns, ["US", "Software", "lots"]);

        Assert.Equal(100, neutral[0].Score);
        Assert.Equal(50, noMatch[0].Score);
    }

    [Fact]
    public void An_any_of_that_is_unknown_is_left_out_under_neutral()
    {
        var profile = Some.Profile("""
            icp: t
            signals:
              - any_of: [{ funded: { within: 1 year } }, { hiring: true }]
                points: 20
              - industry: Software
                points: 20
            """);

        var rows = Score.Rows(profile, ["funded", "hiring", "industry"], ["", "no", "Software"], ["", "yes", "Software"], ["2010", "no", "Software"]);

        Assert.Equal([100, 100, 50], rows.Select(r => r.Score));
    }
}
