using Icp.Core.Scoring;
using Icp.TestSupport;

namespace Icp.Core.Tests.Scoring;

public sealed class DataIssuesTests
{
    private static readonly string ProfileText = """
        icp: t
        signals:
          - employees: { gte: 100 }
            points: 10
          - employees: { lte: 1000 }
            points: 10
          - founded: { within: 5 years }
            points: 10
          - hiring: true
            points: 10
        """;

    private static readonly string[] Columns = ["employees", "founded", "hiring"];

    [Fact]
    public void Unparsable_values_are_counted_per_field_with_their_line_numbers()
    {
        var plan = ScoringPlan.Create([Some.Profile(ProfileText)], Columns, "data.csv", Score.Options());
        var scorer = plan.CreateScorer();
        var input = Table.Of(Columns,
            ["500", "2024-01-01", "yes"],
            ["lots", "2024-01-01", "yes"],
            ["1,000", "someday", "yes"],
            ["n/a", "2024", "perhaps"],
            ["", "", ""]);

        scorer.Score(input, plan.CreateOutputBatch(input.Count), new RowVerdict[input.Count]);

        var entries = scorer.Issues.Entries.Select(e => (e.Field, e.Problem, e.Count, string.Join(",", e.FirstLines))).ToList();
        Assert.Equal(
            [("employees", "not a number", 2L, "3,5"), ("founded", "not a date", 1L, "4"), ("hiring", "not true or false", 1L, "5")],
            entries);
        Assert.Equal(4, scorer.Issues.Total);
    }

    [Fact]
    public void A_field_used_by_several_signals_is_counted_once_per_row()
    {
        var plan = ScoringPlan.Create([Some.Profile(ProfileText)], Columns, "data.csv", Score.Options());
        var scorer = plan.CreateScorer();
        var input = Table.Of(Columns, ["lots", "2024-01-01", "yes"]);

        scorer.Score(input, plan.CreateOutputBatch(1), new RowVerdict[1]);

        Assert.Equal(1, scorer.Issues.Entries.Single().Count);
    }

    [Fact]
    public void Only_the_first_five_lines_are_kept()
    {
        var issues = new DataIssues();
        for (var line = 10; line > 0; line--) issues.Record("x", "not a number", line);

        var entry = issues.Entries.Single();
        Assert.Equal(10, entry.Count);
        Assert.Equal([10, 9, 8, 7, 6], entry.FirstLines);
    }

    [Fact]
    public void Merging_adds_counts_and_keeps_the_earliest_lines()
    {
        var a = new DataIssues();
        var b = new DataIssues();
        foreach (var line in new[] { 4, 8, 12 }) a.Record("x", "not a number", line);
        foreach (var line in new[] { 2, 6, 10, 14 }) b.Record("x", "not a number", line);
        b.Record("y", "not a date", 3);

        a.Merge(b);

        Assert.Equal(8, a.Total);
        Assert.Equal([2, 4, 6, 8, 10], a.Entries.First(e => e.Field == "x").FirstLines);
        Assert.Equal([3], a.Entries.First(e => e.Field == "y").FirstLines);
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_unparsable_value_naming_line_and_field()
    {
        var plan = ScoringPlan.Create([Some.Profile(ProfileText)], Columns, "data.csv", Score.Options(strict: true));
        var input = Table.Of(Columns, ["500", "2024-01-01", "yes"], ["lots", "2024-01-01", "yes"]);

        var e = Assert.Throws<InputException>(() => plan.CreateScorer().Score(input, plan.CreateOutputBatch(2), new RowVerdict[2]));

        Assert.Equal("'lots' in column of field 'employees' is not a number (--strict)", e.Message);
        Assert.Equal(new SourceLocation("data.csv", 3, 0, "employees"), e.Location);
        Assert.Equal("data.csv:3 (field 'employees'): 'lots' in column of field 'employees' is not a number (--strict)", e.Describe());
    }

    [Fact]
    public void Strict_mode_accepts_missing_values()
    {
        var plan = ScoringPlan.Create([Some.Profile(ProfileText)], Columns, "data.csv", Score.Options(strict: true));

        var rows = Score.Batch(plan, Table.Of(Columns, ["", "", ""], ["500", "2024", "no"]));

        Assert.Equal([0, 75], rows.Select(r => r.Score));
    }
}
