using Icp.Core.Learning;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

public sealed class ColumnGuardsTests
{
    private static LearningData Data(string[] columns, IReadOnlyList<string[]> rows, string outcome = "outcome") =>
        LearningData.Read(Table.Reader(columns, rows), new OutcomeSpec(outcome, ["Won"]), []);

    /// <summary>Planted rows plus one extra column computed from each row.</summary>
    private static LearningData PlantedWith(string column, Func<string[], int, string> value)
    {
        var rows = PlantedOutcomes.Rows(2000, 3);
        return Data([.. PlantedOutcomes.Columns, column], [.. rows.Select((r, i) => (string[])[.. r, value(r, i)])]);
    }

    [Fact]
    public void A_column_that_alone_predicts_the_outcome_is_left_out_as_post_outcome()
    {
        // A neutral name, so only the data gives it away: it copies the outcome except in 1 row of 100.
        var data = PlantedWith("flag", (r, i) => (r[^1] == "Won") ^ (i % 100 == 0) ? "yes" : "no");
        var result = LearningRun.Run(data, new LearnOptions(), []);
        var flag = Assert.Single(result.LeftOut, l => l.Column == "flag");
        Assert.StartsWith("suspected post-outcome: alone it ranks wins above losses with AUC 0.9", flag.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Profile.Signals, s => s.Criterion.FieldName == "flag");
    }

    [Theory]
    [InlineData("stage")]
    [InlineData("Lost Reason")]
    [InlineData("lead_status")]
    [InlineData("Tags")]
    [InlineData("ClosedDate")]
    public void Post_outcome_names_are_left_out_with_the_word_that_gave_them_away(string column)
    {
        var data = PlantedWith(column, (_, i) => i % 3 == 0 ? "a" : "b");
        var (kind, reason) = ColumnGuards.Inspect(data, data.Columns.Count - 1);
        Assert.Null(kind);
        Assert.StartsWith("suspected post-outcome: the name says '", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_ids_are_left_out_but_numbers_that_vary_a_lot_are_kept()
    {
        var data = PlantedWith("Lead Number", (_, i) => (660000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("ID-like: 100% of values are distinct", ColumnGuards.Inspect(data, data.Columns.Count - 1).LeftOut, StringComparison.Ordinal);
        // noise_number is nearly all distinct too, but its name does not say id: it is a measurement.
        Assert.Equal(FieldKind.Number, ColumnGuards.Inspect(data, Array.IndexOf(PlantedOutcomes.Columns, "noise_number")).Kind);
    }

    [Fact]
    public void Kinds_are_inferred_from_the_values()
    {
        var data = Data(["n", "d", "tech", "c", "empty", "constant", "outcome"],
        [
            ["1", "2024-01-05", "Slack; Jira", "a", "", "x", "Won"],
            ["2.5", "2023-12-01", "Slack", "b", "", "x", "Lost"],
            ["", "2022-06-30", "", "a", "", "x", "Lost"],
        ]);
        Assert.Equal(FieldKind.Number, ColumnGuards.Inspect(data, 0).Kind);
        Assert.Equal(FieldKind.Date, ColumnGuards.Inspect(data, 1).Kind);
        Assert.Equal(FieldKind.Set, ColumnGuards.Inspect(data, 2).Kind);
        Assert.Equal(FieldKind.Category, ColumnGuards.Inspect(data, 3).Kind);
        Assert.Equal("every value is empty", ColumnGuards.Inspect(data, 4).LeftOut);
        Assert.Equal("one value only ('x')", ColumnGuards.Inspect(data, 5).LeftOut);
    }

    [Theory]
    [InlineData("Lead Quality", "lead_quality")]
    [InlineData("LeadQuality", "lead_quality")]
    [InlineData("Total Time Spent on Website", "total_time_spent_on_website")]
    [InlineData("2024 revenue", "f_2024_revenue")]
    public void Field_names_are_snake_case_words_of_the_column(string column, string field) =>
        Assert.Equal(field, ColumnGuards.FieldName(column));
}
