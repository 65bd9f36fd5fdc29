namespace Icp.Core.Learning;

/// <summary>What the training rows say about a criterion: rows it holds for, wins among them, and the base rate.</summary>
public sealed record Evidence(Proportion WinRate, double BaseRate, int TotalRows)
{
    public double Lift => BaseRate == 0 ? 0 : WinRate.Rate / BaseRate;

    /// <summary>"support 1,204 (13.0%), won 612 = 50.8% (95% CI 48.0-53.6%), lift 1.32"</summary>
    public override string ToString()
    {
        var (low, high) = WinRate.Interval;
        var share = TotalRows == 0 ? 0 : (double)WinRate.Trials / TotalRows;
        return $"support {WinRate.Trials:N0} ({share * 100:0.0}%), won {WinRate.Successes:N0} = {WinRate.Rate * 100:0.0}% (95% CI {low * 100:0.0}-{high * 100:0.0}%), lift {Lift:0.00}";
    }
}

/// <summary>A criterion on one field: the levels of the field it covers.</summary>
public sealed record LearnedCriterion(FieldEncoder Field, string FieldName, IReadOnlyList<int> Levels, Evidence Evidence);

/// <summary>A learned soft signal with its integer points.</summary>
public sealed record LearnedSignal(LearnedCriterion Criterion, int Points, double Coefficient);

/// <summary>A proposed disqualifier and the evidence that justifies it.</summary>
public sealed record LearnedDisqualifier(LearnedCriterion Criterion, string Reason);

/// <summary>Per-level statistics of a candidate field (win rate, lift, interval), for the report.</summary>
public sealed record LevelStatistics(string Label, Evidence Evidence);

/// <summary>How much a candidate field says about the outcome, and whether it made it into the profile.</summary>
/// <param name="Column">The source column.</param>
/// <param name="FieldName">Its name in the profile.</param>
/// <param name="Kind">How its values are read.</param>
/// <param name="PValue">Of the test that the outcome does not depend on the field, over all training rows.</param>
/// <param name="Selected">Whether the field's levels went into the logistic model.</param>
/// <param name="Levels">Win rate and lift of each level, over all rows.</param>
/// <param name="StableResamples">In how many of five bootstrap resamples of the rows the field passed the same test.</param>
public sealed record FieldStatistics(string Column, string FieldName, FieldKind Kind, double PValue, bool Selected, IReadOnlyList<LevelStatistics> Levels, int StableResamples);

/// <summary>The outcome of learning on one set of rows: the profile's parts plus the statistics behind them.</summary>
public sealed record LearnedProfile(
    IReadOnlyList<LearnedSignal> Signals,
    IReadOnlyList<LearnedDisqualifier> Disqualifiers,
    IReadOnlyList<FieldStatistics> Fields,
    IReadOnlyList<LeftOutColumn> LeftOut,
    double BaseRate,
    int TrainingRows,
    string? Note = null)
{
    /// <summary>True when the profile has something to score with.</summary>
    public bool IsEmpty => Signals.Count == 0 && Disqualifiers.Count == 0;
}
