using System.Globalization;
using Icp.Core.Learning;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

/// <summary>Which criteria and fields make it into a learned profile: forward selection of signals, and field stability across resamples.</summary>
public sealed class SignalSelectionTests
{
    /// <summary>
    /// Rows as patterns of the candidates that hold, with rows and wins. Candidates 0 and 1 always hold together (the same
    /// criterion twice), 2 holds independently of them, 3 holds for half the rows without changing the win rate.
    /// </summary>
    private static LogisticRegression.Patterns Correlated()
    {
        var patterns = new LogisticRegression.Patterns();
        foreach (var a in new[] { false, true })
            foreach (var c in new[] { false, true })
                foreach (var noise in new[] { false, true })
                {
                    var holds = new List<int>();
                    if (a) holds.AddRange([0, 1]);
                    if (c) holds.Add(2);
                    if (noise) holds.Add(3);
                    var logit = -1.5 + (a ? 1.2 : 0) + (c ? 0.8 : 0);
                    var rate = 1 / (1 + Math.Exp(-logit));
                    patterns.Add([.. holds], 1000, Math.Round(1000 * rate));
                }
        return patterns;
    }

    [Fact]
    public void Forward_selection_takes_one_of_two_identical_criteria_and_the_independent_one_but_not_noise()
    {
        var chosen = ForwardSelection.Select(Correlated(), candidates: 4, max: 4, ridge: 1, minChiSquare: 3.841);
        Assert.Equal(2, chosen.Count);
        Assert.Contains(2, chosen);
        Assert.Single(chosen, c => c is 0 or 1); // the twin adds nothing once the first is in
        Assert.DoesNotContain(3, chosen);
    }

    [Fact]
    public void Forward_selection_adds_the_strongest_criterion_first_and_respects_the_budget()
    {
        var chosen = ForwardSelection.Select(Correlated(), candidates: 4, max: 1, ridge: 1, minChiSquare: 3.841);
        Assert.Single(chosen);
        Assert.True(chosen[0] is 0 or 1, $"the stronger effect (1.2 on the logit) comes first, got {chosen[0]}");
    }

    [Fact]
    public void Forward_selection_chooses_nothing_when_no_criterion_changes_the_win_rate()
    {
        var patterns = new LogisticRegression.Patterns();
        foreach (int[] holds in new[] { [], [0], [1], new[] { 0, 1 } }) patterns.Add(holds, 500, 100);
        Assert.Empty(ForwardSelection.Select(patterns, candidates: 2, max: 12, ridge: 1, minChiSquare: 3.841));
    }

    [Fact]
    public void A_field_needs_to_pass_on_four_of_five_bootstrap_resamples_as_well_as_on_all_rows()
    {
        // 'strong' moves the win rate a lot; 'marginal' only so much that its test passes on all rows, near the threshold,
        // and fails on two or more of the five bootstrap resamples: whether it passes depends on which rows were drawn.
        var random = new Random(7);
        var rows = new List<string[]>();
        for (var i = 0; i < 3000; i++)
        {
            var strong = random.Next(2) == 0 ? "yes" : "no";
            var marginal = random.Next(2) == 0 ? "a" : "b";
            var rate = 0.3 + (strong == "yes" ? 0.25 : 0) + (marginal == "a" ? 0.052 : 0);
            rows.Add([strong, marginal, random.NextDouble() < rate ? "Won" : "Lost"]);
        }
        var data = LearningData.Read(Table.Reader(["strong", "marginal", "outcome"], [.. rows]), new OutcomeSpec("outcome", ["Won"]), []);
        var (candidates, _) = LearningRun.Candidates(data);
        var learned = ProfileLearner.Learn(data, candidates, Enumerable.Range(0, data.RowCount).ToArray(), new LearnerOptions(DateOnly.MinValue));

        var strongField = Assert.Single(learned.Fields, f => f.Column == "strong");
        Assert.Equal(5, strongField.StableResamples);
        Assert.True(strongField.Selected);
        var marginalField = Assert.Single(learned.Fields, f => f.Column == "marginal");
        Assert.True(marginalField.PValue < 0.001 / 2, "planted to pass the strict test on all rows: p = " + marginalField.PValue.ToString(CultureInfo.InvariantCulture));
        Assert.InRange(marginalField.StableResamples, 0, 3);
        Assert.False(marginalField.Selected);
        Assert.All(learned.Signals, s => Assert.Equal("strong", s.Criterion.FieldName));
    }
}
