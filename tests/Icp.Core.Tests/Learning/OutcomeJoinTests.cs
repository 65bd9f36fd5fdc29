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

    private static readonly string[][] ValuedDeals =
    [
        ["acme", "Won", "100", ""], ["Acme", "Lost", "50", "renewal lost"], ["ACME", "Won", "n/a", ""],
        ["Beta", "Lost", "", ""], ["Beta", "Engaging", "", ""],
        ["Gamma", "Won", "30", ""], ["Gamma", "Won", "20.5", "Churned"],
        ["Delta", "Lost", "70", ""],
    ];

    private static (List<string[]> Rows, OutcomeJoin Join) Joined(OutcomeSpec outcome, string[]? accountColumns = null, string[][]? accountRows = null)
    {
        var accounts = Table.Reader(accountColumns ?? ["name", "segment"], accountRows ?? [["Acme", "a"], ["Beta", "b"], ["Gamma", "c"], ["Delta", "d"]], "accounts.csv");
        var deals = Table.Reader(["name", "stage", "amount", "note"], ValuedDeals, "deals.csv");
        var join = new OutcomeJoin(accounts, deals, new OutcomeJoinSpec("name"), outcome);
        var batch = new Icp.Core.Tables.RowBatch(join.Columns.Count);
        var rows = new List<string[]>();
        while (join.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++) rows.Add([.. Enumerable.Range(0, join.Columns.Count).Select(c => batch[r, c].ToString())]);
        return (rows, join);
    }

    [Fact]
    public void Value_alone_sums_every_deal_of_an_account_and_counts_accounts_without_a_number()
    {
        var (rows, join) = Joined(new OutcomeSpec("amount", [], null, 0.5));
        Assert.Equal(["name", "segment", "amount"], join.Columns);
        Assert.Equal([["Acme", "a", "150"], ["Beta", "b", ""], ["Gamma", "c", "50.5"], ["Delta", "d", "70"]], rows);
        Assert.Equal(1, join.AccountsWithoutValue);
        Assert.Equal("value = sum of amount over each account's deals; 1 account whose deals have no number in amount skipped", join.Describe(PerAccount.Best));
    }

    [Fact]
    public void Value_with_positive_sums_the_won_deals_after_the_outcome()
    {
        var (rows, join) = Joined(new OutcomeSpec("stage", ["won"], ["lost"], 0.5, "amount"));
        Assert.Equal(["name", "segment", "stage", "amount"], join.Columns);
        Assert.Equal([["Acme", "a", "Won", "100"], ["Beta", "b", "Lost", ""], ["Gamma", "c", "Won", "50.5"], ["Delta", "d", "Lost", ""]], rows);
        Assert.Equal(0, join.AccountsWithoutValue); // Beta and Delta did not win: their value decides nothing
        Assert.Equal("the best outcome of each account's deals, value = sum of amount over its won deals", join.Describe(PerAccount.Best));
    }

    [Fact]
    public void Churn_from_the_deals_is_appended_when_the_accounts_lack_the_column()
    {
        var (rows, join) = Joined(new OutcomeSpec("stage", ["Won"], ["Lost"], Churned: new ChurnSpec("note", ["churned", "renewal lost"])));
        Assert.Equal(["name", "segment", "stage", "note"], join.Columns);
        Assert.Equal(["renewal lost", "", "Churned", ""], rows.Select(r => r[3]));
        Assert.EndsWith("; churned if any deal's note says so", join.Describe(PerAccount.Best), StringComparison.Ordinal);
    }

    [Fact]
    public void Churn_is_read_from_the_accounts_first()
    {
        var (rows, join) = Joined(new OutcomeSpec("stage", ["Won"], ["Lost"], Churned: new ChurnSpec("Note", ["gone"])), ["name", "note"],
            [["Acme", "gone"], ["Beta", ""], ["Gamma", "active"], ["Delta", ""]]);
        Assert.Equal(["name", "note", "stage"], join.Columns);
        Assert.Equal(["gone", "", "active", ""], rows.Select(r => r[1]));
    }

    [Fact]
    public void A_churn_column_of_neither_file_or_a_value_no_deal_has_is_named()
    {
        var missing = Assert.Throws<InputException>(() => Joined(new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("notes", ["x"]))));
        Assert.Equal("--churned 'notes' is not a column of accounts.csv nor of deals.csv — did you mean 'note'?. Columns: name, segment; of the outcomes: name, stage, amount, note", missing.Message);
        var absent = Assert.Throws<InputException>(() => Joined(new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("note", ["churn"]))));
        Assert.Equal("deals.csv:1:4 (field 'note'): --churned note=churn: no deal of deals.csv has that value in column 'note' — did you mean 'Churned'?. Values seen: Churned (1), renewal lost (1)", absent.Describe());
        var outcome = Assert.Throws<InputException>(() => Joined(new OutcomeSpec("stage", ["Won"], Churned: new ChurnSpec("stage", ["Lost"]))));
        Assert.StartsWith("--churned 'stage' is the --outcome column", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Joined_and_labelled_the_best_value_accounts_are_wins_and_churned_accounts_losses()
    {
        var spec = new OutcomeSpec("stage", ["Won"], ["Lost"], 0.5, "amount", new ChurnSpec("note", ["churned"]));
        var accounts = Table.Reader(["name", "segment"], [["Acme", "a"], ["Beta", "b"], ["Gamma", "c"], ["Delta", "d"]], "accounts.csv");
        var deals = Table.Reader(["name", "stage", "amount", "note"], ValuedDeals, "deals.csv");
        using var join = new OutcomeJoin(accounts, deals, new OutcomeJoinSpec("name"), spec);
        var data = LearningData.Read(join, join.Outcome, []);
        Assert.Equal([true, false, false, false], data.Labels); // Gamma won but churned
        Assert.Equal([false, false, true, false], data.Churned);
        Assert.Equal(1, data.WonThenChurned);
        Assert.Equal(["defines churn (--churned)", "ranks the wins (--value)"], data.LabelColumns.OrderBy(kv => kv.Key).Select(kv => kv.Value).Reverse());
    }

    [Fact]
    public void A_churn_value_found_only_on_deals_of_no_account_is_no_error_once_joined()
    {
        OutcomeSpec spec = new("stage", ["Won"], Churned: new ChurnSpec("note", ["cancelled", "lapsed"]));
        using var join = new OutcomeJoin(Table.Reader(["name"], [["A1"], ["A2"], ["A3"], ["A4"]], "accounts.csv"),
            Table.Reader(["name", "stage", "note"], [["A1", "Won", ""], ["A2", "Won", ""], ["A3", "Lost", "cancelled"], ["A4", "Lost", ""], ["X9", "Won", "lapsed"]], "deals.csv"),
            new OutcomeJoinSpec("name"), spec);
        Assert.True(join.Outcome.Churned!.ValuesFoundInDeals);
        var data = LearningData.Read(join, join.Outcome, []);
        Assert.Equal([false, false, true, false], data.Churned);
        Assert.Equal([true, true, false, false], data.Labels);
    }
}
