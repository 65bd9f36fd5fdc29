using Icp.Core.Learning;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

/// <summary>How <see cref="OutcomeJoin"/> gives each account one outcome, and how <c>--best</c> labels the top share.</summary>
public sealed class OutcomeJoinTests
{
    private static readonly OutcomeSpec Stage = new("stage", ["Won"], ["Lost"]);

    private static Dictionary<string, string> Outcomes(OutcomeJoinSpec spec)
    {
        var accounts = Table.Reader(["name", "segment"], [["Acme", "a"], ["Beta", "b"], ["Gamma", "c"], ["Delta", "d"]], "accounts.csv");
        var deals = Table.Reader(["name", "stage", "closed"],
        [
            [" ACME ", "Lost", "2025-01-01"], ["acme", "Won", "2024-01-01"], ["Acme", "Engaging", ""],
            ["Beta", "Engaging", ""], ["Beta", "Lost", "2024-05-01"],
            ["Gamma", "Won", "2024-02-01"], ["Gamma", "Lost", "2024-02-01"],
            ["Nobody", "Won", "2024-01-01"],
        ], "deals.csv");
        using var join = new OutcomeJoin(accounts, deals, spec, Stage);
        var batch = new Icp.Core.Tables.RowBatch(join.Columns.Count);
        var outcomes = new Dictionary<string, string>();
        while (join.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++) outcomes[batch[r, 0].ToString()] = batch[r, 2].ToString();
        Assert.Equal("3 of 4 accounts (75.0%) have deals; 7 of 8 deals with a key (87.5%) matched an account", join.Summary.ToString());
        return outcomes;
    }

    [Fact]
    public void Best_is_a_win_if_any_deal_won_else_a_loss_and_keys_match_trimmed_and_case_insensitively() =>
        Assert.Equal(new Dictionary<string, string> { ["Acme"] = "Won", ["Beta"] = "Lost", ["Gamma"] = "Won" }, Outcomes(new("name")));

    [Fact]
    public void Latest_takes_the_latest_dated_deal_and_a_win_on_a_tie() =>
        Assert.Equal(new Dictionary<string, string> { ["Acme"] = "Lost", ["Beta"] = "Lost", ["Gamma"] = "Won" }, Outcomes(new("name", PerAccount.Latest, "closed")));

    [Fact]
    public void Top_share_by_value_includes_ties_at_the_threshold_and_skips_rows_without_a_number()
    {
        string[][] rows = [["a", "10"], ["b", "9"], ["c", "9"], ["d", "1"], ["e", "2"], ["f", "n/a"], ["g", ""], ["h", "3"], ["i", "4"], ["j", "5"]];
        var data = LearningData.Read(Table.Reader(["name", "value"], rows, "valued.csv"), new OutcomeSpec("value", [], null, 0.25), []);
        Assert.Equal(8, data.RowCount);
        Assert.Equal(3, data.Wins); // the top 25% of 8 is 2 rows, and the tie at 9 brings a third
        Assert.Equal(1, data.BlankOutcomes);
        Assert.Equal("best = value >= 9, the top 25% of 8 rows with a value; 1 row whose value is not a number skipped", data.Labelling);
    }
}
