namespace Icp.Data.Enrichment;

/// <summary>What a provider is asked for: a company by its registrable domain, or by its normalised name.</summary>
public enum LookupBy { Domain, Name }

/// <summary>One lookup: <paramref name="Value"/> is a registrable domain (<c>acme.com</c>) or a normalised company name (<c>acme</c>).</summary>
public readonly record struct LookupKey(LookupBy By, string Value)
{
    /// <summary>"domain:acme.com" or "name:acme": the cache key within one provider.</summary>
    public override string ToString() => $"{(By == LookupBy.Domain ? "domain" : "name")}:{Value}";
}

/// <summary>The answer to one lookup.</summary>
public abstract record LookupOutcome
{
    private protected LookupOutcome() { }
}

/// <summary>The provider knows the company. <see cref="Values"/> line up with <see cref="IEnrichmentProvider.Fields"/>; an empty string is no value.</summary>
public sealed record Found(string[] Values, DateTimeOffset FetchedAt) : LookupOutcome;

/// <summary>The provider answered that it does not know the company (cached like an answer: asking again will not help).</summary>
public sealed record NotFound(DateTimeOffset FetchedAt) : LookupOutcome
{
    public static readonly NotFound Local = new(DateTimeOffset.MinValue);
}

/// <summary>The provider could not answer: <see cref="Kind"/> groups failures in the summary ("timeout", "http 500", "circuit open" ...). Never cached.</summary>
public sealed record Failed(string Kind, string Detail) : LookupOutcome;

/// <summary>
/// A source of company fields. The waterfall asks providers in priority order and takes the first non-empty value
/// per field. A provider reports its failures as <see cref="Failed"/> instead of throwing, so a broken API
/// degrades to the next provider instead of stopping the run.
/// </summary>
public interface IEnrichmentProvider
{
    /// <summary>Names the provider in <c>__source</c> columns, the cache and the summary.</summary>
    string Name { get; }

    /// <summary>The fields it can fill, in its own order.</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>True when it can look a company up by domain, by name, or both (tried in that order).</summary>
    bool Supports(LookupBy by);

    /// <summary>
    /// True for a provider across a network: its answers go through the persistent cache, each distinct key is asked
    /// once per run and lookups run concurrently. A local one is asked row by row.
    /// </summary>
    bool IsRemote { get; }

    /// <summary>How many lookups may be in flight at once (remote providers).</summary>
    int Concurrency { get; }

    /// <summary>How long an answer stays fresh in the cache.</summary>
    TimeSpan FoundTtl { get; }

    /// <summary>How long "not found" stays fresh in the cache.</summary>
    TimeSpan NotFoundTtl { get; }

    /// <summary>Changes when the provider's configuration changes, so cached answers of an older mapping are not reused.</summary>
    string Fingerprint { get; }

    /// <summary>Looks one company up; reports failures as <see cref="Failed"/>.</summary>
    ValueTask<LookupOutcome> LookupAsync(LookupKey key, CancellationToken cancellationToken);
}
