using System.Globalization;
using static System.FormattableString;

namespace Icp.Core.Reporting;

/// <summary>How deals are grouped over time for drift.</summary>
public enum DriftPeriod { None, Month, Quarter }

/// <summary>One period of the drift table.</summary>
/// <param name="Period">"2017-Q1" or "2017-03".</param>
/// <param name="Deals">Deals in the period (closed in it, or created in it when still open).</param>
/// <param name="InIcpShare">Share of the period's deals that are in-ICP, 0-1.</param>
/// <param name="InIcpWinRate">In-ICP win rate in the period.</param>
/// <param name="OutOfIcpWinRate">Out-of-ICP win rate in the period.</param>
/// <param name="Lift">In-ICP win rate ÷ out-of-ICP win rate; null when either is too small to show.</param>
/// <param name="InIcpMedianCycle">Median sales-cycle days of in-ICP deals (won deals when outcomes are known); null when too few.</param>
/// <param name="Psi">Population stability index of the score distribution against the baseline period; null for
/// periods with too few deals (and 0 for the baseline itself).</param>
public sealed record PeriodFigures(string Period, long Deals, double InIcpShare, RateEstimate InIcpWinRate, RateEstimate OutOfIcpWinRate, double? Lift,
    double? InIcpMedianCycle, double? Psi)
{
    /// <summary>The usual reading of a PSI: below 0.1 stable, up to 0.25 a moderate shift, above that a major one.</summary>
    public string Stability => Psi is not { } psi ? "too few deals" : psi < 0.1 ? "stable" : psi <= 0.25 ? "moderate shift" : "major shift";
}

/// <summary>The same comparison per period, and the alerts that say the profile needs a refresh.</summary>
/// <param name="Period">Month or quarter.</param>
/// <param name="Baseline">The first period with enough deals: PSI and win-rate alerts compare against it.</param>
/// <param name="Periods">Every period with deals, oldest first.</param>
/// <param name="Alerts">Material shifts: the refresh triggers.</param>
public sealed record DriftReport(DriftPeriod Period, string? Baseline, IReadOnlyList<PeriodFigures> Periods, IReadOnlyList<string> Alerts);

/// <summary>Collects deals per period and turns them into a <see cref="DriftReport"/>.</summary>
internal sealed class DriftTally(DriftPeriod period)
{
    /// <summary>Score bins: 0-9, 10-19 … 90-100, then excluded.</summary>
    private const int Bins = 11;

    private sealed class Slot
    {
        public long Deals, InIcp, InWon, InLost, OutWon, OutLost;
        public long[] Scores { get; } = new long[Bins];
        public List<double> InIcpCycles { get; } = [];
    }

    private readonly SortedDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public void Add(DateOnly? date, int score, bool excluded, bool inIcp, bool won, bool lost, double? cycleDays)
    {
        if (PeriodOf(date, period) is not { } key) return;
        if (!_slots.TryGetValue(key, out var slot)) _slots[key] = slot = new Slot();
        slot.Deals++;
        slot.Scores[excluded ? Bins - 1 : Math.Min(score / 10, 9)]++;
        if (inIcp)
        {
            slot.InIcp++;
            if (won) slot.InWon++; else if (lost) slot.InLost++;
            if (cycleDays is { } days) slot.InIcpCycles.Add(days);
        }
        else if (won) slot.OutWon++;
        else if (lost) slot.OutLost++;
    }

    /// <summary>"2017-Q3" or "2017-09"; null without a date or with <see cref="DriftPeriod.None"/>.</summary>
    public static string? PeriodOf(DateOnly? date, DriftPeriod period) =>
        period == DriftPeriod.None || date is not { } d ? null
        : period == DriftPeriod.Month ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : $"{d.Year.ToString(CultureInfo.InvariantCulture)}-Q{(d.Month - 1) / 3 + 1}";

    public DriftReport? Build(int minSegment, double alpha)
    {
        if (period == DriftPeriod.None || _slots.Count == 0) return null;
        // A baseline of a handful of deals would make every later period look like a shift.
        var baseline = _slots.Where(x => x.Value.Deals >= minSegment).Select(x => x.Key).FirstOrDefault();
        var rows = new List<PeriodFigures>();
        var alerts = new List<string>();
        RateEstimate? baseRate = null;
        foreach (var (name, s) in _slots)
        {
            var inRate = new RateEstimate(Proportion.Wilson(s.InWon, s.InWon + s.InLost), s.InWon + s.InLost < minSegment);
            var outRate = new RateEstimate(Proportion.Wilson(s.OutWon, s.OutWon + s.OutLost), s.OutWon + s.OutLost < minSegment);
            double? lift = inRate.TooFew || outRate.TooFew || outRate.Rate.Value == 0 ? null : inRate.Rate.Value / outRate.Rate.Value;
            double? psi = baseline is null || s.Deals < minSegment || string.CompareOrdinal(name, baseline) < 0 ? null : Descriptive.PopulationStability(_slots[baseline].Scores, s.Scores);
            double? cycle = s.InIcpCycles.Count >= minSegment ? Descriptive.Median(s.InIcpCycles) : null;
            rows.Add(new PeriodFigures(name, s.Deals, s.Deals == 0 ? 0 : (double)s.InIcp / s.Deals, inRate, outRate, lift, cycle, psi));
            if (psi > 0.25)
                alerts.Add(Invariant($"{name}: the score distribution shifted from {baseline} (PSI {psi.Value:0.00}, a major shift): the pipeline's accounts are not the ones the profile was tuned on"));
            if (name == baseline) { baseRate = inRate; continue; }
            if (baseline is not null && cycle is { } now && _slots[baseline].InIcpCycles is { Count: var n } before && n >= minSegment)
            {
                var test = Significance.MannWhitney(s.InIcpCycles, before);
                if (test.P < alpha)
                    alerts.Add(Invariant($"{name}: in-ICP sales cycle moved from a median of {Descriptive.Median(before):0.#} days in {baseline} to {now:0.#} ({ProfileReport.PValue(test.P)})"));
            }
            if (baseRate is { TooFew: false } b && !inRate.TooFew)
            {
                var test = Significance.TwoProportion(s.InWon, s.InWon + s.InLost, b.Rate.Successes, b.Rate.Trials);
                if (test.P < alpha)
                    alerts.Add($"{name}: in-ICP win rate moved from {ProfileReport.Percent(b.Rate.Value)} in {baseline} to {ProfileReport.Percent(inRate.Rate.Value)} ({ProfileReport.PValue(test.P)})");
            }
        }
        return new DriftReport(period, baseline, rows, alerts);
    }
}
