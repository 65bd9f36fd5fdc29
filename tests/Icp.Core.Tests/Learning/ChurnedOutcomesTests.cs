using Icp.Core.Learning;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

/// <summary><c>--churned</c>: churned customers are losses whatever their outcome, left out of the features, and weigh more in the fit.</summary>
public sealed class ChurnedOutcomesTests
{
    private static readonly string[] Columns = ["company", "industry", "stage", "status"];

    private static LearningData Read(IReadOnlyList<string[]> rows, OutcomeSpec spec) => LearningData.Read(Table.Reader(Columns, rows, "accounts.csv"), spec, []);

    private static readonly string[][] Rows =
    [
        ["A", "x", "Won", "active"], ["B", "x", "Won", " CHURNED "], ["C", "y", "Lost", "churned"], ["D", "y", "", "Churned"],
        ["E", "y", "Engaging", "cancelled"], ["F", "x", "Lost", ""], ["G", "y", "", "active"], ["H", "x", "Engaging", "active"],
    ];

    [Fact]
    public void Churned_rows_are_losses_whatever_their_outcome_and_are_counted()
    {
        var data = Read(Rows, new OutcomeSpec("stage", ["Won"], ["Lost"], Churned: new ChurnSpec("status", ["churned", "Cancelled"])));
        // A won; B won then churned; C lost and churned; D blank but churned; E open but churned; F lost; G blank; H open.
        Assert.Equal(["A", "B", "C", "D", "E", "F"], Enumerable.Range(0, data.RowCount).Select(r => data.Values[0][r]));
        Assert.Equal([true, false, false, false, false, false], data.Labels);
        Assert.Equal([false, true, true, true, true, false], data.Churned);
        Assert.Equal(4, data.ChurnedRows);
        Assert.Equal(1, data.WonThenChurned);
        Assert.Equal(1, data.BlankOutcomes);
        Assert.Equal(1, data.OtherOutcomes);
        Assert.Equal("churned = status is churned or Cancelled: 4 rows, losses whatever their outcome (1 won, then churned); a churned row weighs 2 losses in the points fit", data.Labelling);
        Assert.Equal([1.0, 2, 2, 2, 2, 1], data.RowWeights([0, 1, 2, 3, 4, 5])!);
        Assert.Equal("defines churn (--churned)", data.LabelColumns[3]);
    }

    [Fact]
    public void Without_churn_every_row_weighs_one()
    {
        var data = Read(Rows, new OutcomeSpec("stage", ["Won"], ["Lost"]));
        Assert.Null(data.RowWeights([0, 1]));
        Assert.Equal(0, data.ChurnedRows);
        Assert.All(data.Churned, Assert.False);
    }

    [Fact]
    public void The_churn_column_is_left_out_of_the_features_with_its_reason()
    {
        var rows = PlantedOutcomes.Rows(400, 3).Select((r, i) => (string[])[.. r, i % 7 == 0 ? "Yes" : "No"]).ToList();
        var data = LearningData.Read(Table.Reader([.. PlantedOutcomes.Columns, "Churn"], rows), new OutcomeSpec("outcome", ["Won"], Churned: new ChurnSpec("churn", ["yes"])), []);
        var (candidates, leftOut) = LearningRun.Candidates(data);
        Assert.DoesNotContain(candidates, c => data.Columns[c.Column] == "Churn");
        Assert.Contains(new LeftOutColumn("Churn", "defines churn (--churned)"), leftOut);
    }

    [Fact]
    public void With_a_best_share_churned_rows_are_losses_and_are_not_ranked()
    {
        string[][] rows = [["a", "100", "yes"], ["b", "90", ""], ["c", "80", ""], ["d", "70", "YES"], ["e", "", "yes"], ["f", "60", ""], ["g", "50", ""], ["h", "40", ""]];
        var data = LearningData.Read(Table.Reader(["name", "ltv", "churn"], rows), new OutcomeSpec("ltv", [], null, 0.4, Churned: new ChurnSpec("churn", ["Yes"])), []);
        // Ranked: b 90, c 80, f 60, g 50, h 40; the top 40% of 5 is 2 rows. a (the highest) churned, so it is a loss.
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], Enumerable.Range(0, data.RowCount).Select(r => data.Values[0][r]));
        Assert.Equal([false, true, true, false, false, false, false, false], data.Labels);
        Assert.Equal(3, data.ChurnedRows);
        Assert.StartsWith("best = ltv >= 80, the top 40% of 5 rows with a value; churned = churn is Yes: 3 rows, losses whatever their outcome; a churned row weighs 2", data.Labelling, StringComparison.Ordinal);
    }

    [Fact]
    public void With_value_and_positive_the_wins_are_the_top_share_of_the_positive_rows()
    {
        string[][] rows =
        [
            ["a", "Won", "500"], ["b", "Won", "400"], ["c", "Won", "300"], ["d", "Won", "200"], ["e", "Won", "n/a"],
            ["f", "Lost", "900"], ["g", "Lost", ""], ["h", "Open", "1000"], ["i", "", "5"],
        ];
        var data = LearningData.Read(Table.Reader(["name", "stage", "won_value"], rows, "accounts.csv"), new OutcomeSpec("stage", ["won"], null, 0.5, "won_value"), []);
        // The top half of the 4 won rows with a number; lost (even with a high value) and other outcomes are losses.
        Assert.Equal(["a", "b", "c", "d", "f", "g", "h"], Enumerable.Range(0, data.RowCount).Select(r => data.Values[0][r]));
        Assert.Equal([true, true, false, false, false, false, false], data.Labels);
        Assert.Equal("best = top 50% of 4 won rows by won_value (>= 400), every other row a loss; 1 won row whose won_value is not a number skipped", data.Labelling);
        Assert.Equal("ranks the wins (--value)", data.LabelColumns[2]);
        var (candidates, _) = LearningRun.Candidates(data);
        Assert.DoesNotContain(candidates, c => c.Column == 2);
    }

    [Fact]
    public void A_missing_churn_column_suggests_the_closest_and_lists_the_columns()
    {
        var e = Assert.Throws<InputException>(() => Read(Rows, new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("statu", ["churned"]))));
        Assert.Equal("accounts.csv:1: --churned 'statu' is not a column of accounts.csv — did you mean 'status'?. Columns: company, industry, stage, status", e.Describe());
    }

    [Fact]
    public void A_churn_value_never_seen_lists_the_values_seen()
    {
        var e = Assert.Throws<InputException>(() => Read(Rows, new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("status", ["churn"]))));
        Assert.Equal("accounts.csv:1:4 (field 'status'): --churned status=churn: no row of accounts.csv has that value in column 'status' — did you mean 'CHURNED'?. Values seen: CHURNED (3), active (3), cancelled (1)", e.Describe());
    }

    [Fact]
    public void The_churn_column_cannot_be_the_outcome_column()
    {
        var e = Assert.Throws<InputException>(() => Read(Rows, new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("STAGE", ["Lost"]))));
        Assert.Equal("accounts.csv:1:3 (field 'stage'): --churned 'STAGE' is the --outcome column: churn needs a column of its own (e.g. --churned Churn=Yes, or status=Cancelled)", e.Describe());
    }

    [Fact]
    public void When_every_win_churned_nothing_is_left_to_learn_and_it_says_why()
    {
        string[][] rows = [["A", "x", "Won", "churned"], ["B", "x", "Lost", ""], ["C", "y", "Lost", "active"]];
        var e = Assert.Throws<InputException>(() => Read(rows, new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("status", ["churned"]))));
        Assert.Equal("no row of accounts.csv is a win once churned customers count as losses: 1 churned, 1 of them won; learning needs wins and losses", e.Message);
    }

    /// <summary>
    /// Planted accounts where a third of fintech accounts churn (won ones too) and few others do: fintech's points fall when
    /// churned rows are losses, and further when they weigh two losses, than when churn is ignored.
    /// </summary>
    [Fact]
    public void Churned_rows_push_their_segments_points_down_more_than_plain_losses()
    {
        var random = new Random(5);
        var rows = PlantedOutcomes.Rows(4000, 1).Select(r => (string[])[.. r, random.NextDouble() < (r[1] == "Fintech" ? 0.3 : 0.03) ? "Yes" : "No"]).ToList();
        string[] columns = [.. PlantedOutcomes.Columns, "churn"];
        int FintechPoints(ChurnSpec? churn, string[]? exclude = null)
        {
            var data = LearningData.Read(Table.Reader(columns, rows), new OutcomeSpec("outcome", ["Won"], Churned: churn), exclude ?? []);
            var profile = ProfileLearner.Learn(data, LearningRun.Candidates(data).Candidates, [.. Enumerable.Range(0, data.RowCount)], new LearnerOptions(DateOnly.MinValue));
            var fintech = profile.Signals.SingleOrDefault(s => s.Criterion.FieldName == "industry" && s.Criterion.Levels.Any(l => s.Criterion.Field.Levels[l].Values.Contains("Fintech")));
            // Win rates stay counts: churned rows are there once, as losses.
            if (fintech is not null && churn is not null)
                Assert.Equal(rows.Count(r => r[1] == "Fintech"), fintech.Criterion.Evidence.WinRate.Trials);
            return fintech?.Points ?? 0;
        }
        var ignored = FintechPoints(null, ["churn"]);
        var plain = FintechPoints(new ChurnSpec("churn", ["Yes"], 1));
        var strongest = FintechPoints(new ChurnSpec("churn", ["Yes"]));
        Assert.True(ignored > plain && plain > strongest, $"fintech points: churn ignored {ignored}, churned as plain losses {plain}, weighing 2 {strongest}");
        Assert.True(strongest > 0, $"fintech still wins more than the rest: {strongest}");
    }

    [Fact]
    public void The_evaluation_counts_churned_rows_per_tier()
    {
        var random = new Random(2);
        var rows = PlantedOutcomes.Rows(2000, 2).Select(r => (string[])[.. r, random.NextDouble() < 0.1 ? "Yes" : "No"]).ToList();
        var data = LearningData.Read(Table.Reader([.. PlantedOutcomes.Columns, "churn"], rows), new OutcomeSpec("outcome", ["Won"], Churned: new ChurnSpec("churn", ["Yes"])), []);
        var result = LearningRun.Run(data, new LearnOptions(), []);
        var churned = Assert.IsType<bool[]>(result.Evaluation.Churned);
        Assert.Equal(result.Evaluation.TestRows, churned.Length);
        Assert.Equal(churned.Count(c => c), result.Evaluation.Tiers.Sum(t => t.Churned));
        Assert.All(result.Evaluation.Labels.Where((_, i) => churned[i]), Assert.False);
        Assert.Equal(data.ChurnedRows, result.Churned);
        Assert.Contains("#   churn: defines churn (--churned)", result.ProfileYaml, StringComparison.Ordinal);
        Assert.Contains("# Outcome: churned = churn is Yes: ", result.ProfileYaml, StringComparison.Ordinal);
    }
}
