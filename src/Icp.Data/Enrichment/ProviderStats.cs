namespace Icp.Data.Enrichment;

/// <summary>What one provider did over a run, for the summary.</summary>
public sealed class ProviderStats
{
    private readonly Dictionary<string, long> _failures = new(StringComparer.Ordinal);
    private readonly long[] _filled;

    internal ProviderStats(IEnrichmentProvider provider, int fieldCount) => (Provider, _filled) = (provider, new long[fieldCount]);

    public IEnrichmentProvider Provider { get; }

    public string Name => Provider.Name;

    /// <summary>Rows it was asked about: rows that still missed one of its fields and had a key it can look up.</summary>
    public long Asked { get; internal set; }

    /// <summary>Rows it knew (found by domain or name).</summary>
    public long Matched { get; internal set; }

    /// <summary>Lookups answered by the persistent cache.</summary>
    public long CacheHits { get; internal set; }

    /// <summary>Lookups sent to the provider (remote providers: distinct keys not in the cache).</summary>
    public long Calls { get; internal set; }

    /// <summary>Lookups that failed, by kind ("timeout", "http 500", "circuit open", "malformed json" ...).</summary>
    public IReadOnlyDictionary<string, long> Failures => _failures;

    /// <summary>Failed lookups in all.</summary>
    public long Failed => _failures.Values.Sum();

    /// <summary>Matched ÷ asked, 0 when never asked.</summary>
    public double MatchRate => Asked == 0 ? 0 : (double)Matched / Asked;

    /// <summary>Cells this provider filled, per waterfall field index.</summary>
    public long FilledOf(int field) => _filled[field];

    internal void CountFilled(int field) => _filled[field]++;

    internal void CountFailure(string kind) => _failures[kind] = _failures.GetValueOrDefault(kind) + 1;
}
