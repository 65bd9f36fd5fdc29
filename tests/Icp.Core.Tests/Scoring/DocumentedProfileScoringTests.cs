using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>The profile from docs/profile-format.md, scored end to end through a <see cref="ScoringPlan"/>.</summary>
public sealed class DocumentedProfileScoringTests
{
    private static readonly string[] Columns = ["name", "country", "Employee Count", "industry", "tech", "last_funding_date", "hiring"];

    private static IReadOnlyList<ScoredRow> ScoreRows(params string[][] rows) =>
        Score.Rows(Some.Profile(Some.DocumentedProfile), Columns, rows);

    [Fact]
    public void The_plan_appends_score_tier_excluded_reasons_and_one_column_per_group()
    {
        var plan = ScoringPlan.Create([Some.Profile(Some.DocumentedProfile)], Columns, "data.csv", Score.Options());

        Assert.Equal(["icp_score", "icp_tier", "icp_excluded", "icp_reasons", "icp_firmographics", "icp_technographics", "icp_triggers"], plan.ExtraColumns);
        Assert.Equal([.. Columns, .. plan.ExtraColumns], plan.OutputColumns);
        Assert.False(plan.HasPersonas);
    }

    [Fact]
    public void A_perfect_fit_scores_100_with_a_capped_group()
    {
        var row = ScoreRows(["acme", "US", "500", "Fintech", "Salesforce; Slack", "2024-09-01", "false"])[0];

        Assert.Equal(100, row.Score);
        Assert.Equal("A", row.Tier);
        Assert.False(row.Excluded);
        Assert.Equal("false", row["icp_excluded"]);
        Assert.Equal("+25 industry=Fintech; +20 employees=500; +15 tech has Salesforce; +20 recently funded or hiring", row.Reasons);
        Assert.Equal(("100", "100", "100"), (row["icp_firmographics"], row["icp_technographics"], row["icp_triggers"]));
    }

    [Fact]
    public void A_group_cap_limits_both_earned_and_available_points()
    {
        // firmographics: 25 of 45 earned, capped at 40 available -> 25/40; technographics 0/15; triggers 20/20.
        var row = ScoreRows(["acme", "US", "150", "Software", "Slack", "", "yes"])[0];

        Assert.Equal(60, row.Score); // (25 + 0 + 20) / (40 + 15 + 20) = 45/75
        Assert.Equal("B", row.Tier);
        Assert.Equal(("63", "0", "100"), (row["icp_firmographics"], row["icp_technographics"], row["icp_triggers"]));
        Assert.Equal("+25 industry=Software; +20 recently funded or hiring", row.Reasons);
    }

    [Fact]
    public void A_group_with_nothing_to_evaluate_has_an_empty_sub_score()
    {
        var row = ScoreRows(["acme", "FR", "150", "Retail", "", "", "no"])[0];

        Assert.Equal(0, row.Score);
        Assert.Equal("D", row.Tier);
        Assert.Equal("-10 country=FR", row.Reasons);
        Assert.Equal(("0", "", ""), (row["icp_firmographics"], row["icp_technographics"], row["icp_triggers"]));
    }

    [Fact]
    public void Excluded_account_reports_the_disqualifier_reason()
    {
        var row = ScoreRows(["gov", "US", "300", "Government", "Salesforce", "2025-01-01", "yes"])[0];

        Assert.True(row.Excluded);
        Assert.Equal(0, row.Score);
        Assert.Equal("excluded", row.Tier);
        Assert.Equal("true", row["icp_excluded"]);
        Assert.Equal("excluded: industry=Government (long procurement cycles, high churn)", row.Reasons);
        Assert.Equal(("", "", ""), (row["icp_firmographics"], row["icp_technographics"], row["icp_triggers"]));
    }

    [Fact]
    public void Excluded_account_reports_every_failed_hard_filter_with_the_row_value()
    {
        var row = ScoreRows(["tiny", "JP", "20", "Software", "", "", ""])[0];

        Assert.True(row.Excluded);
        Assert.Equal("excluded: country=JP (needs country in [US, CA, GB, DE, FR, NL]); excluded: employees=20 (needs employees 50-5000)", row.Reasons);
        Assert.Equal(0, row.Verdict.ExclusionCause);
    }

    [Fact]
    public void The_first_exclusion_cause_counts_hard_filters_then_disqualifiers()
    {
        var plan = ScoringPlan.Create([Some.Profile(Some.DocumentedProfile)], Columns, "data.csv", Score.Options());
        var rows = Score.Batch(plan, Table.Of(Columns,
            ["a", "US", "20", "Software", "", "", ""],
            ["b", "US", "300", "Education", "", "", ""]));

        Assert.Equal([1, 2], rows.Select(r => r.Verdict.ExclusionCause));
        Assert.Equal(
            ["fails country in [US, CA, GB, DE, FR, NL]", "fails employees 50-5000", "industry in [Government, Education] (long procurement cycles, high churn)"],
            plan.Profiles[0].ExclusionCauses);
    }

    [Fact]
    public void Thousands_separators_in_data_numbers_are_understood()
    {
        var row = ScoreRows(["acme", "US", "1,000", "Software", "", "", ""])[0];

        Assert.Equal("+25 industry=Software; +20 employees=1,000", row.Reasons);
    }
}
