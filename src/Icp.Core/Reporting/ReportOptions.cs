using Icp.Core.Scoring;

namespace Icp.Core.Reporting;

/// <summary>
/// The deal columns a report reads. A null name means "the default, if the data has it": a metric whose default
/// column is missing is listed as not available. A name the user gave must exist, or the report stops.
/// </summary>
public sealed record DealColumnNames(
    string? Outcome = null, IReadOnlyList<string>? Won = null, IReadOnlyList<string>? Lost = null,
    string? Created = null, string? Closed = null, string? Value = null, string? Owner = null)
{
    public const string DefaultOutcome = "deal_stage", DefaultCreated = "engage_date", DefaultClosed = "close_date", DefaultValue = "close_value",
        DefaultOwner = "sales_agent";
    public static readonly IReadOnlyList<string> DefaultWon = ["Won"], DefaultLost = ["Lost"];
}

/// <summary>How <c>icp report</c> segments and judges deals.</summary>
/// <param name="Scoring">As-of date and strictness for scoring the accounts; with Strict a date or value that does not parse stops the report.</param>
/// <param name="Columns">Where outcomes, dates and values are.</param>
/// <param name="Key">Join key when outcomes come from a separate file: <c>column</c> (same name on both sides) or
/// <c>accounts_column=deals_column</c>; null takes the first column of the accounts that the deals also have.</param>
/// <param name="MinTier">In-ICP means not excluded and at least this tier; null means every account that is not excluded.</param>
/// <param name="MinSegmentSize">Fewest observations (closed deals for win rate, deals with a figure for medians) for which a segment's figure is shown.</param>
/// <param name="Alpha">Significance level of the in-vs-out tests (default 0.05).</param>
/// <param name="Period">How deals are grouped over time for drift (default quarter).</param>
/// <param name="ReviewRows">Off-ICP open deals listed for review, newest first (default 20).</param>
public sealed record ReportOptions(
    ScoringOptions Scoring, DealColumnNames Columns, string? Key = null, string? MinTier = null, int MinSegmentSize = 20, double Alpha = 0.05,
    DriftPeriod Period = DriftPeriod.Quarter, int ReviewRows = 20);
