using Icp.Cli.Tests.Support;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

/// <summary><c>icp enrich --providers</c> and <c>icp score --enrich</c> end to end: real files, a real SQLite cache, a real HTTP server.</summary>
public sealed class EnrichProvidersTests
{
    private const string Leads = """
        company,email,industry,employees
        Acme Corp,jane@acme.com,,
        Globex,bob@globex.com,Aerospace,
        Initech LLC,,,
        Hooli,sam@gmail.com,,
        """;

    private const string Reference = """
        website,company,industry,employees
        https://www.acme.com,ACME,Software,120
        globex.com,Globex Corporation,Manufacturing,5000
        ,Initech,IT Services,51-200
        """;

    private static string Providers(string extra = "") => $"""
        cache: cache.sqlite
        providers:
        {extra}
          - name: reference
            type: reference
            file: reference.csv
            domain_column: website
            name_column: company
            fields:
              industry: industry
              employees: employees
        """;

    /// <summary>The output as rows of column → value.</summary>
    private static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = TableReaders.Open(path);
        var batch = new RowBatch(reader.Columns.Count, 1024);
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++)
                rows.Add(reader.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => batch[r, x.i].ToString()));
        return rows;
    }

    private static (string Data, string Providers) Write(TempDirectory dir, string extra = "")
    {
        dir.Write("reference.csv", Reference + "\n");
        return (dir.Write("leads.csv", Leads + "\n"), dir.Write("providers.yaml", Providers(extra)));
    }

    [Fact]
    public void Fields_are_appended_with_their_source_and_fetch_time_and_user_values_are_kept()
    {
        using var dir = new TempDirectory();
        var (data, providers) = Write(dir);
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());

        var rows = Read(dir.File("out.csv"));
        Assert.Equal(["Software", "Aerospace", "IT Services", ""], rows.Select(r => r["industry"]));
        Assert.Equal(["reference", "input", "reference", ""], rows.Select(r => r["industry__source"]));
        Assert.Equal(["120", "5000", "51-200", ""], rows.Select(r => r["employees"]));
        // Normalisers run on the filled values: the provider's band becomes numbers, its industry a canonical one.
        Assert.Equal(["120", "5000", "125.5", ""], rows.Select(r => r["employees_value"]));
        Assert.Equal(["Software", "Manufacturing", "IT Services", ""], rows.Select(r => r["industry_normalised"]));
        var fetched = File.GetLastWriteTimeUtc(dir.File("reference.csv")).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([fetched, "", fetched, ""], rows.Select(r => r["industry__fetched_at"]));
        Assert.Contains("kept 1 values the input already had", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"│ reference\s+│\s+4 │\s+3 │\s+75\.0 %", result.Out);
        Assert.False(File.Exists(dir.File("cache.sqlite")), "a reference-only run needs no cache");
    }

    [Fact]
    public void Fields_no_normaliser_reads_are_filled_in_place_and_appended_too()
    {
        using var dir = new TempDirectory();
        dir.Write("reference.csv", "website,crm,hq\nacme.com,Salesforce,Paris\nglobex.com,HubSpot,Berlin\n");
        var data = dir.Write("leads.csv", "email,crm\njane@acme.com,\nbob@globex.com,Pipedrive\nsam@initech.com,n/a\n");
        var providers = dir.Write("providers.yaml", "providers:\n  - { name: ref, type: reference, file: reference.csv, domain_column: website, fields: { crm: crm, hq: hq } }\n");
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = Read(dir.File("out.csv"));
        Assert.Equal(["Salesforce", "Pipedrive", "n/a"], rows.Select(r => r["crm"]));
        Assert.Equal(["ref", "input", ""], rows.Select(r => r["crm__source"]));
        Assert.Equal(["Paris", "Berlin", ""], rows.Select(r => r["hq"]));
        Assert.Equal(["email", "crm", "hq", "domain_normalised", "is_free_mail", "is_disposable", "crm__source", "crm__fetched_at", "hq__source", "hq__fetched_at"],
            rows[0].Keys);
    }

    [Fact]
    public void Overwrite_lets_providers_replace_user_values()
    {
        using var dir = new TempDirectory();
        var (data, providers) = Write(dir);
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"), "--overwrite");
        Assert.True(result.ExitCode == 0, result.ToString());
        var globex = Read(dir.File("out.csv"))[1];
        Assert.Equal(("Manufacturing", "reference"), (globex["industry"], globex["industry__source"]));
    }

    [Fact]
    public void A_provenance_column_the_input_already_has_stops_the_run_without_overwrite()
    {
        using var dir = new TempDirectory();
        var (_, providers) = Write(dir);
        var data = dir.Write("leads2.csv", "email,industry__source\njane@acme.com,crm\n");
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already has column(s) industry__source", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
    }

    [Fact]
    public void A_provider_field_named_like_a_normaliser_column_is_refused()
    {
        using var dir = new TempDirectory();
        var (data, _) = Write(dir);
        var providers = dir.Write("clash.yaml", "providers:\n  - { name: r, type: reference, file: reference.csv, domain_column: website, fields: { industry_normalised: industry } }\n");
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"), "--overwrite");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("provider field 'industry_normalised' is also a column enrich writes", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
    }

    [Fact]
    public void A_failing_api_degrades_to_the_next_provider_and_the_summary_says_what_failed()
    {
        using var dir = new TempDirectory();
        using var server = new LoopbackHttpServer((_, _) => new FakeResponse(503, ""));
        var (data, providers) = Write(dir, $"""
              - name: flaky-api
                type: http
                url: {server.BaseUrl}/companies/{"{domain}"}
                retries: 1
                retry_delay: 0s
                fields:
                  industry: $.industry
            """);
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["Software", "Aerospace", "IT Services", ""], Read(dir.File("out.csv")).Select(r => r["industry"]));
        // Only acme.com is asked: Globex's industry is the user's, Initech has no domain, gmail.com is no company.
        Assert.Contains("1 lookup failed", result.Out, StringComparison.Ordinal);
        Assert.Contains("flaky-api: http 503 1", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount); // the first try and one retry
    }

    [Fact]
    public void A_second_run_reads_the_cache_file_instead_of_calling_the_api()
    {
        using var dir = new TempDirectory();
        using var server = new LoopbackHttpServer((request, _) => request.Url!.AbsolutePath.EndsWith("/acme.com", StringComparison.Ordinal)
            ? FakeResponse.Json("""{"industry":"Fintech"}""") : new FakeResponse(404, ""));
        var (data, providers) = Write(dir, $"""
              - name: api
                type: http
                url: {server.BaseUrl}/companies/{"{domain}"}
                fields:
                  industry: $.industry
            """);
        var first = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("first.csv"), "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["/companies/acme.com"], server.Requests.Select(r => r.PathAndQuery)); // Globex's industry is the user's; gmail.com is no company
        var second = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("second.csv"), "--json");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(1, server.RequestCount);
        Assert.Contains("\"cache_hits\": 1", second.Out, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(dir.File("first.csv")), File.ReadAllText(dir.File("second.csv")));
        Assert.Equal("api", Read(dir.File("second.csv"))[0]["industry__source"]);
    }

    [Fact]
    public void A_bad_providers_file_stops_the_run_naming_line_and_column()
    {
        using var dir = new TempDirectory();
        var (data, _) = Write(dir);
        var providers = dir.Write("bad.yaml", "providers:\n  - name: x\n    type: reference\n    flie: reference.csv\n");
        var result = IcpCli.Run("enrich", "-d", data, "--providers", providers, "-o", dir.File("out.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{providers}:4:5: unknown key 'flie'", result.Err, StringComparison.Ordinal);
        Assert.Contains("did you mean 'file'?", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")));
    }

    [Fact]
    public void Score_enrich_scores_the_enriched_rows()
    {
        using var dir = new TempDirectory();
        var (data, providers) = Write(dir);
        var profile = dir.Write("profile.yaml", """
            icp: software-first
            version: 1
            signals:
              - industry_normalised: { in: [Software, IT Services] }
                points: 60
              - employees_value: { between: [50, 1000] }
                points: 40
            tiers: { A: 80, B: 40 }
            """);
        var plain = IcpCli.Run("score", "-p", profile, "-d", data, "-o", dir.File("plain.csv"));
        Assert.Equal(1, plain.ExitCode); // without enrichment the data has neither column
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "--enrich", providers, "-o", dir.File("scored.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["100", "0", "100", "0"], Read(dir.File("scored.csv")).Select(r => r["icp_score"]));
        Assert.Contains("Providers", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_enrich_refuses_the_duckdb_engine()
    {
        using var dir = new TempDirectory();
        var (data, providers) = Write(dir);
        var profile = dir.Write("profile.yaml", Samples.Profile);
        var result = IcpCli.Run("score", "-p", profile, "-d", data, "--enrich", providers, "--engine", "duckdb", "-o", dir.File("s.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--enrich needs --engine icp", result.Err, StringComparison.Ordinal);
    }
}
