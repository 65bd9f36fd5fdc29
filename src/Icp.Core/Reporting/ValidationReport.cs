using Icp.Core.Scoring;

namespace Icp.Core.Reporting;

/// <summary>What a comparison concluded, from the ICP's point of view.</summary>
public enum Verdict
{
    /// <summary>In-ICP deals do significantly better.</summary>
    Outperforms,
    /// <summary>Better on some metrics, significantly worse on others.</summary>
    Mixed,
    /// <summary>No significant difference: the profile does not separate good deals from bad.</summary>
    DoesNotOutperform,
    /// <summary>In-ICP deals do significantly worse.</summary>
    Underperforms,
    /// <summary>Too few deals (or one outcome class) to test.</summary>
    NotEnoughData,
    /// <summary>The data has no column for the metric.</summary>
    NotAvailable,
}

/// <summary>A median with the number of observations behind it. <see cref="TooFew"/> means the figure is not shown.</summary>
/// <param name="Count">Observations (deals with the figure).</param>
/// <param name="Median">The median; NaN when there are no observations.</param>
/// <param name="Mean">The arithmetic mean; NaN when there are no observations.</param>
/// <param name="TooFew">Fewer observations than <see cref="ReportOptions.MinSegmentSize"/>.</param>
public sealed record MedianEstimate(long Count, double Median, double Mean, bool TooFew);

/// <summary>A win rate (won ÷ closed) with its 95% Wilson interval. <see cref="TooFew"/> means the figure is not shown.</summary>
public sealed record RateEstimate(Proportion Rate, bool TooFew);

/// <summary>The figures for one segment of deals (in-ICP, out-of-ICP, a tier, or excluded).</summary>
/// <param name="Segment">The segment's name.</param>
/// <param name="Deals">Every deal in the segment.</param>
/// <param name="Won">Deals whose outcome is a won value.</param>
/// <param name="Lost">Deals whose outcome is a lost value.</param>
/// <param name="Open">Deals with neither outcome (still in the pipeline).</param>
/// <param name="WinRate">Null when the data has no outcome column.</param>
/// <param name="CycleDays">Days from created to closed; null when the data lacks either date column.</param>
/// <param name="Value">Deal value; null when the data has no value column.</param>
public sealed record SegmentReport(string Segment, long Deals, long Won, long Lost, long Open, RateEstimate? WinRate, MedianEstimate? CycleDays, MedianEstimate? Value)
{
    public long Closed => Won + Lost;
}

/// <summary>One metric compared in-ICP against out-of-ICP.</summary>
/// <param name="Metric">win_rate, cycle_days or value.</param>
/// <param name="InIcp">The in-ICP figure (rate 0-1 or median); null when not shown.</param>
/// <param name="OutOfIcp">The out-of-ICP figure; null when not shown.</param>
/// <param name="Ratio">In ÷ out (out ÷ in for cycle length, where shorter is better); null when not computed.</param>
/// <param name="Test">The two-sided test behind the verdict; null when it could not run.</param>
/// <param name="Verdict">What the comparison concluded.</param>
/// <param name="Text">The verdict in a sentence, with the figures and the p-value.</param>
public sealed record MetricComparison(string Metric, double? InIcp, double? OutOfIcp, double? Ratio, TestResult? Test, Verdict Verdict, string Text);

/// <summary>How deals found their accounts when they came from a separate file.</summary>
/// <param name="KeyColumn">The accounts' key column.</param>
/// <param name="DealKeyColumn">The deals' key column.</param>
/// <param name="Deals">Deal rows read.</param>
/// <param name="BlankKey">Deals with no key value (unattributed): left out of every segment.</param>
/// <param name="Matched">Deals whose key matched an account.</param>
/// <param name="Unmatched">Deals whose key matched no account: left out of every segment.</param>
/// <param name="UnmatchedExamples">A few keys that matched nothing, to spot a wrong key or a spelling difference.</param>
public sealed record JoinSummary(string KeyColumn, string DealKeyColumn, long Deals, long BlankKey, long Matched, long Unmatched, IReadOnlyList<string> UnmatchedExamples)
{
    /// <summary>Matched ÷ deals that have a key, 0-1.</summary>
    public double MatchRate => Deals - BlankKey == 0 ? 0 : (double)Matched / (Deals - BlankKey);
}

/// <summary>The validation of a profile against deal outcomes: the result of <c>icp report</c>.</summary>
/// <param name="ProfileName">The profile's name.</param>
/// <param name="ProfileVersion">The profile's version.</param>
/// <param name="InIcpMeans">What "in-ICP" meant in this report, in words.</param>
/// <param name="Join">How deals were joined to accounts; null when the accounts file held the deals.</param>
/// <param name="InIcp">The in-ICP segment.</param>
/// <param name="OutOfIcp">The out-of-ICP segment (excluded, or below the minimum tier).</param>
/// <param name="Tiers">One segment per tier, best first, then "excluded".</param>
/// <param name="Comparisons">In-vs-out comparison per available metric.</param>
/// <param name="Overall">The overall verdict.</param>
/// <param name="OverallText">The overall verdict in a sentence.</param>
/// <param name="NotAvailable">Metrics the data has no columns for, with the column that is missing.</param>
/// <param name="Warnings">Caveats about the data (one outcome class, closed-before-created deals ...).</param>
/// <param name="Issues">Values that could not be read, per column, with their first lines.</param>
/// <param name="CriterionLifts">Per criterion: win rate when it holds, its lift and test, and the lift per period; empty without outcomes.</param>
/// <param name="OffIcp">Open deals on out-of-ICP accounts, for the monthly review; null without an outcome column.</param>
/// <param name="Drift">The comparison per period with the stability of the score distribution; null without dates or with <see cref="DriftPeriod.None"/>.</param>
public sealed record ValidationReport(
    string ProfileName, int ProfileVersion, string InIcpMeans, JoinSummary? Join,
    SegmentReport InIcp, SegmentReport OutOfIcp, IReadOnlyList<SegmentReport> Tiers,
    IReadOnlyList<MetricComparison> Comparisons, Verdict Overall, string OverallText,
    IReadOnlyList<string> NotAvailable, IReadOnlyList<string> Warnings, DataIssues Issues, DriftReport? Drift, OffIcpReview? OffIcp, IReadOnlyList<CriterionLift> CriterionLifts);
