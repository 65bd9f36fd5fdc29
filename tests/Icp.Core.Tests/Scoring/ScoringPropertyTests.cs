using FsCheck;
using FsCheck.Fluent;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

/// <summary>Invariants over random profiles and rows, from a fixed seed so every run checks the same cases.</summary>
public sealed class ScoringPropertyTests
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure.WithReplay(0x1CE_2025UL, 0x9E37_79B9_7F4A_7C15UL).WithMaxTest(150);

    private static readonly string[] SignalCatalogue =
    [
        "industry: { in: [Software, Fintech] }",
        "industry: Retail",
        "employees: { between: [50, 500] }",
        "employees: { gte: 1000 }",
        "employees: { lt: 20 }",
        "tech: { any: [Salesforce, HubSpot] }",
        "tech: { all: [Salesforce, Slack] }",
        "tech: { none: [Oracle] }",
        "founded: { within: 2 years }",
        "founded: { older_than: 10 years }",
        "hiring: true",
        "website: { exists: true }",
        "any_of: [{ industry: Fintech }, { hiring: true }]",
        "not: { country: US }",
        "all_of: [{ country: [US, CA] }, { employees: { gte: 100 } }]",
        "title: { matches: \"(?i)cfo\" }",
    ];

    private static readonly string[] MustCatalogue = ["country: [US, CA, GB]", "employees: { gte: 10 }", "website: { exists: true }"];
    private static readonly string[] ExcludeCatalogue = ["industry: Government", "employees: { gt: 100000 }"];

    private static readonly string[] Columns = ["country", "industry", "employees", "tech", "founded", "hiring", "website", "title", "marker"];

    private static readonly string[][] Values =
    [
        ["US", "CA", "FR", "", " us "],
        ["Software", "Fintech", "Retail", "Government", "", "software"],
        ["5", "50", "150", "1,500", "200000", "", "lots"],
        ["Salesforce; Slack", "[\"HubSpot\"]", "Oracle", "", "slack"],
        ["2024-05-01", "2010", "2025-12-01", "", "someday"],
        ["yes", "no", "", "maybe"],
        ["acme.com", ""],
        ["CFO", "Engineer", ""],
        ["yes"],
    ];

    /// <summary>A random profile: signals drawn from a catalogue with random points, groups and caps.</summary>
    public sealed record ProfileSpec(
        IReadOnlyList<(int Criterion, int Points, int Group)> Signals, IReadOnlyList<string> Must, IReadOnlyList<string> Exclude,
        bool NoMatch, int Cap1, int Cap2)
    {
        public string Yaml(string? extraSignal = null)
        {
            var lines = new List<string> { "icp: random", $"unknown: {(NoMatch ? "no_match" : "neutral")}" };
            if (Must.Count > 0) lines.AddRange(["must:", .. Must.Select(m => "  - " + m)]);
            if (Exclude.Count > 0) lines.AddRange(["exclude:", .. Exclude.SelectMany(e => new[] { "  - " + e, "    reason: random" })]);
            lines.Add("signals:");
            foreach (var (criterion, points, group) in Signals)
            {
                lines.Add("  - " + SignalCatalogue[criterion]);
                lines.Add($"    points: {points}");
                if (group > 0) lines.Add($"    group: g{group}");
            }
            if (extraSignal is not null) lines.Add(extraSignal);
            var caps = new[] { (1, Cap1), (2, Cap2) }.Where(c => c.Item2 > 0 && Signals.Any(s => s.Group == c.Item1)).ToList();
            if (caps.Count > 0) lines.AddRange(["groups:", .. caps.Select(c => $"  g{c.Item1}: {{ cap: {c.Item2} }}")]);
            return string.Join("\n", lines) + "\n";
        }

        public Profile Profile(string? extraSignal = null) => Some.Profile(Yaml(extraSignal));

        public override string ToString() => Yaml();
    }

    private static readonly Gen<ProfileSpec> Profiles =
        from criteria in Gen.NonEmptyListOf(Gen.Choose(0, SignalCatalogue.Length - 1)).Select(l => l.Distinct().ToList())
        from points in Gen.ArrayOf(Gen.Choose(-40, 60), criteria.Count)
        from groups in Gen.ArrayOf(Gen.Choose(0, 2), criteria.Count)
        from must in Gen.SubListOf(MustCatalogue)
        from exclude in Gen.SubListOf(ExcludeCatalogue)
        from noMatch in Gen.Elements(true, false)
        from cap1 in Gen.Choose(0, 50)
        from cap2 in Gen.Choose(0, 50)
        select new ProfileSpec([.. criteria.Select((c, i) => (c, points[i], groups[i]))], [.. must], [.. exclude], noMatch, cap1, cap2);

    private static readonly Gen<string[]> Row = Gen.CollectToArray(Values.Select(v => Gen.Elements(v)));

    private static readonly Gen<string[][]> Rows = Gen.NonEmptyListOf(Row).Select(r => r.ToArray());

    private static IReadOnlyList<ScoredRow> ScoreAll(IReadOnlyList<Profile> profiles, string[][] rows) =>
        Score.Rows(profiles, Columns, rows, Score.Options());

    [Fact]
    public void A_score_is_always_between_0_and_100_and_an_excluded_row_scores_0()
    {
        Prop.ForAll(Profiles.Zip(Rows).ToArbitrary(), ((ProfileSpec Spec, string[][] Rows) c) =>
        {
            var profile = c.Spec.Profile();
            foreach (var row in ScoreAll([profile], c.Rows))
            {
                Assert.InRange(row.Score, 0, 100);
                if (row.Excluded) Assert.Equal((0, "excluded"), (row.Score, row.Tier));
                else Assert.Equal(profile.Tiers.TierFor(row.Score), row.Tier);
                foreach (var group in profile.Groups)
                    if (row[$"icp_{group.Name}"] is { Length: > 0 } sub) Assert.InRange(int.Parse(sub, System.Globalization.CultureInfo.InvariantCulture), 0, 100);
            }
        }).Check(Fixed);
    }

    [Fact]
    public void Adding_a_signal_that_holds_with_positive_points_never_lowers_a_score()
    {
        var extra = from points in Gen.Choose(1, 100)
                    from groupName in Gen.Elements("", "g1", "g2", "g3")
                    select (points, groupName);

        Prop.ForAll(Profiles.Zip(Rows).Zip(extra).ToArbitrary(), (((ProfileSpec Spec, string[][] Rows) Case, (int Points, string Group) Extra) c) =>
        {
            var signal = $"  - marker: yes\n    points: {c.Extra.Points}" + (c.Extra.Group.Length > 0 ? $"\n    group: {c.Extra.Group}" : "");
            var before = ScoreAll([c.Case.Spec.Profile()], c.Case.Rows);
            var after = ScoreAll([c.Case.Spec.Profile(signal)], c.Case.Rows);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.Equal(before[i].Excluded, after[i].Excluded);
                Assert.True(after[i].Score >= before[i].Score,
                    $"row {i} ({string.Join(", ", c.Case.Rows[i])}): {before[i].Score} -> {after[i].Score}");
            }
        }).Check(Fixed);
    }

    [Fact]
    public void The_order_of_rows_never_changes_a_row_s_result()
    {
        var other = Some.Profile("""
            icp: other
            must:
              - employees: { gte: 100 }
            signals:
              - tech: { any: [Salesforce] }
                points: 30
                group: g1
              - industry: Software
                points: 20
            """);
        var cases = from spec in Profiles
                    from rows in Rows
                    from order in Gen.Shuffle(Enumerable.Range(0, rows.Length))
                    from twoProfiles in Gen.Elements(true, false)
                    select (spec, rows, order, twoProfiles);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            IReadOnlyList<Profile> profiles = c.twoProfiles ? [c.spec.Profile(), other] : [c.spec.Profile()];
            var inOrder = ScoreAll(profiles, c.rows);
            var shuffled = ScoreAll(profiles, [.. c.order.Select(i => c.rows[i])]);
            for (var k = 0; k < c.order.Length; k++)
            {
                var original = inOrder[c.order[k]];
                Assert.Equal(original.Verdict, shuffled[k].Verdict);
                Assert.Equal(original.Columns, shuffled[k].Columns);
            }
        }).Check(Fixed);
    }

    [Fact]
    public void Every_generated_profile_loads()
    {
        Prop.ForAll(Profiles.ToArbitrary(), spec => Some.Load(spec.Yaml()).Succeeded).Check(Fixed);
    }
}
