using Icp.Core;
using Icp.Data.Enrichment;
using Icp.TestSupport;

namespace Icp.Data.Tests.Enrichment;

public sealed class EnrichmentCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly LookupKey Acme = new(LookupBy.Domain, "acme.com");
    private static readonly LookupKey Nobody = new(LookupBy.Name, "nobody");

    /// <summary>An HTTP provider that is never called: the cache only needs its name, fields, TTLs and fingerprint.</summary>
    private static HttpJsonProvider Provider(string fields = "{ employees: $.employees, industry: $.industry }") =>
        new((HttpProviderConfig)ProvidersConfigLoader.Parse(
            $"providers:\n  - {{ name: api, type: http, url: 'http://127.0.0.1:9/{{domain}}', ttl: 30d, not_found_ttl: 7d, fields: {fields} }}",
            "p.yaml", ".").Providers[0]);

    [Fact]
    public void Answers_survive_closing_and_reopening_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cache.sqlite");
        using var provider = Provider();
        using (var cache = EnrichmentCache.Open(path, new ManualClock(Start)))
            cache.Put(provider, [(Acme, new Found(["120", "Software"], Start)), (Nobody, new NotFound(Start))]);

        using var reopened = EnrichmentCache.Open(path, new ManualClock(Start.AddDays(1)));
        var found = Assert.IsType<Found>(reopened.Get(provider, Acme));
        Assert.Equal(["120", "Software"], found.Values);
        Assert.Equal(Start, found.FetchedAt);
        Assert.Equal(new NotFound(Start), reopened.Get(provider, Nobody));
        Assert.Null(reopened.Get(provider, new LookupKey(LookupBy.Domain, "other.com")));
        Assert.Equal(2, reopened.Count());
    }

    [Fact]
    public void Entries_expire_after_their_ttl_not_found_sooner()
    {
        using var dir = new TempDirectory();
        var clock = new ManualClock(Start);
        using var provider = Provider();
        using var cache = EnrichmentCache.Open(dir.File("cache.sqlite"), clock);
        cache.Put(provider, [(Acme, new Found(["120", "Software"], Start)), (Nobody, new NotFound(Start))]);

        clock.Advance(TimeSpan.FromDays(6));
        Assert.NotNull(cache.Get(provider, Acme));
        Assert.NotNull(cache.Get(provider, Nobody));
        clock.Advance(TimeSpan.FromDays(2)); // day 8: past the 7-day not-found TTL
        Assert.NotNull(cache.Get(provider, Acme));
        Assert.Null(cache.Get(provider, Nobody));
        clock.Advance(TimeSpan.FromDays(23)); // day 31: past the 30-day TTL
        Assert.Null(cache.Get(provider, Acme));
    }

    [Fact]
    public void A_changed_field_mapping_does_not_reuse_old_answers()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cache.sqlite");
        using var before = Provider();
        using var after = Provider("{ employees: $.metrics.employees, industry: $.industry }");
        using var cache = EnrichmentCache.Open(path, new ManualClock(Start));
        cache.Put(before, [(Acme, new Found(["120", "Software"], Start))]);
        Assert.Null(cache.Get(after, Acme));
        Assert.NotNull(cache.Get(before, Acme));
    }

    [Fact]
    public void Failures_are_never_cached()
    {
        using var dir = new TempDirectory();
        using var provider = Provider();
        using var cache = EnrichmentCache.Open(dir.File("cache.sqlite"), new ManualClock(Start));
        cache.Put(provider, [(Acme, new Failed("timeout", "slow"))]);
        Assert.Null(cache.Get(provider, Acme));
        Assert.Equal(0, cache.Count());
    }

    [Fact]
    public void A_file_that_is_not_a_cache_is_refused_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("cache.sqlite", "this is not a database, just text that happens to be long enough to look like one");
        var e = Assert.Throws<InputException>(() => EnrichmentCache.Open(path));
        Assert.Equal(path, e.Location!.Source);
        Assert.Contains("cannot use", e.Message, StringComparison.Ordinal);
    }
}
