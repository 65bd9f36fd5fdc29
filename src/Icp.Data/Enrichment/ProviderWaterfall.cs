using System.Collections.Concurrent;

namespace Icp.Data.Enrichment;

/// <summary>One batch of rows to enrich: their keys and which fields the user already supplied; the waterfall fills <see cref="Chosen"/>.</summary>
public sealed class WaterfallBatch
{
    internal WaterfallBatch(int capacity, int fields)
    {
        Domains = new string?[capacity];
        Supplied = new bool[capacity * fields];
        Chosen = new Choice[capacity * fields];
        FieldCount = fields;
    }

    public int FieldCount { get; }

    /// <summary>Rows in the batch.</summary>
    public int Count { get; private set; }

    /// <summary>Per row: the company's registrable domain, or null (no domain, free mail, disposable).</summary>
    public string?[] Domains { get; }

    /// <summary>Per row and field (<c>row * FieldCount + field</c>): true when the user's value is kept, so no provider is asked for it.</summary>
    public bool[] Supplied { get; }

    /// <summary>Per row and field: the provider answer that fills it, or default.</summary>
    public Choice[] Chosen { get; }

    /// <summary>The row's normalised company name, asked only when a domain lookup found nothing; null when none.</summary>
    public Func<int, string?> NameOf { get; set; } = _ => null;

    /// <summary>Starts a batch of <paramref name="count"/> rows with nothing chosen and nothing supplied.</summary>
    public void Reset(int count)
    {
        Count = count;
        Array.Clear(Domains, 0, count);
        Array.Clear(Supplied, 0, count * FieldCount);
        Array.Clear(Chosen, 0, count * FieldCount);
    }
}

/// <summary>Which provider filled a field: its index in the waterfall, the answer and the value's index in the answer.</summary>
public readonly record struct Choice(int Provider, Found? Answer, int Index)
{
    public bool IsSet => Answer is not null;
    public string Value => Answer!.Values[Index];
}

/// <summary>
/// Asks providers in priority order and keeps, per field, the first non-empty value. A provider is asked only about
/// rows that still miss one of its fields; by domain first, then by company name when the domain finds nothing.
/// Remote providers are asked once per distinct key per run, through the persistent cache, concurrently; their
/// failures are counted and the row simply falls through to the next provider.
/// </summary>
public sealed class ProviderWaterfall : IDisposable
{
    private readonly IReadOnlyList<IEnrichmentProvider> _providers;
    private readonly int[][] _fieldOf; // per provider: its field i → waterfall field index
    private readonly EnrichmentCache? _cache;
    private readonly Dictionary<LookupKey, LookupOutcome>[] _memo;
    private readonly ProviderStats[] _stats;

    /// <param name="providers">In priority order.</param>
    /// <param name="cache">Where remote answers persist; null keeps them for this run only.</param>
    public ProviderWaterfall(IReadOnlyList<IEnrichmentProvider> providers, EnrichmentCache? cache)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers;
        _cache = cache;
        Fields = [.. providers.SelectMany(p => p.Fields).Distinct(StringComparer.OrdinalIgnoreCase)];
        _fieldOf = [.. providers.Select(p => p.Fields.Select(f => IndexOf(Fields, f)).ToArray())];
        _memo = [.. providers.Select(_ => new Dictionary<LookupKey, LookupOutcome>())];
        _stats = [.. providers.Select(p => new ProviderStats(p, Fields.Count))];
    }

    /// <summary>Every field some provider fills, in order of first mention.</summary>
    public IReadOnlyList<string> Fields { get; }

    public IReadOnlyList<IEnrichmentProvider> Providers => _providers;

    /// <summary>Per provider, in priority order.</summary>
    public IReadOnlyList<ProviderStats> Stats => _stats;

    public EnrichmentCache? Cache => _cache;

    public WaterfallBatch CreateBatch(int capacity) => new(capacity, Fields.Count);

    /// <summary>Fills <see cref="WaterfallBatch.Chosen"/> for every row and field a provider knows.</summary>
    public void Fill(WaterfallBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var needs = new bool[batch.Count];
        var outcomes = new LookupOutcome?[batch.Count];
        var names = new string?[batch.Count];
        for (var p = 0; p < _providers.Count; p++)
        {
            var provider = _providers[p];
            var stats = _stats[p];
            var any = false;
            for (var row = 0; row < batch.Count; row++)
            {
                needs[row] = Needs(batch, row, p);
                outcomes[row] = null;
                any |= needs[row];
            }
            if (!any) continue;

            // By domain, then by name for rows the domain did not find.
            if (provider.Supports(LookupBy.Domain)) Ask(provider, p, batch, needs, outcomes, row => batch.Domains[row] is { } d ? new LookupKey(LookupBy.Domain, d) : null, cancellationToken);
            if (provider.Supports(LookupBy.Name))
            {
                Ask(provider, p, batch, needs, outcomes, row =>
                {
                    if (outcomes[row] is Found or Failed) return null;
                    names[row] ??= batch.NameOf(row);
                    return names[row] is { Length: > 0 } n ? new LookupKey(LookupBy.Name, n) : null;
                }, cancellationToken);
            }
            for (var row = 0; row < batch.Count; row++)
            {
                if (!needs[row] || outcomes[row] is null) continue;
                stats.Asked++;
                if (outcomes[row] is not Found found) continue;
                stats.Matched++;
                var map = _fieldOf[p];
                for (var i = 0; i < map.Length; i++)
                {
                    var slot = row * batch.FieldCount + map[i];
                    if (batch.Supplied[slot] || batch.Chosen[slot].IsSet || found.Values[i].Length == 0) continue;
                    batch.Chosen[slot] = new Choice(p, found, i);
                    stats.CountFilled(map[i]);
                }
            }
        }
        Array.Clear(names);
    }

    private bool Needs(WaterfallBatch batch, int row, int provider)
    {
        foreach (var field in _fieldOf[provider])
        {
            var slot = row * batch.FieldCount + field;
            if (!batch.Supplied[slot] && !batch.Chosen[slot].IsSet) return true;
        }
        return false;
    }

    /// <summary>Looks up the key of each needing row (local: row by row; remote: distinct keys, memo, cache, then the API).</summary>
    private void Ask(IEnrichmentProvider provider, int p, WaterfallBatch batch, bool[] needs, LookupOutcome?[] outcomes, Func<int, LookupKey?> keyOf, CancellationToken cancellationToken)
    {
        if (!provider.IsRemote)
        {
            for (var row = 0; row < batch.Count; row++)
            {
                if (!needs[row] || keyOf(row) is not { } key) continue;
                var pending = provider.LookupAsync(key, cancellationToken);
                outcomes[row] = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
            }
            return;
        }

        var keys = new LookupKey?[batch.Count];
        var answers = new Dictionary<LookupKey, LookupOutcome>();
        var missing = new List<LookupKey>();
        var seen = new HashSet<LookupKey>();
        var memo = _memo[p];
        var stats = _stats[p];
        for (var row = 0; row < batch.Count; row++)
        {
            if (!needs[row] || keyOf(row) is not { } key) continue;
            keys[row] = key;
            if (!seen.Add(key)) continue;
            if (memo.TryGetValue(key, out var known)) { answers[key] = known; continue; }
            if (_cache?.Get(provider, key) is { } cached)
            {
                stats.CacheHits++;
                answers[key] = memo[key] = cached;
                continue;
            }
            missing.Add(key);
        }
        if (missing.Count > 0)
        {
            var fetched = new ConcurrentDictionary<LookupKey, LookupOutcome>();
            Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = provider.Concurrency, CancellationToken = cancellationToken },
                async (key, token) => fetched[key] = await provider.LookupAsync(key, token).ConfigureAwait(false)).GetAwaiter().GetResult();
            stats.Calls += missing.Count;
            var keep = new List<(LookupKey, LookupOutcome)>();
            foreach (var key in missing)
            {
                var outcome = fetched[key];
                answers[key] = outcome;
                if (outcome is Failed failed) { stats.CountFailure(failed.Kind); continue; }
                memo[key] = outcome;
                keep.Add((key, outcome));
            }
            _cache?.Put(provider, keep);
        }
        for (var row = 0; row < batch.Count; row++)
            if (keys[row] is { } key) outcomes[row] = answers[key];
    }

    private static int IndexOf(IReadOnlyList<string> fields, string field)
    {
        for (var i = 0; i < fields.Count; i++)
            if (string.Equals(fields[i], field, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>
    /// Opens every provider of <paramref name="config"/> (reading reference files into memory) and, when a remote
    /// provider is configured, the cache file.
    /// </summary>
    /// <exception cref="Icp.Core.InputException">a reference file or one of its mapped columns is missing, or the cache cannot be opened.</exception>
    public static ProviderWaterfall Open(ProvidersConfig config, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var providers = new List<IEnrichmentProvider>();
        EnrichmentCache? cache = null;
        try
        {
            foreach (var provider in config.Providers)
            {
                providers.Add(provider switch
                {
                    ReferenceProviderConfig reference => ReferenceDataProvider.Load(reference),
                    HttpProviderConfig http => new HttpJsonProvider(http, clock),
                    _ => throw new ArgumentException($"unknown provider type {provider.GetType().Name}", nameof(config)),
                });
            }
            if (providers.Any(p => p.IsRemote)) cache = EnrichmentCache.Open(config.CachePath, clock);
            return new ProviderWaterfall(providers, cache);
        }
        catch
        {
            foreach (var provider in providers) (provider as IDisposable)?.Dispose();
            cache?.Dispose();
            throw;
        }
    }

    /// <summary>Disposes the providers that hold connections, and the cache.</summary>
    public void Dispose()
    {
        foreach (var provider in _providers) (provider as IDisposable)?.Dispose();
        _cache?.Dispose();
    }
}
