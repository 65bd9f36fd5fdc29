using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Core.Tables;

namespace Icp.TestSupport;

/// <summary>One scored row: its verdict and every appended column by name.</summary>
public sealed record ScoredRow(RowVerdict Verdict, IReadOnlyDictionary<string, string> Columns)
{
    public int Score => int.Parse(Columns[ScoringPlan.ScoreColumn], System.Globalization.CultureInfo.InvariantCulture);
    public string Tier => Columns[ScoringPlan.TierColumn];
    public bool Excluded => Columns[ScoringPlan.ExcludedColumn] == "true";
    public string Reasons => Columns[ScoringPlan.ReasonsColumn];
    public string this[string column] => Columns[column];
}

/// <summary>Runs profiles over literal rows through the real <see cref="ScoringPlan"/> and <see cref="BatchScorer"/>.</summary>
public static class Score
{
    /// <summary>The as-of date tests use unless they say otherwise: fixed, so recency tests never depend on the clock.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 15);

    public static ScoringOptions Options(DateOnly? asOf = null, bool strict = false) => new(asOf ?? AsOf, strict);

    /// <summary>Scores <paramref name="rows"/> with <paramref name="profile"/> and returns one result per row.</summary>
    public static IReadOnlyList<ScoredRow> Rows(Profile profile, string[] columns, params string[][] rows) =>
        Rows([profile], columns, rows, Options());

    /// <summary>Scores one row given as column/value pairs.</summary>
    public static ScoredRow Row(Profile profile, params (string Column, string Value)[] fields) =>
        Rows([profile], [.. fields.Select(f => f.Column)], [[.. fields.Select(f => f.Value)]], Options())[0];

    public static IReadOnlyList<ScoredRow> Rows(IReadOnlyList<Profile> profiles, string[] columns, string[][] rows, ScoringOptions options)
    {
        var plan = ScoringPlan.Create(profiles, columns, "data.csv", options);
        var input = Table.Of(columns, rows);
        return Batch(plan, input);
    }

    /// <summary>The full breakdown (every criterion's truth) of one row, through a freshly compiled profile.</summary>
    public static Explanation Explain(Profile profile, string[] columns, string[] row, ScoringOptions? options = null)
    {
        var compiled = CompiledProfile.Compile(profile, new ColumnResolver(columns, "data.csv"), options ?? Options());
        return compiled.CreateEvaluator().Explain(Table.Of(columns, row), 0);
    }

    /// <summary>Scores a whole batch with a fresh scorer of <paramref name="plan"/>.</summary>
    public static IReadOnlyList<ScoredRow> Batch(ScoringPlan plan, RowBatch input)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        var output = plan.CreateOutputBatch(Math.Max(1, input.Count));
        var verdicts = new RowVerdict[input.Count];
        plan.CreateScorer().Score(input, output, verdicts);
        return [.. Enumerable.Range(0, input.Count).Select(r => Read(plan, output, r, verdicts[r]))];
    }

    public static ScoredRow Read(ScoringPlan plan, RowBatch output, int row, RowVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < plan.ExtraColumns.Count; c++) columns[plan.ExtraColumns[c]] = output[row, c].ToString();
        return new ScoredRow(verdict, columns);
    }
}
