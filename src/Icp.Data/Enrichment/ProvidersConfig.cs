using Icp.Core;

namespace Icp.Data.Enrichment;

/// <summary>A validated <c>providers.yaml</c>: the providers in priority order and where their answers are cached.</summary>
/// <param name="SourceName">The YAML file, for messages.</param>
/// <param name="CachePath">The SQLite cache file (default: <c>.icp-cache.sqlite</c> beside the YAML file).</param>
/// <param name="Providers">Asked in this order; the first non-empty value per field wins.</param>
public sealed record ProvidersConfig(string SourceName, string CachePath, IReadOnlyList<ProviderConfig> Providers)
{
    /// <summary>Every field some provider fills, in order of first mention.</summary>
    public IReadOnlyList<string> Fields =>
        [.. Providers.SelectMany(p => p.Fields.Select(f => f.Field)).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>One output field and where a provider reads it: a column of a reference file, or a JSON path.</summary>
public sealed record FieldMapping(string Field, string Source, SourceLocation Location);

/// <summary>What every provider has: a name, its field mapping, and how long the cache keeps its answers.</summary>
public abstract record ProviderConfig(string Name, IReadOnlyList<FieldMapping> Fields, TimeSpan FoundTtl, TimeSpan NotFoundTtl, SourceLocation Location);

/// <summary>A local CSV/TSV/JSONL/Parquet file of companies keyed by domain and/or company name.</summary>
public sealed record ReferenceProviderConfig(
    string Name, IReadOnlyList<FieldMapping> Fields, TimeSpan FoundTtl, TimeSpan NotFoundTtl, SourceLocation Location,
    string File, string? DomainColumn, string? NameColumn)
    : ProviderConfig(Name, Fields, FoundTtl, NotFoundTtl, Location);

/// <summary>An HTTP API answering JSON for one company per request.</summary>
/// <param name="Name">Unique; names the __source value and the cache entries.</param>
/// <param name="Fields">Output field → JSON path.</param>
/// <param name="FoundTtl">How long an answer stays fresh in the cache (default 30 days).</param>
/// <param name="NotFoundTtl">How long "not found" stays fresh (default 7 days).</param>
/// <param name="Location">Where the provider starts in the YAML file.</param>
/// <param name="UrlTemplate">Absolute http(s) URL with <c>{domain}</c>.</param>
/// <param name="NameUrlTemplate">Optional URL with <c>{name}</c> for rows without a company domain.</param>
/// <param name="Auth">Header sent with every request, its value read from an environment variable at load.</param>
/// <param name="Timeout">Per attempt.</param>
/// <param name="RateLimit">Requests per period (null: unlimited).</param>
/// <param name="Retries">Extra attempts after a 429, 5xx, timeout or connection error.</param>
/// <param name="RetryDelay">First backoff delay, doubled per attempt with jitter; a 429's Retry-After wins.</param>
/// <param name="Concurrency">Requests in flight at once.</param>
/// <param name="CircuitBreaker">When to stop calling a failing API for a while.</param>
public sealed record HttpProviderConfig(
    string Name, IReadOnlyList<FieldMapping> Fields, TimeSpan FoundTtl, TimeSpan NotFoundTtl, SourceLocation Location,
    string UrlTemplate, string? NameUrlTemplate, AuthHeader? Auth, TimeSpan Timeout, RateLimit? RateLimit,
    int Retries, TimeSpan RetryDelay, int Concurrency, CircuitBreakerSettings CircuitBreaker)
    : ProviderConfig(Name, Fields, FoundTtl, NotFoundTtl, Location);

/// <summary>An auth header; <see cref="ToString"/> never shows the secret.</summary>
public sealed record AuthHeader(string Header, string Value, string EnvironmentVariable)
{
    public override string ToString() => $"{Header}: (from ${EnvironmentVariable})";
}

/// <summary>At most <paramref name="Permits"/> requests per <paramref name="Per"/>; excess requests wait their turn.</summary>
public sealed record RateLimit(int Permits, TimeSpan Per);

/// <summary>
/// Stop calling a provider for <paramref name="BreakDuration"/> once at least <paramref name="MinimumThroughput"/>
/// calls in 30 s have failed at <paramref name="FailureRatio"/> or more: a dead API costs the run one timeout per
/// sample window, not one per row.
/// </summary>
public sealed record CircuitBreakerSettings(double FailureRatio, int MinimumThroughput, TimeSpan BreakDuration)
{
    public static readonly CircuitBreakerSettings Default = new(0.5, 10, TimeSpan.FromSeconds(30));
}
