namespace Icp.Core.Filtering;

/// <summary>One step of a list funnel: how many rows it removed and why.</summary>
public sealed record FunnelStep(string Step, long Removed, long Remaining);

/// <summary>How a list shrank from the rows read to the rows kept ("40,000 → 1,200").</summary>
public sealed record Funnel(long RowsIn, IReadOnlyList<FunnelStep> Steps)
{
    public long RowsOut => Steps.Count == 0 ? RowsIn : Steps[^1].Remaining;
}
