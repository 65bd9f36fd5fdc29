using Icp.Core;
using Icp.Data.Enrichment;
using Icp.TestSupport;

namespace Icp.Data.Tests.Enrichment;

/// <summary>The HTTP provider against a real server on loopback that misbehaves in the ways real APIs do.</summary>
public sealed class HttpJsonProviderTests
{
    private static readonly LookupKey Acme = new(LookupBy.Domain, "acme.com");

    private static HttpJsonProvider Provider(LoopbackHttpServer server, string extra = "", Func<string, string?>? env = null)
    {
        var config = ProvidersConfigLoader.Parse($"""
            providers:
              - name: fake-api
                type: http
                url: {server.BaseUrl}/companies/{'{'}domain{'}'}
                url_by_name: {server.BaseUrl}/search?name={'{'}name{'}'}
                retry_delay: 10ms
            {extra}
                fields:
                  employees: $.metrics.employees
                  industry: $.industry
                  tech: $.tech
            """, "providers.yaml", ".", env);
        return new HttpJsonProvider(Assert.IsType<HttpProviderConfig>(Assert.Single(config.Providers)));
    }

    private static async Task<LookupOutcome> Lookup(HttpJsonProvider provider, LookupKey? key = null) =>
        await provider.LookupAsync(key ?? Acme, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_json_answer_is_mapped_onto_the_fields()
    {
        using var server = new LoopbackHttpServer((_, _) => FakeResponse.Json("""{"metrics":{"employees":250},"industry":"Software","tech":["Salesforce","Slack"]}"""));
        using var provider = Provider(server, "    auth: { header: X-Api-Key, env: KEY }", name => name == "KEY" ? "k-123" : null);
        var found = Assert.IsType<Found>(await Lookup(provider));
        Assert.Equal(["250", "Software", "Salesforce; Slack"], found.Values);
        Assert.Equal("/companies/acme.com", server.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task The_auth_header_comes_from_the_environment()
    {
        using var server = new LoopbackHttpServer((_, _) => FakeResponse.Json("""{"industry":"Software"}"""));
        using var provider = Provider(server, "    auth: { env: KEY, prefix: \"Bearer \" }", name => name == "KEY" ? "k-123" : null);
        Assert.IsType<Found>(await Lookup(provider));
        Assert.Equal("Bearer k-123", server.Requests[0].Authorization);
    }

    [Fact]
    public async Task A_name_lookup_uses_the_name_url_with_the_name_escaped()
    {
        using var server = new LoopbackHttpServer((_, _) => FakeResponse.Json("""{"industry":"Retail"}"""));
        using var provider = Provider(server);
        Assert.IsType<Found>(await Lookup(provider, new LookupKey(LookupBy.Name, "acme & co")));
        Assert.Equal("/search?name=acme%20%26%20co", server.Requests[0].PathAndQuery);
    }

    [Theory]
    [InlineData(404, "")]
    [InlineData(200, """{"industry":null,"other":"x"}""")]
    [InlineData(200, "")]
    public async Task Not_found_and_empty_answers_are_not_found(int status, string body)
    {
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(status, body));
        using var provider = Provider(server);
        Assert.IsType<NotFound>(await Lookup(provider));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_it_asks_for()
    {
        using var server = new LoopbackHttpServer((_, n) => n == 1 ? new FakeResponse(429, "{}", RetryAfterSeconds: 1) : FakeResponse.Json("""{"industry":"Software"}"""));
        using var provider = Provider(server);
        var found = Assert.IsType<Found>(await Lookup(provider));
        Assert.Equal("Software", found.Values[1]);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_retried_then_reported_by_status()
    {
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(500, "oops"));
        using var provider = Provider(server, "    retries: 2");
        var failed = Assert.IsType<Failed>(await Lookup(provider));
        Assert.Equal("http 500", failed.Kind);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_500_then_a_good_answer_succeeds()
    {
        using var server = new LoopbackHttpServer((_, n) => n < 3 ? new FakeResponse(503, "") : FakeResponse.Json("""{"industry":"Software"}"""));
        using var provider = Provider(server, "    retries: 3");
        Assert.IsType<Found>(await Lookup(provider));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_slow_server_is_a_timeout()
    {
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(200, "{}", Delay: TimeSpan.FromSeconds(30)));
        using var provider = Provider(server, "    retries: 1\n    timeout: 200ms");
        var failed = Assert.IsType<Failed>(await Lookup(provider));
        Assert.Equal("timeout", failed.Kind);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("{\"industry\": \"Software\"")]
    [InlineData("<html>Service unavailable</html>")]
    public async Task Malformed_json_is_a_failure_not_a_crash(string body)
    {
        using var server = new LoopbackHttpServer((_, _) => FakeResponse.Json(body));
        using var provider = Provider(server);
        Assert.Equal("malformed json", Assert.IsType<Failed>(await Lookup(provider)).Kind);
    }

    [Fact]
    public async Task Unauthorised_is_not_retried()
    {
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(401, "{}"));
        using var provider = Provider(server, "    retries: 3");
        Assert.Equal("http 401", Assert.IsType<Failed>(await Lookup(provider)).Kind);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_calling()
    {
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(500, ""));
        using var provider = Provider(server, "    retries: 0\n    circuit_breaker: { failure_ratio: 0.5, minimum_throughput: 3, break: 1m }");
        var kinds = new List<string>();
        for (var i = 0; i < 10; i++) kinds.Add(Assert.IsType<Failed>(await Lookup(provider, new LookupKey(LookupBy.Domain, $"c{i}.com"))).Kind);
        Assert.Equal(["http 500", "http 500", "http 500"], kinds.Take(3));
        Assert.All(kinds.Skip(3), k => Assert.Equal("circuit open", k));
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Nothing_listening_is_a_connection_failure()
    {
        string url;
        using (var gone = new LoopbackHttpServer((_, _) => FakeResponse.Json("{}"))) url = gone.BaseUrl;
        var config = ProvidersConfigLoader.Parse($"providers:\n  - {{ name: x, type: http, url: '{url}/{{domain}}', retries: 0, fields: {{ a: $.a }} }}", "p.yaml", ".");
        using var provider = new HttpJsonProvider((HttpProviderConfig)config.Providers[0]);
        Assert.Equal("connection", Assert.IsType<Failed>(await provider.LookupAsync(Acme, TestContext.Current.CancellationToken)).Kind);
    }

    [Fact]
    public void Providers_file_with_this_server_rejects_placeholders_it_does_not_know()
    {
        using var server = new LoopbackHttpServer((_, _) => FakeResponse.Json("{}"));
        var e = Assert.Throws<InputException>(() => ProvidersConfigLoader.Parse($"providers:\n  - {{ name: x, type: http, url: '{server.BaseUrl}/{{company}}', fields: {{ a: $.a }} }}", "p.yaml", "."));
        Assert.Contains("unknown placeholder '{company}'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
    }
}
