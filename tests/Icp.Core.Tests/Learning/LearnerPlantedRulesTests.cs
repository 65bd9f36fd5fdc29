using Icp.Core.Learning;
using Icp.Core.Profiles;
using Icp.TestSupport;

namespace Icp.Core.Tests.Learning;

/// <summary>On generated data with known rules the learner finds those rules, and only those.</summary>
public sealed class LearnerPlantedRulesTests
{
    private static LearningData Planted(int rows = 4000, int seed = 1) =>
        LearningData.Read(Table.Reader(PlantedOutcomes.Columns, PlantedOutcomes.Rows(rows, seed)), new OutcomeSpec("outcome", ["Won"]), []);

    private static LearningResult Learn(LearningData data, int seed = 42) => LearningRun.Run(data, new LearnOptions(Seed: seed), []);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Planted_industry_and_size_signals_are_recovered_with_positive_points(int dataSeed)
    {
        var result = Learn(Planted(seed: dataSeed));
        var industry = Assert.Single(result.Profile.Signals, s => s.Criterion.FieldName == "industry");
        var level = industry.Criterion.Field.Levels[Assert.Single(industry.Criterion.Levels)];
        Assert.Equal(["Fintech"], level.Values);
        Assert.True(industry.Points > 0);

        // Bins come from quantiles, so the planted 50-499 is found to within a few percent of the rows.
        var size = result.Profile.Signals.Where(s => s.Criterion.FieldName == "employees").MaxBy(s => s.Points)!;
        var levels = size.Criterion.Levels.Select(l => size.Criterion.Field.Levels[l]).ToList();
        Assert.InRange(levels[0].Low!.Value, 35, 70);
        Assert.InRange(levels[^1].High!.Value, 350, 700);
        Assert.True(size.Points > 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Countries_that_never_win_become_one_disqualifier_with_its_evidence(int dataSeed)
    {
        var result = Learn(Planted(seed: dataSeed));
        var rule = Assert.Single(result.Profile.Disqualifiers);
        Assert.Equal("country", rule.Criterion.FieldName);
        var values = rule.Criterion.Levels.SelectMany(l => rule.Criterion.Field.Levels[l].Values).Order().ToArray();
        Assert.Equal(PlantedOutcomes.DisqualifiedCountries, values);
        Assert.Equal(0, rule.Criterion.Evidence.WinRate.Successes);
        Assert.StartsWith($"won 0 of {rule.Criterion.Evidence.WinRate.Trials:N0} (95% interval 0-", rule.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Noise_columns_get_no_criterion(int dataSeed)
    {
        var result = Learn(Planted(seed: dataSeed));
        var used = result.Profile.Signals.Select(s => s.Criterion.FieldName).Concat(result.Profile.Disqualifiers.Select(d => d.Criterion.FieldName)).ToHashSet();
        Assert.DoesNotContain("colour", used);
        Assert.DoesNotContain("noise_number", used);
        Assert.DoesNotContain("tools", used);
        Assert.Equal(["country", "employees", "industry"], used.Order());
        Assert.Contains(result.LeftOut, l => l.Column == "company" && l.Reason.StartsWith("ID-like", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_data_and_seed_give_a_byte_identical_profile()
    {
        var first = Learn(Planted()).ProfileYaml;
        var second = Learn(Planted()).ProfileYaml;
        Assert.Equal(first, second);
        Assert.Contains("Seed 42", first, StringComparison.Ordinal);
        Assert.NotEqual(first, Learn(Planted(), seed: 43).ProfileYaml); // the seed changes the split, so the evaluation line
    }

    [Fact]
    public void Written_profile_loads_and_scores_excluding_the_disqualified_countries()
    {
        var result = Learn(Planted());
        var profile = ProfileLoader.Parse(result.ProfileYaml, "learned.yaml").GetProfileOrThrow();
        var rows = PlantedOutcomes.Rows(300, seed: 99);
        var scored = Score.Rows(profile, PlantedOutcomes.Columns, rows);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(PlantedOutcomes.DisqualifiedCountries.Contains(rows[i][3]), scored[i].Excluded);
            Assert.InRange(scored[i].Score, 0, 100);
        }
        var fintechMidSize = Score.Row(profile, ("industry", "Fintech"), ("employees", "200"), ("country", "Germany"), ("colour", "red"), ("noise_number", "1"), ("tools", ""));
        var retailTiny = Score.Row(profile, ("industry", "Retail"), ("employees", "8"), ("country", "Germany"), ("colour", "red"), ("noise_number", "1"), ("tools", ""));
        Assert.True(fintechMidSize.Score > retailTiny.Score, $"{fintechMidSize.Score} vs {retailTiny.Score}");
        Assert.Equal("A", fintechMidSize.Tier);
    }

    [Fact]
    public void Evidence_comments_stand_beside_each_criterion()
    {
        var yaml = Learn(Planted()).ProfileYaml;
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("  - ", StringComparison.Ordinal)) continue;
            Assert.Matches(@"^  # support [\d,]+ \([\d.]+%\), won [\d,]+ = [\d.]+% \(95% CI [\d.]+-[\d.]+%\), lift [\d.]+$", lines[i - 1]);
        }
        Assert.Contains("reason: \"won 0 of", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Learned_profile_ranks_held_out_rows_better_than_chance_and_names_its_split()
    {
        var result = Learn(Planted());
        Assert.Equal("learned profile", result.Evaluation.Models[0].Model);
        Assert.Equal(LearningRun.NaiveBayesName, result.Evaluation.Models[1].Model);
        Assert.InRange(result.Evaluation.Profile.Auc, 0.7, 1);
        Assert.StartsWith("stratified hold-out: 25% of rows (seed 42)", result.Evaluation.Method, StringComparison.Ordinal);
        Assert.Equal(1000, result.Evaluation.TestRows);
        Assert.Null(result.Evaluation.Note);
    }

    [Fact]
    public void Capacity_sets_tier_A_so_about_that_many_rows_reach_it()
    {
        var data = Planted();
        var result = LearningRun.Run(data, new LearnOptions(Capacity: 300), []);
        var profile = ProfileLoader.Parse(result.ProfileYaml, "learned.yaml").GetProfileOrThrow();
        var rows = Enumerable.Range(0, data.RowCount).Select(r => data.Columns.Select((_, c) => data.Values[c][r]).ToArray()).ToArray();
        var inA = Score.Rows(profile, [.. data.Columns], rows).Count(s => s.Tier == "A");
        Assert.InRange(inA, 300, 900); // ties at the threshold score can add rows, never remove them
        Assert.Equal("A", result.Tiers[0].Name);
    }
}
