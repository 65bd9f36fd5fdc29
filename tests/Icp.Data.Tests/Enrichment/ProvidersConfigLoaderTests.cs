using Icp.Core;
using Icp.Data.Enrichment;

namespace Icp.Data.Tests.Enrichment;

public sealed class ProvidersConfigLoaderTests
{
    private static readonly Func<string, string?> Env = name => name == "ACME_KEY" ? "s3cret" : null;

    private static ProvidersConfig Parse(string yaml) => ProvidersConfigLoader.Parse(yaml, "providers.yaml", "/work/project", Env);

    private static InputException Fails(string yaml) => Assert.Throws<InputException>(() => Parse(yaml));

    private const string Http = """
        providers:
          - name: acme-api
            type: http
            url: https://api.acme.test/v1/companies/{domain}
            url_by_name: https://api.acme.test/v1/search?q={name}
            auth: { header: X-Api-Key, env: ACME_KEY, prefix: "Key " }
            timeout: 250ms
            rate_limit: 600/min
            retries: 2
            retry_delay: 0s
            concurrency: 8
            ttl: 12h
            not_found_ttl: 1d
            circuit_breaker: { failure_ratio: 0.25, minimum_throughput: 4, break: 5s }
            fields:
              employees: $.metrics.employees
              tech: $.tech
        """;

    [Fact]
    public void A_full_http_provider_is_read_with_every_setting()
    {
        var config = Parse(Http);
        var http = Assert.IsType<HttpProviderConfig>(Assert.Single(config.Providers));
        Assert.Equal("acme-api", http.Name);
        Assert.Equal("https://api.acme.test/v1/companies/{domain}", http.UrlTemplate);
        Assert.Equal("https://api.acme.test/v1/search?q={name}", http.NameUrlTemplate);
        Assert.Equal(new AuthHeader("X-Api-Key", "Key s3cret", "ACME_KEY"), http.Auth);
        Assert.DoesNotContain("s3cret", http.Auth!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(250), http.Timeout);
        Assert.Equal(new RateLimit(600, TimeSpan.FromMinutes(1)), http.RateLimit);
        Assert.Equal((2, TimeSpan.Zero, 8), (http.Retries, http.RetryDelay, http.Concurrency));
        Assert.Equal((TimeSpan.FromHours(12), TimeSpan.FromDays(1)), (http.FoundTtl, http.NotFoundTtl));
        Assert.Equal(new CircuitBreakerSettings(0.25, 4, TimeSpan.FromSeconds(5)), http.CircuitBreaker);
        Assert.Equal(["employees", "tech"], config.Fields);
        Assert.Equal(Path.Combine("/work/project", ProvidersConfigLoader.DefaultCacheFile), config.CachePath);
    }

    [Fact]
    public void Reference_paths_and_the_cache_are_relative_to_the_yaml_file()
    {
        var config = Parse("""
            cache: cache/enrich.sqlite
            providers:
              - { name: cb, type: reference, file: data/companies.csv, name_column: name, fields: { industry: category } }
            """);
        var reference = Assert.IsType<ReferenceProviderConfig>(Assert.Single(config.Providers));
        Assert.Equal("/work/project/data/companies.csv", reference.File);
        Assert.Equal("/work/project/cache/enrich.sqlite", config.CachePath);
        Assert.Null(reference.DomainColumn);
    }

    [Fact]
    public void Unknown_key_names_its_line_and_column_and_suggests_the_right_one()
    {
        var e = Fails(Http.Replace("    timeout: 250ms", "    tiemout: 250ms", StringComparison.Ordinal));
        Assert.Equal(new SourceLocation("providers.yaml", 7, 5), e.Location);
        Assert.Contains("unknown key 'tiemout'", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'timeout'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_environment_variable_for_auth_stops_with_its_name()
    {
        var e = Fails(Http.Replace("env: ACME_KEY", "env: ACME_TOKEN", StringComparison.Ordinal));
        Assert.Equal(6, e.Location!.Line);
        Assert.Contains("environment variable ACME_TOKEN is not set", e.Message, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.acme.test/v1/companies/{domian}", "unknown placeholder '{domian}' in the URL — did you mean '{domain}'?")]
    [InlineData("https://api.acme.test/v1/companies", "the URL template has no {domain}")]
    [InlineData("ftp://api.acme.test/{domain}", "is not an absolute http:// or https:// URL template")]
    [InlineData("/v1/companies/{domain}", "is not an absolute http:// or https:// URL template")]
    public void Bad_url_template_is_refused_at_its_line(string url, string expected)
    {
        var e = Fails(Http.Replace("https://api.acme.test/v1/companies/{domain}", url, StringComparison.Ordinal));
        Assert.Equal(4, e.Location!.Line);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timeout: 250ms", "timeout: soon", "timeout 'soon' is not a duration")]
    [InlineData("rate_limit: 600/min", "rate_limit: fast", "rate_limit 'fast' is not a rate")]
    [InlineData("retries: 2", "retries: -1", "retries must be a whole number from 0 to 10")]
    [InlineData("employees: $.metrics.employees", "employees: $.metrics[x]", "is not a JSON path")]
    [InlineData("employees: $.metrics.employees", "employee count: $.metrics.employees", "field name 'employee count' must be letters")]
    [InlineData("type: http", "type: htp", "unknown provider type 'htp' — did you mean 'http'?")]
    [InlineData("failure_ratio: 0.25", "failure_ratio: 2", "failure_ratio must be a number above 0 and at most 1")]
    public void Bad_values_are_refused_with_what_was_expected(string good, string bad, string expected)
    {
        var e = Fails(Http.Replace(good, bad, StringComparison.Ordinal));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.True(e.Location!.Line > 1, e.Describe());
    }

    [Theory]
    [InlineData("providers: []", "'providers:' must be a list")]
    [InlineData("cache: x.sqlite", "'providers:' is missing")]
    [InlineData("providers:\n  - { name: a, type: reference, file: a.csv, fields: { x: y } }", "needs 'domain_column:' or 'name_column:'")]
    [InlineData("providers:\n  - { name: a, type: reference, file: a.csv, name_column: n }", "has no 'fields:'")]
    [InlineData("providers:\n  - { name: a, type: reference, file: a.csv, name_column: n, fields: { x: y } }\n  - { name: A, type: reference, file: b.csv, name_column: n, fields: { x: y } }", "two providers are named 'A'")]
    [InlineData("providers: [ {", "invalid YAML")]
    [InlineData("- a\n- b", "a providers file is a map")]
    public void Malformed_files_are_refused(string yaml, string expected)
    {
        var e = Fails(yaml);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal("providers.yaml", e.Location!.Source);
    }

    [Theory]
    [InlineData("    auth: { header: X-Api-Key, env: ACME_KEY, prefix: \"Key \" }", "    auth: ACME_KEY", "'auth:' is a map")]
    [InlineData("    circuit_breaker: { failure_ratio: 0.25, minimum_throughput: 4, break: 5s }", "    circuit_breaker: on", "'circuit_breaker:' is a map")]
    [InlineData("    circuit_breaker: { failure_ratio: 0.25, minimum_throughput: 4, break: 5s }", "    circuit_breaker: { failure_ratio: 0.25, minimum_throughput: 1 }", "minimum_throughput must be a whole number from 2")]
    [InlineData("    auth: { header: X-Api-Key, env: ACME_KEY, prefix: \"Key \" }", "    auth: { header: X-Api-Key }", "'auth:' needs 'env:'")]
    [InlineData("    auth: { header: X-Api-Key, env: ACME_KEY, prefix: \"Key \" }", "    auth: { header: X-Api-Key, env: ACME_KEY, secret: x }", "unknown key 'secret' in 'auth:'")]
    [InlineData("    timeout: 250ms", "    timeout: [1, 2]", "'timeout' needs a single value here, not a list")]
    [InlineData("    concurrency: 8", "    concurrency: 0", "concurrency must be a whole number from 1 to 64")]
    [InlineData("    url_by_name: https://api.acme.test/v1/search?q={name}", "    url_by_name: https://api.acme.test/v1/search?q={domain}", "this URL takes only {name}")]
    public void Bad_nested_settings_are_refused_at_their_line(string good, string bad, string expected)
    {
        var yaml = Http.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Http, yaml);
        var e = Fails(yaml);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.True(e.Location!.Line > 2, e.Describe());
    }

    [Fact]
    public void Fields_must_be_a_map()
    {
        var e = Fails("providers:\n  - name: a\n    type: reference\n    file: a.csv\n    name_column: n\n    fields: [industry]\n");
        Assert.Equal(6, e.Location!.Line);
        Assert.Contains("'fields:' maps each output field to a column of the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var e = Assert.Throws<InputException>(() => ProvidersConfigLoader.LoadFile("/nonexistent/providers.yaml"));
        Assert.Equal("providers file not found: /nonexistent/providers.yaml", e.Message);
    }
}
