using Icp.Core.Comparison;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Comparison;

public sealed class ProfileDiffTests
{
    private const string Base = """
        icp: refresh
        version: 1
        must:
          - country: { in: [US, CA] }
        exclude:
          - industry: { in: [Government] }
            reason: slow procurement
        signals:
          - industry: { in: [Software] }
            points: 25
            label: software
          - employees: { between: [50, 500] }
            points: 20
          - tech: { any: [Salesforce] }
            points: 15
        tiers: { A: 75, B: 50 }
        """;

    private static ProfileDiff Diff(string after) => ProfileDiff.Compare(Some.Profile(Base), Some.Profile(after));

    [Fact]
    public void Identical_profiles_have_no_changes() => Assert.Empty(Diff(Base).Changes);

    [Fact]
    public void Changed_points_pair_the_signal_by_its_condition()
    {
        var change = Assert.Single(Diff(Base.Replace("points: 15", "points: 20", StringComparison.Ordinal)).Changes);
        Assert.Equal(("signal", ChangeKind.Changed, "tech has Salesforce", "points +15 → +20"), (change.Section, change.Kind, change.Item, change.What));
        Assert.Equal(("+15 tech has Salesforce", "+20 tech has Salesforce"), (change.Before, change.After));
    }

    [Fact]
    public void A_labelled_signal_keeps_its_identity_when_its_condition_changes()
    {
        var change = Assert.Single(Diff(Base.Replace("in: [Software] }", "in: [Software, Fintech] }", StringComparison.Ordinal)).Changes);
        Assert.Equal(("software", ChangeKind.Changed, "industry list adds Fintech"), (change.Item, change.Kind, change.What));
    }

    [Fact]
    public void A_threshold_edit_on_the_same_field_is_a_change_not_an_add_and_a_remove()
    {
        var change = Assert.Single(Diff(Base.Replace("between: [50, 500]", "between: [100, 1000]", StringComparison.Ordinal)).Changes);
        Assert.Equal((ChangeKind.Changed, "condition employees 50-500 → employees 100-1000"), (change.Kind, change.What));
    }

    [Fact]
    public void New_and_dropped_criteria_are_added_and_removed()
    {
        var after = Base.Replace("""
              - tech: { any: [Salesforce] }
                points: 15
            """, """
              - hiring: { equals: true }
                points: 10
            """, StringComparison.Ordinal).Replace("""
                reason: slow procurement
            """, """
                reason: slow procurement
              - employees: { lt: 10 }
                reason: too small
            """, StringComparison.Ordinal);
        var changes = Diff(after).Changes;

        Assert.Equal([("exclude", ChangeKind.Added, "employees<10"), ("signal", ChangeKind.Removed, "tech has Salesforce"), ("signal", ChangeKind.Added, "hiring")],
            changes.Select(c => (c.Section, c.Kind, c.Item)));
        Assert.Equal("employees<10 (reason: too small)", changes[0].After);
    }

    [Fact]
    public void Reasons_tiers_and_versions_are_compared()
    {
        var after = Base.Replace("version: 1", "version: 2", StringComparison.Ordinal).Replace("slow procurement", "grant-funded", StringComparison.Ordinal)
            .Replace("tiers: { A: 75, B: 50 }", "tiers: { A: 80, B: 50, C: 30 }", StringComparison.Ordinal);
        var changes = Diff(after).Changes;

        Assert.Equal([("profile", "version", "1 → 2"), ("exclude", "industry=Government", "reason slow procurement → grant-funded"), ("tier", "A", ">= 75 → >= 80"), ("tier", "C", "")],
            changes.Select(c => (c.Section, c.Item, c.What.Length > 0 ? c.What : c.Before ?? "")).Take(3).Append((changes[3].Section, changes[3].Item, "")));
        Assert.Equal(ChangeKind.Added, changes[3].Kind);
        Assert.Equal(4, changes.Count);
    }

    [Fact]
    public void Transitions_count_every_row_once_and_keep_examples_of_each_move()
    {
        Profile before = Some.Profile(Base), after = Some.Profile(Base.Replace("in: [US, CA]", "in: [US, DE]", StringComparison.Ordinal));
        string[] columns = ["name", "country", "industry", "employees", "tech"];
        string[][] rows = [["us", "US", "Software", "100", "Salesforce"], ["ca", "CA", "Software", "100", ""], ["de", "DE", "Retail", "100", ""], ["fr", "FR", "Software", "100", ""]];
        var compile = (Profile p) => CompiledProfile.Compile(p, new ColumnResolver(columns, "data.csv"), Score.Options()).CreateEvaluator();
        var (old, proposed) = (compile(before), compile(after));
        var batch = Table.Of(columns, rows);
        var moves = new TierTransitions(before, after, examples: 1);
        for (var r = 0; r < batch.Count; r++) moves.Add(rows[r][0], batch.LineOf(r), old.Evaluate(batch, r), proposed.Evaluate(batch, r));

        Assert.Equal(["A", "B", "D", "excluded"], moves.BeforeTiers);
        Assert.Equal(4, moves.Rows);
        Assert.Equal(1, moves.Counts[0, 0]); // us stays A (60 of 60 points)
        Assert.Equal(1, moves.Counts[0, 3]); // ca: A (45 of 45; no tech, so neutral) leaves the ICP
        Assert.Equal(1, moves.Counts[3, 2]); // de: excluded, then D (20 of 45 = 44)
        Assert.Equal((1L, 1L, 2L), (moves.Entered, moves.Left, moves.ChangedTier));
        Assert.Equal(new RowMove("de", 4, "excluded", 0, "D", 44), Assert.Single(moves.EnteredExamples));
        Assert.Equal(new RowMove("ca", 3, "A", 100, "excluded", 0), Assert.Single(moves.LeftExamples));
        Assert.Equal(1, moves.Counts[3, 3]); // fr excluded by both
    }
}
