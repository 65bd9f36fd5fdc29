using Icp.Core;
using Icp.Data.Enrichment;
using Icp.TestSupport;

namespace Icp.Data.Tests.Enrichment;

public sealed class ProviderWaterfallTests
{
    private static ProviderWaterfall Open(TempDirectory dir, string providers, TimeProvider? clock = null) =>
        ProviderWaterfall.Open(ProvidersConfigLoader.LoadFile(dir.Write("providers.yaml", providers)), clock);

    private static WaterfallBatch Batch(ProviderWaterfall waterfall, params (string? Domain, string? Name)[] rows)
    {
        var batch = waterfall.CreateBatch(16);
        batch.Reset(rows.Length);
        for (var i = 0; i < rows.Length; i++) batch.Domains[i] = rows[i].Domain;
        batch.NameOf = row => rows[row].Name;
        return batch;
    }

    private static string? Value(ProviderWaterfall waterfall, WaterfallBatch batch, int row, string field)
    {
        var choice = batch.Chosen[row * batch.FieldCount + waterfall.Fields.ToList().IndexOf(field)];
        return choice.IsSet ? $"{choice.Value} ({waterfall.Providers[choice.Provider].Name})" : null;
    }

    private const string TwoReferences = """
        providers:
          - { name: first, type: reference, file: first.csv, domain_column: website, fields: { industry: industry, employees: size } }
          - { name: second, type: reference, file: second.csv, domain_column: domain, name_column: company, fields: { employees: employees, city: city } }
        """;

    private static void WriteReferences(TempDirectory dir)
    {
        dir.Write("first.csv", "website,industry,size\nhttps://www.acme.com/,Software,\nglobex.com,Manufacturing,5000\n");
        dir.Write("second.csv", "domain,company,employees,city\nacme.com,Acme,120,Paris\nglobex.com,Globex,4000,Berlin\n,Initech LLC,50,Austin\n");
    }

    [Fact]
    public void Each_field_takes_the_first_non_empty_value_in_priority_order()
    {
        using var dir = new TempDirectory();
        WriteReferences(dir);
        using var waterfall = Open(dir, TwoReferences);
        Assert.Equal(["industry", "employees", "city"], waterfall.Fields);
        var batch = Batch(waterfall, ("acme.com", null), ("globex.com", null));
        waterfall.Fill(batch, TestContext.Current.CancellationToken);

        Assert.Equal("Software (first)", Value(waterfall, batch, 0, "industry"));
        Assert.Equal("120 (second)", Value(waterfall, batch, 0, "employees")); // first has the company but no size
        Assert.Equal("Paris (second)", Value(waterfall, batch, 0, "city"));
        Assert.Equal("5000 (first)", Value(waterfall, batch, 1, "employees")); // first wins over second's 4000
        Assert.Equal([2L, 2L], waterfall.Stats.Select(s => s.Matched));
    }

    [Fact]
    public void Rows_without_a_domain_match_on_company_name()
    {
        using var dir = new TempDirectory();
        WriteReferences(dir);
        using var waterfall = Open(dir, TwoReferences);
        var batch = Batch(waterfall, (null, "initech"), ("unknown.com", "initech"), (null, null));
        waterfall.Fill(batch, TestContext.Current.CancellationToken);
        Assert.Equal("Austin (second)", Value(waterfall, batch, 0, "city"));
        Assert.Equal("Austin (second)", Value(waterfall, batch, 1, "city")); // domain not found: name is tried next
        Assert.Null(Value(waterfall, batch, 2, "city"));
        Assert.Equal((2L, 2L), (waterfall.Stats[1].Asked, waterfall.Stats[1].Matched));
    }

    [Fact]
    public void Supplied_fields_are_not_asked_for()
    {
        using var dir = new TempDirectory();
        WriteReferences(dir);
        using var waterfall = Open(dir, TwoReferences);
        var batch = Batch(waterfall, ("acme.com", null));
        for (var f = 0; f < batch.FieldCount; f++) batch.Supplied[f] = true;
        waterfall.Fill(batch, TestContext.Current.CancellationToken);
        Assert.All(waterfall.Stats, s => Assert.Equal(0, s.Asked));
        Assert.DoesNotContain(batch.Chosen.Take(batch.FieldCount), c => c.IsSet);
    }

    [Fact]
    public void A_failing_api_falls_through_to_the_next_provider_and_is_counted()
    {
        using var dir = new TempDirectory();
        WriteReferences(dir);
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(500, ""));
        using var waterfall = Open(dir, $"""
            cache: cache.sqlite
            providers:
              - {"{"} name: api, type: http, url: '{server.BaseUrl}/c/{"{domain}"}', retries: 1, retry_delay: 0s, fields: {"{"} city: $.city {"}"} {"}"}
              - {"{"} name: second, type: reference, file: second.csv, domain_column: domain, fields: {"{"} city: city {"}"} {"}"}
            """);
        var batch = Batch(waterfall, ("acme.com", null), ("globex.com", null), ("acme.com", null));
        waterfall.Fill(batch, TestContext.Current.CancellationToken);
        Assert.Equal("Paris (second)", Value(waterfall, batch, 0, "city"));
        Assert.Equal("Berlin (second)", Value(waterfall, batch, 1, "city"));
        Assert.Equal(new Dictionary<string, long> { ["http 500"] = 2 }, waterfall.Stats[0].Failures); // two distinct domains
        Assert.Equal(4, server.RequestCount); // each tried twice (one retry)
    }

    [Fact]
    public void Remote_answers_are_asked_once_per_key_and_then_come_from_the_cache()
    {
        using var dir = new TempDirectory();
        using var server = new LoopbackHttpServer((request, _) => request.Url!.AbsolutePath.EndsWith("/acme.com", StringComparison.Ordinal)
            ? FakeResponse.Json("""{"city":"Paris"}""") : new FakeResponse(404, ""));
        var yaml = $"""
            cache: cache.sqlite
            providers:
              - {"{"} name: api, type: http, url: '{server.BaseUrl}/c/{"{domain}"}', fields: {"{"} city: $.city {"}"} {"}"}
            """;
        using (var first = Open(dir, yaml))
        {
            var batch = Batch(first, ("acme.com", null), ("acme.com", null), ("nobody.com", null));
            first.Fill(batch, TestContext.Current.CancellationToken);
            Assert.Equal("Paris (api)", Value(first, batch, 1, "city"));
            Assert.Equal((2L, 0L), (first.Stats[0].Calls, first.Stats[0].CacheHits));
        }
        using var second = Open(dir, yaml);
        var again = Batch(second, ("acme.com", null), ("nobody.com", null));
        second.Fill(again, TestContext.Current.CancellationToken);
        Assert.Equal("Paris (api)", Value(second, again, 0, "city"));
        Assert.Null(Value(second, again, 1, "city"));
        Assert.Equal((0L, 2L), (second.Stats[0].Calls, second.Stats[0].CacheHits));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public void A_mapped_column_missing_from_the_reference_file_names_the_yaml_line()
    {
        using var dir = new TempDirectory();
        WriteReferences(dir);
        var e = Assert.Throws<InputException>(() => Open(dir, """
            providers:
              - name: first
                type: reference
                file: first.csv
                domain_column: website
                fields:
                  industry: industyr
            """));
        Assert.Equal(7, e.Location!.Line);
        Assert.Contains("'industyr' is not a column", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'industry'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_column_missing_from_the_reference_file_is_refused()
    {
        using var dir = new TempDirectory();
        WriteReferences(dir);
        var e = Assert.Throws<InputException>(() => Open(dir, "providers:\n  - { name: first, type: reference, file: first.csv, domain_column: site, fields: { industry: industry } }"));
        Assert.Equal(2, e.Location!.Line);
        Assert.Contains("'site' is not a column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_reference_file_names_the_provider()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<InputException>(() => Open(dir, "providers:\n  - { name: gone, type: reference, file: nope.csv, name_column: n, fields: { a: b } }"));
        Assert.Contains("reference file of provider 'gone' not found", e.Message, StringComparison.Ordinal);
    }
}
