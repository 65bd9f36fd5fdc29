using Icp.Core.Learning;
using Icp.Data.Baselines;
using Icp.Data.Tables;
using Icp.TestSupport;

namespace Icp.Data.Tests.Learning;

/// <summary>
/// The X Education leads (../shared/data, tests only: never copied into the repository): real data with known leakage
/// columns. The learner must flag them, beat naive Bayes and come within 0.01 AUC of gradient-boosted trees, both
/// computed on the same split in the same run.
/// </summary>
public sealed class SharedDataLearningTests
{
    private static readonly Lazy<LearningResult> Leads = new(() =>
    {
        using var reader = TableReaders.Open(Repository.SharedData("x_education_leads", "Leads.csv"));
        var data = LearningData.Read(reader, new OutcomeSpec("Converted", ["1"]), []);
        return LearningRun.Run(data, new LearnOptions(Seed: 42), [new FastTreeBaseline()]);
    });

    [Theory]
    [InlineData("Tags")]
    [InlineData("Lead Quality")]
    [InlineData("Lead Profile")]
    [InlineData("Last Notable Activity")]
    public void Leakage_columns_are_left_out_as_post_outcome(string column)
    {
        var leftOut = Assert.Single(Leads.Value.LeftOut, l => l.Column == column);
        Assert.StartsWith("suspected post-outcome", leftOut.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Prospect ID")]
    [InlineData("Lead Number")]
    public void Id_columns_are_left_out(string column) =>
        Assert.StartsWith("ID-like", Assert.Single(Leads.Value.LeftOut, l => l.Column == column).Reason, StringComparison.Ordinal);

    [Fact]
    public void Learned_profile_beats_naive_Bayes_on_the_same_hold_out()
    {
        var evaluation = Leads.Value.Evaluation;
        var bayes = Assert.Single(evaluation.Models, m => m.Model == LearningRun.NaiveBayesName);
        Assert.True(evaluation.Profile.Auc > bayes.Auc, $"learned {evaluation.Profile.Auc:0.000} vs naive Bayes {bayes.Auc:0.000}");
        Assert.Equal(2310, evaluation.TestRows);
    }

    [Fact]
    public void Learned_profile_comes_within_a_hundredth_of_the_trees_AUC_on_the_same_rows()
    {
        var evaluation = Leads.Value.Evaluation;
        var trees = Assert.Single(evaluation.Models, m => m.Model.Contains("FastTree", StringComparison.Ordinal));
        // A sanity floor for a strong model on this data, then issue 4's goal: within 0.01 AUC of the trees, as a readable profile.
        Assert.InRange(trees.Auc, 0.85, 1);
        Assert.True(trees.Auc - evaluation.Profile.Auc < 0.01, $"learned {evaluation.Profile.Auc:0.0000} vs trees {trees.Auc:0.0000}");
    }

    [Fact]
    public void Learned_profile_stays_readable_and_carries_no_leaked_field()
    {
        var result = Leads.Value;
        Assert.InRange(result.Profile.Signals.Count, 3, 12);
        var fields = result.Profile.Signals.Select(s => s.Criterion.Field.ColumnName).ToHashSet();
        Assert.DoesNotContain("Tags", fields);
        Assert.DoesNotContain("Lead Quality", fields);
        // Tier A must win more often than tier D on the hold-out, or the tiers mean nothing.
        var tiers = result.Evaluation.Tiers.ToDictionary(t => t.Tier, t => t.WinRate.Rate);
        Assert.True(tiers["A"] > tiers["D"] + 0.3, string.Join(", ", tiers));
    }

    [Fact]
    public void On_telco_retention_the_profile_beats_naive_Bayes_matches_the_trees_and_leaves_out_the_customer_id()
    {
        using var reader = TableReaders.Open(Repository.SharedData("ibm_telco_churn", "IBM_Cognos_Data.csv"));
        // Retained customers are the wins: the profile describes who stays.
        var data = LearningData.Read(reader, new OutcomeSpec("Churn", ["No"]), []);
        var result = LearningRun.Run(data, new LearnOptions(Seed: 42), [new FastTreeBaseline()]);
        Assert.StartsWith("ID-like", Assert.Single(result.LeftOut, l => l.Column == "customerID").Reason, StringComparison.Ordinal);
        var bayes = result.Evaluation.Models[1];
        Assert.True(result.Evaluation.Profile.Auc > bayes.Auc, $"learned {result.Evaluation.Profile.Auc:0.000} vs naive Bayes {bayes.Auc:0.000}");
        var trees = result.Evaluation.Models[2];
        Assert.True(trees.Auc - result.Evaluation.Profile.Auc < 0.01, $"learned {result.Evaluation.Profile.Auc:0.0000} vs trees {trees.Auc:0.0000}");
        Assert.Contains(result.Profile.Signals, s => s.Criterion.FieldName == "contract");
    }
}
