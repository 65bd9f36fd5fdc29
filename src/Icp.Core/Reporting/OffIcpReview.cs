using System.Globalization;

namespace Icp.Core.Reporting;

/// <summary>An open deal on an account outside the ICP: a line of the monthly review list.</summary>
/// <param name="Deal">The deal's id (the first column of the deals file).</param>
/// <param name="Account">The account's key or name.</param>
/// <param name="Owner">Who works the deal; null when the data has no owner column.</param>
/// <param name="Created">When the deal was created, when known.</param>
/// <param name="Reason">Why the account is out of the ICP: the profile's exclusion reasons, or the tier it falls short by.</param>
/// <param name="Line">Where the deal is in its file.</param>
public sealed record OffIcpDeal(string Deal, string Account, string? Owner, DateOnly? Created, string Reason, long Line);

/// <summary>One owner's open deals and how many of them are off-ICP.</summary>
public sealed record OwnerShare(string Owner, long OffIcpOpen, long Open);

/// <summary>Open pipeline spent on accounts outside the ICP: the list a team reviews every month.</summary>
/// <param name="OpenDeals">Open deals matched to an account.</param>
/// <param name="OffIcpOpenDeals">Of those, deals on out-of-ICP accounts.</param>
/// <param name="ByOwner">Owners with off-ICP open deals, most first (at most ten).</param>
/// <param name="Deals">Off-ICP open deals, newest first, at most the number asked for.</param>
public sealed record OffIcpReview(long OpenDeals, long OffIcpOpenDeals, IReadOnlyList<OwnerShare> ByOwner, IReadOnlyList<OffIcpDeal> Deals)
{
    /// <summary>Off-ICP share of open deals, 0-1.</summary>
    public double Share => OpenDeals == 0 ? 0 : (double)OffIcpOpenDeals / OpenDeals;

    /// <summary>"reps keep working off-ICP deals: 20% of open pipeline (134 of 664 open deals)".</summary>
    public string Text => OffIcpOpenDeals == 0
        ? $"no open deal is off-ICP ({OpenDeals.ToString("N0", CultureInfo.InvariantCulture)} open deals)"
        : $"reps keep working off-ICP deals: {ProfileReport.Percent(Share)} of open pipeline ({OffIcpOpenDeals.ToString("N0", CultureInfo.InvariantCulture)} of {OpenDeals.ToString("N0", CultureInfo.InvariantCulture)} open deals)";
}

/// <summary>Collects open deals for <see cref="OffIcpReview"/>.</summary>
internal sealed class OffIcpTally(int keep)
{
    private const int Stored = 100_000; // enough to pick the newest from; bounds memory on a huge pipeline
    private readonly List<OffIcpDeal> _deals = [];
    private readonly Dictionary<string, (long Off, long Open)> _owners = new(StringComparer.OrdinalIgnoreCase);
    private long _open, _off;

    public void AddOpen(bool inIcp, string? owner, Func<OffIcpDeal> describe)
    {
        _open++;
        if (!inIcp) _off++;
        if (owner is { Length: > 0 })
        {
            _owners.TryGetValue(owner, out var o);
            _owners[owner] = (o.Off + (inIcp ? 0 : 1), o.Open + 1);
        }
        if (!inIcp && _deals.Count < Stored) _deals.Add(describe());
    }

    public OffIcpReview Build() => new(_open, _off,
        [.. _owners.Where(o => o.Value.Off > 0).OrderByDescending(o => o.Value.Off).ThenBy(o => o.Key, StringComparer.Ordinal).Take(10).Select(o => new OwnerShare(o.Key, o.Value.Off, o.Value.Open))],
        [.. _deals.OrderByDescending(d => d.Created ?? DateOnly.MinValue).ThenBy(d => d.Line).Take(keep)]);
}
