using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>With a primary and a secondary profile each row is labelled with the better fit.</summary>
public sealed class TwoProfileTests
{
    private static readonly Profile Smb = Some.Profile("""
        icp: smb
        must:
          - employees: { lt: 5000 }
        signals:
          - employees: { between: [10, 200] }
            points: 10
          - industry: Software
            points: 10
            group: fit
        """);

    private static readonly Profile Enterprise = Some.Profile("""
        icp: enterprise
        must:
          - employees: { gte: 1000 }
        signals:
          - employees: { gte: 5000 }
            points: 10
          - industry: Software
            points: 10
        """);

    private static readonly string[] Columns = ["employees", "industry"];

    private static IReadOnlyList<ScoredRow> ScoreBoth(params string[][] rows) =>
        Score.Rows([Smb, Enterprise], Columns, rows, Score.Options());

    [Fact]
    public void The_plan_adds_the_profile_column_and_each_profile_score()
    {
        var plan = ScoringPlan.Create([Smb, Enterprise], Columns, "data.csv", Score.Options());

        Assert.Equal(["icp_score", "icp_tier", "icp_excluded", "icp_reasons", "icp_profile", "icp_score_smb", "icp_score_enterprise", "icp_fit"], plan.ExtraColumns);
    }

    [Fact]
    public void The_better_fit_wins()
    {
        var rows = ScoreBoth(["100", "Retail"], ["3000", "Retail"]);

        // 100 employees: smb 10/20 = 50, enterprise excluded.  3000: smb 0/20, enterprise 0/20 -> tie.
        Assert.Equal(("smb", 50, "50", "0"), (rows[0]["icp_profile"], rows[0].Score, rows[0]["icp_score_smb"], rows[0]["icp_score_enterprise"]));
        Assert.Equal(0, rows[0].Verdict.Profile);
    }

    [Fact]
    public void A_higher_secondary_score_wins_and_reports_its_own_reasons_and_tier()
    {
        var row = ScoreBoth(["6000", "Software"])[0];

        // smb excludes 6000 employees; enterprise: 20/20.
        Assert.Equal("enterprise", row["icp_profile"]);
        Assert.Equal(100, row.Score);
        Assert.Equal("A", row.Tier);
        Assert.Equal("+10 employees=6000; +10 industry=Software", row.Reasons);
        Assert.Equal(("0", "100"), (row["icp_score_smb"], row["icp_score_enterprise"]));
        Assert.Equal(1, row.Verdict.Profile);
    }

    [Fact]
    public void A_higher_secondary_score_wins_when_neither_excludes()
    {
        var smb = Some.Profile("icp: smb\nsignals:\n  - industry: Software\n    points: 10\n  - employees: { lt: 100 }\n    points: 10\n");
        var mid = Some.Profile("icp: mid\nsignals:\n  - industry: Software\n    points: 10\n  - employees: { gte: 100 }\n    points: 10\n");

        var rows = Score.Rows([smb, mid], Columns, [["500", "Software"], ["50", "Software"]], Score.Options());

        Assert.Equal([("mid", 100), ("smb", 100)], rows.Select(r => (r["icp_profile"], r.Score)));
        Assert.Equal(("50", "100"), (rows[0]["icp_score_smb"], rows[0]["icp_score_mid"]));
    }

    [Fact]
    public void An_excluded_profile_loses_to_one_that_does_not_exclude()
    {
        var rows = ScoreBoth(["6000", "Retail"]);

        // smb excludes 6000 employees; enterprise: 10/20.
        Assert.Equal(("enterprise", 50, false, "B"), (rows[0]["icp_profile"], rows[0].Score, rows[0].Excluded, rows[0].Tier));
    }

    [Fact]
    public void An_excluded_primary_loses_even_to_a_secondary_scoring_0()
    {
        var big = Some.Profile("""
            icp: big
            must:
              - employees: { gte: 1000 }
            signals:
              - industry: Software
                points: 10
            """);

        var row = Score.Rows([Smb, big], Columns, [["6000", "Retail"]], Score.Options())[0];

        Assert.Equal(("big", 0, false, "D"), (row["icp_profile"], row.Score, row.Excluded, row.Tier));
    }

    [Fact]
    public void A_tie_goes_to_the_primary()
    {
        var row = ScoreBoth(["3000", "Software"])[0];

        Assert.Equal(("smb", 50), (row["icp_profile"], row.Score));
        Assert.Equal(("50", "50"), (row["icp_score_smb"], row["icp_score_enterprise"]));
    }

    [Fact]
    public void When_both_exclude_the_primary_is_reported()
    {
        var a = Some.Profile("icp: a\nunknown: no_match\nmust:\n  - employees: { lt: 5000 }\nsignals:\n  - industry: Software\n    points: 10\n");
        var b = Some.Profile("icp: b\nunknown: no_match\nmust:\n  - employees: { gte: 1000 }\nsignals:\n  - industry: Software\n    points: 10\n");

        var row = Score.Rows([a, b], Columns, [["", "Software"]], Score.Options())[0];

        Assert.Equal(("a", true, "excluded", "excluded: unknown employees"), (row["icp_profile"], row.Excluded, row.Tier, row.Reasons));
        Assert.Equal(("0", "0"), (row["icp_score_a"], row["icp_score_b"]));
    }

    [Fact]
    public void Group_columns_show_the_winning_profile_s_sub_scores()
    {
        var rows = ScoreBoth(["100", "Software"], ["6000", "Software"]);

        Assert.Equal("100", rows[0]["icp_fit"]);
        Assert.Equal("", rows[1]["icp_fit"]); // enterprise won and has no group 'fit'
    }

    [Fact]
    public void Two_profiles_with_the_same_name_are_rejected()
    {
        var e = Assert.Throws<InputException>(() => ScoringPlan.Create([Smb, Smb], Columns, "data.csv", Score.Options()));

        Assert.Equal("both profiles are named 'smb': give the secondary profile its own name", e.Message);
    }

    [Fact]
    public void The_summary_counts_tiers_per_winning_profile()
    {
        var plan = ScoringPlan.Create([Smb, Enterprise], Columns, "data.csv", Score.Options());
        var scorer = plan.CreateScorer();
        var input = Table.Of(Columns, ["100", "Software"], ["6000", "Software"], ["6000", "Retail"], ["3000", "Retail"]);

        scorer.Score(input, plan.CreateOutputBatch(input.Count), new RowVerdict[input.Count]);

        Assert.Equal(4, scorer.Summary.Rows);
        Assert.Equal([2, 2], scorer.Summary.WinnerCounts);
        Assert.Equal(0, scorer.Summary.Excluded);
        Assert.Equal([("A", 2L), ("B", 1L), ("C", 0L), ("D", 1L), ("excluded", 0L)], scorer.Summary.ByTier());
    }
}
