using Icp.Core.Scoring;

namespace Icp.Core.Reporting;

/// <summary>How well one criterion of the profile picks winners, overall and per period.</summary>
/// <param name="Section">must, exclude or signal.</param>
/// <param name="Criterion">The criterion's label or condition.</param>
/// <param name="ClosedWhenHolds">Closed deals whose account meets the criterion (its support).</param>
/// <param name="WinRateWhenHolds">Win rate of those deals; null when too few.</param>
/// <param name="WinRateOtherwise">Win rate of the other closed deals (criterion false or unknown); null when too few.</param>
/// <param name="Lift">Win rate when the criterion holds ÷ overall win rate; null when too few.</param>
/// <param name="Test">Two-proportion test of holds against otherwise; null when either side is too small.</param>
/// <param name="ByPeriod">The lift per drift period (null where too few), oldest first.</param>
public sealed record CriterionLift(string Section, string Criterion, long ClosedWhenHolds, double? WinRateWhenHolds, double? WinRateOtherwise,
    double? Lift, TestResult? Test, IReadOnlyList<(string Period, double? Lift)> ByPeriod);

/// <summary>Counts won and closed deals per criterion outcome, overall and per period.</summary>
internal sealed class CriterionLiftTally(IReadOnlyList<(string Section, string Criterion)> criteria)
{
    // [criterion, holds ? 1 : 0] → (won, closed)
    private readonly long[,] _won = new long[criteria.Count, 2], _closed = new long[criteria.Count, 2];
    private readonly SortedDictionary<string, PeriodCounts> _periods = new(StringComparer.Ordinal);

    private sealed class PeriodCounts(int criteria)
    {
        public long[] Won { get; } = new long[criteria];
        public long[] Closed { get; } = new long[criteria];
        public long AllWon, AllClosed;
    }

    public void Add(bool[] holds, bool won, string? period)
    {
        PeriodCounts? slot = null;
        if (period is not null && !_periods.TryGetValue(period, out slot)) _periods[period] = slot = new PeriodCounts(criteria.Count);
        for (var i = 0; i < holds.Length; i++)
        {
            var h = holds[i] ? 1 : 0;
            _closed[i, h]++;
            if (won) _won[i, h]++;
            if (slot is null || !holds[i]) continue;
            slot.Closed[i]++;
            if (won) slot.Won[i]++;
        }
        if (slot is null) return;
        slot.AllClosed++;
        if (won) slot.AllWon++;
    }

    public IReadOnlyList<CriterionLift> Build(int minSegment)
    {
        var result = new List<CriterionLift>();
        for (var i = 0; i < criteria.Count; i++)
        {
            long wonIn = _won[i, 1], closedIn = _closed[i, 1], wonOut = _won[i, 0], closedOut = _closed[i, 0];
            var all = (double)(wonIn + wonOut) / Math.Max(1, closedIn + closedOut);
            double? rateIn = closedIn >= minSegment ? (double)wonIn / closedIn : null;
            double? rateOut = closedOut >= minSegment ? (double)wonOut / closedOut : null;
            double? lift = rateIn is { } r && all > 0 ? r / all : null;
            TestResult? test = rateIn is not null && rateOut is not null ? Significance.TwoProportion(wonIn, closedIn, wonOut, closedOut) : null;
            var byPeriod = _periods.Select(p =>
            {
                double? periodLift = p.Value.Closed[i] >= minSegment && p.Value.AllWon > 0
                    ? (double)p.Value.Won[i] / p.Value.Closed[i] / ((double)p.Value.AllWon / p.Value.AllClosed)
                    : null;
                return (p.Key, periodLift);
            }).ToList();
            result.Add(new CriterionLift(criteria[i].Section, criteria[i].Criterion, closedIn, rateIn, rateOut, lift, test, byPeriod));
        }
        return result;
    }
}
