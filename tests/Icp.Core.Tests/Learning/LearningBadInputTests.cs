using Icp.Core.Learning;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

/// <summary>Every bad input <c>icp learn</c> can meet gets a message naming the place and what was expected.</summary>
public sealed class LearningBadInputTests
{
    private static readonly string[] Columns = ["company", "industry", "stage"];

    private static LearningData Read(IReadOnlyList<string[]> rows, string outcome = "stage", string[]? positive = null, string[]? exclude = null) =>
        LearningData.Read(Table.Reader(Columns, rows, "deals.csv"), new OutcomeSpec(outcome, positive ?? ["Won"]), exclude ?? []);

    private static string[][] Deals(int count, Func<int, string> stage) =>
        [.. Enumerable.Range(0, count).Select(i => (string[])[$"Co {i}", i % 2 == 0 ? "Fintech" : "Retail", stage(i)])];

    [Fact]
    public void Missing_outcome_column_suggests_the_closest_and_lists_the_columns()
    {
        var e = Assert.Throws<InputException>(() => Read(Deals(10, _ => "Won"), outcome: "stag"));
        Assert.Equal("deals.csv:1: --outcome 'stag' is not a column of deals.csv — did you mean 'stage'?. Columns: company, industry, stage", e.Describe());
    }

    [Fact]
    public void Positive_value_that_never_occurs_lists_the_values_seen()
    {
        var e = Assert.Throws<InputException>(() => Read(Deals(10, i => i < 7 ? "Lost" : "Open"), positive: ["Wonn"]));
        Assert.Contains("--positive Wonn: no row of deals.csv has that value in column 'stage'", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Values seen: Lost (7), Open (3)", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, e.Location!.Column);
    }

    [Fact]
    public void One_class_only_is_refused()
    {
        var e = Assert.Throws<InputException>(() => Read(Deals(10, _ => "won")));
        Assert.Contains("has one class only: all 10 rows with an outcome are positive (won (10))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_column_that_is_always_blank_is_refused()
    {
        var e = Assert.Throws<InputException>(() => Read(Deals(10, _ => "")));
        Assert.Contains("column 'stage' of deals.csv is empty in every row", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_outcomes_are_skipped_and_counted_and_positives_match_case_insensitively()
    {
        var data = Read(Deals(12, i => i % 3 == 0 ? "" : i % 3 == 1 ? " WON " : "Lost"), positive: ["Won", "Closed Won"]);
        Assert.Equal(4, data.BlankOutcomes);
        Assert.Equal(8, data.RowCount);
        Assert.Equal(4, data.Wins);
        Assert.Equal(3, data.Lines[0]); // line 2 had a blank outcome
    }

    [Fact]
    public void With_negative_values_open_outcomes_are_skipped_and_counted()
    {
        var data = LearningData.Read(Table.Reader(Columns, Deals(12, i => (i % 3) switch { 0 => "Won", 1 => "Lost", _ => "Engaging" }), "deals.csv"),
            new OutcomeSpec("stage", ["Won"], ["Lost"]), []);
        Assert.Equal(8, data.RowCount);
        Assert.Equal(4, data.OtherOutcomes);
        Assert.Equal(4, data.Wins);
    }

    [Fact]
    public void A_negative_value_that_never_occurs_lists_the_values_seen()
    {
        var e = Assert.Throws<InputException>(() => LearningData.Read(Table.Reader(Columns, Deals(10, i => i < 5 ? "Won" : "Lost"), "deals.csv"),
            new OutcomeSpec("stage", ["Won"], ["Los"]), []));
        Assert.Equal("deals.csv:1:3 (field 'stage'): --negative Los: no row of deals.csv has that value in column 'stage' — did you mean 'Lost'?. Values seen: Lost (5), Won (5)", e.Describe());
    }

    [Fact]
    public void Unknown_excluded_column_is_named_with_a_suggestion()
    {
        var e = Assert.Throws<InputException>(() => Read(Deals(10, i => i < 5 ? "Won" : "Lost"), exclude: ["industy"]));
        Assert.Contains("--exclude-columns 'industy' is not a column of deals.csv — did you mean 'industry'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_comparison_labels_rates_and_a_text_outcome_under_it_names_its_line()
    {
        var rates = LearningData.Read(Table.Reader(["a", "rate"], [["x", "0.7"], ["y", "0.4"], ["z", "0.6"]]), new OutcomeSpec("rate", [">=0.6"]), []);
        Assert.Equal([true, false, true], rates.Labels);
        var e = Assert.Throws<InputException>(() =>
            LearningData.Read(Table.Reader(["a", "rate"], [["x", "0.7"], ["y", "high"]], "accounts.csv"), new OutcomeSpec("rate", [">=0.6"]), []));
        Assert.Equal("accounts.csv:3:2 (field 'rate'): outcome 'high' is not a number, but --positive >=0.6 compares numbers", e.Describe());
    }

    [Fact]
    public void Fewer_than_five_wins_is_too_few_to_learn_from()
    {
        var data = Read(Deals(40, i => i < 4 ? "Won" : "Lost"));
        var e = Assert.Throws<InputException>(() => LearningRun.Run(data, new LearnOptions(), []));
        Assert.Contains("has 4 wins and 36 losses: learning needs at least 5 of each", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_rows_for_a_hold_out_fall_back_to_cross_validation_and_say_so()
    {
        // 100 deals, 30 wins: a quarter would hold 8 wins. Fintech wins 4 in 5, the rest 2 in 15.
        var data = Read(Deals(100, i => (i % 4 == 0 ? i % 5 != 0 : i % 10 == 1) ? "Won" : "Lost").Select((r, i) => (string[])[r[0], i % 4 == 0 ? "Fintech" : "Retail", r[2]]).ToList());
        var result = LearningRun.Run(data, new LearnOptions(), []);
        Assert.StartsWith("5-fold stratified cross-validation", result.Evaluation.Method, StringComparison.Ordinal);
        Assert.Equal("a 25% hold-out would hold 8 wins and 18 losses, too few to measure: 5-fold cross-validation instead, every row scored by a profile learned without it", result.Evaluation.Note);
        Assert.Equal(100, result.Evaluation.TestRows); // every row scored once, by a profile learned without it
        Assert.Equal("industry", Assert.Single(result.Profile.Signals).Criterion.FieldName);
        Assert.Contains("# Note: a 25% hold-out would hold", result.ProfileYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void All_missing_columns_are_left_out_with_the_reason()
    {
        var rows = PlantedOutcomes.Rows(1000, seed: 2).Select(r => (string[])[.. r, ""]).ToList();
        var data = LearningData.Read(Table.Reader([.. PlantedOutcomes.Columns, "website"], rows), new OutcomeSpec("outcome", ["Won"]), []);
        var result = LearningRun.Run(data, new LearnOptions(), []);
        Assert.Contains(new LeftOutColumn("website", "every value is empty"), result.LeftOut);
        Assert.Contains("#   website: every value is empty", result.ProfileYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_with_nothing_usable_left_is_refused_naming_each_column()
    {
        var data = Read(Deals(20, i => i < 10 ? "Won" : "Lost").Select(r => (string[])[r[0], "", r[2]]).ToList());
        var e = Assert.Throws<InputException>(() => LearningRun.Run(data, new LearnOptions(), []));
        Assert.Equal("deals.csv has no column to learn from: company: ID-like: 100% of values are distinct; industry: every value is empty", e.Message);
    }

    [Fact]
    public void No_column_that_tells_wins_from_losses_writes_nothing_and_says_which_came_closest()
    {
        var data = Read(Deals(40, i => i % 4 < 2 ? "Won" : "Lost")); // industry alternates with i % 2: no information
        var e = Assert.Throws<InputException>(() => LearningRun.Run(data, new LearnOptions(), []));
        Assert.StartsWith("no criterion could be learned from deals.csv: no column tells wins from losses clearly enough, in levels of 10 rows or more (best: industry p=1)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.95)]
    public void Holdout_share_out_of_range_is_refused(double holdout)
    {
        var data = Read(Deals(40, i => i % 3 == 0 ? "Won" : "Lost"));
        var e = Assert.Throws<InputException>(() => LearningRun.Run(data, new LearnOptions(Holdout: holdout), []));
        Assert.StartsWith("--holdout must be above 0 and at most 0.9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_column_gives_a_time_based_hold_out_of_the_most_recent_rows()
    {
        var rows = PlantedOutcomes.Rows(2000, seed: 4).Select((r, i) => (string[])[.. r, new DateOnly(2024, 1, 1).AddDays(i / 10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var data = LearningData.Read(Table.Reader([.. PlantedOutcomes.Columns, "created"], rows), new OutcomeSpec("outcome", ["Won"]), ["created"]);
        var result = LearningRun.Run(data, new LearnOptions(DateColumn: "created"), []);
        Assert.Equal("time-based hold-out: the 500 most recent rows by created (from 2024-05-30)", result.Evaluation.Method);
        var e = Assert.Throws<InputException>(() => LearningRun.Run(data, new LearnOptions(DateColumn: "craeted"), []));
        Assert.Contains("--date 'craeted' is not a column of data.csv — did you mean 'created'?", e.Message, StringComparison.Ordinal);
    }
}
