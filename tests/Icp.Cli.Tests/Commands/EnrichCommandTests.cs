using Icp.Cli.Tests.Support;
using Icp.TestSupport;

namespace Icp.Cli.Tests.Commands;

public sealed class EnrichCommandTests
{
    private const string Leads = """
        company,email,country,employees,revenue,industry,tech
        "Acme, Inc.",jane@mail.acme.co.uk,U.S.A.,51-200,$10M-$50M,SaaS,SFDC; hubspot crm
        ACME Corp,bob@gmail.com,United States of America,200+,1.2B,computer software,GSuite
        Globex GmbH,info@globex.de,Deutschland,"1,001-5,000",10-50M,Fintech,MS Dynamics|Slack
        Initech LLC,https://www.initech.com:8443/about,UK,<10,over $1 billion,technolgy,Foo CRM
        Initech,sales@initech.com,Holland,10 to 50 employees,€5M,n/a,Zendesk
        """;

    private static string[][] ReadCsv(string path) =>
        [.. File.ReadAllLines(path).Select(line => Csv(line))];

    // The test data quotes only fields with commas and no quotes inside, so a tiny splitter will do.
    private static string[] Csv(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (i <= line.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                fields.Add(line[(i + 1)..end]);
                i = end + 2;
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                fields.Add(line[i..end]);
                i = end + 1;
            }
        }
        return [.. fields];
    }

    private static string Column(string[][] table, int row, string name) => table[row][Array.IndexOf(table[0], name)];

    [Fact]
    public void Enrich_appends_normalised_columns_and_reports_each_normaliser()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", Leads + "\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());

        var table = ReadCsv(dir.File("out.csv"));
        Assert.Equal(6, table.Length);
        Assert.Equal(["company", "email", "country", "employees", "revenue", "industry", "tech", "domain_normalised", "is_free_mail", "is_disposable",
            "country_iso2", "region", "employees_low", "employees_high", "employees_value", "revenue_usd_low", "revenue_usd_high", "revenue_usd_value",
            "industry_normalised", "tech_normalised"], table[0]);
        Assert.Equal("acme.co.uk", Column(table, 1, "domain_normalised"));
        Assert.Equal("true", Column(table, 2, "is_free_mail"));
        Assert.Equal(["US", "US", "DE", "GB", "NL"], table.Skip(1).Select(r => r[Array.IndexOf(table[0], "country_iso2")]));
        Assert.Equal("125.5", Column(table, 1, "employees_value"));
        Assert.Equal("", Column(table, 2, "employees_high"));
        Assert.Equal("30000000", Column(table, 3, "revenue_usd_value"));
        Assert.Equal("Financial Services", Column(table, 3, "industry_normalised"));
        Assert.Equal("Salesforce; HubSpot", Column(table, 1, "tech_normalised"));
        Assert.Equal("SaaS", Column(table, 1, "industry")); // the input column is untouched

        Assert.Contains("domain ← email (detected)", result.Out, StringComparison.Ordinal);
        Assert.Contains("technolgy (1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("€5M (1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("wrote 5 rows", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Dedupe_merges_by_domain_and_by_name_and_explains_each_merge()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", Leads + "\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--dedupe");
        Assert.True(result.ExitCode == 0, result.ToString());

        var table = ReadCsv(dir.File("out.csv"));
        Assert.Equal(["Acme, Inc.", "Globex GmbH", "Initech LLC"], table.Skip(1).Select(r => r[0]));
        Assert.Equal("Foo CRM", Column(table, 3, "tech")); // a survivor keeps its own values; merged rows only fill its gaps
        Assert.Contains("same company name", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"ACME Corp\" = \"Acme, Inc.\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("same domain", result.Out, StringComparison.Ordinal);
        Assert.Contains("initech.com", result.Out, StringComparison.Ordinal);
        Assert.Contains("wrote 3 rows", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_summary_lists_normalisers_and_merges()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", Leads + "\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--dedupe", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal(5, json.RootElement.GetProperty("rows_in").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("rows_out").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("normalisers").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("merges").GetArrayLength());
    }

    [Fact]
    public void Options_choose_columns_and_none_skips_a_normaliser()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", "Firm,Web,HQ\nAcme,https://acme.io,Czech Republic\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--domain-column", "Web", "--country-column", "none", "-q");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Out);
        var table = ReadCsv(dir.File("out.csv"));
        Assert.Equal(["Firm", "Web", "HQ", "domain_normalised", "is_free_mail", "is_disposable"], table[0]);
        Assert.Equal("acme.io", table[1][3]);
    }

    [Fact]
    public void A_user_industries_file_changes_the_mapping()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", "name,industry\nA,neobank\nB,Fintech\n");
        var industries = dir.Write("industries.yaml", "Fintech: [fintech, neobank]\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--industries", industries);
        Assert.True(result.ExitCode == 0, result.ToString());
        var table = ReadCsv(dir.File("out.csv"));
        Assert.Equal(["Fintech", "Fintech"], table.Skip(1).Select(r => r[2]));
    }

    [Fact]
    public void A_missing_column_named_by_an_option_fails_listing_the_columns()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", Leads + "\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--country-column", "contry_name");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--country-column 'contry_name' is not a column of", result.Err, StringComparison.Ordinal);
        Assert.Contains("Columns: company, email, country, employees, revenue, industry, tech", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("out.csv", dir.Files());
    }

    [Fact]
    public void An_existing_target_column_fails_without_overwrite_and_is_replaced_with_it()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", "name,country,country_iso2\nA,Germany,XX\n");
        var refused = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"));
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("country_iso2", refused.Err, StringComparison.Ordinal);
        Assert.Contains("--overwrite", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("out.csv", dir.Files());

        var replaced = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--overwrite");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        var table = ReadCsv(dir.File("out.csv"));
        Assert.Equal(["name", "country", "country_iso2", "region"], table[0]);
        Assert.Equal(["A", "Germany", "DE", "EMEA"], table[1]);
    }

    [Fact]
    public void An_unreadable_industries_file_fails_with_file_and_line()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", Leads + "\n");
        var industries = dir.Write("industries.yaml", "Fintech: [payments]\nBanking:\n  nested: map\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--industries", industries);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("industries.yaml:3:", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("out.csv", dir.Files());

        var missing = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"), "--industries", dir.File("nope.yaml"));
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("nope.yaml", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_nothing_to_normalise_says_so()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("leads.csv", "a,b\n1,2\n");
        var result = IcpCli.Run("enrich", "-d", data, "-o", dir.File("out.csv"));
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no column to normalise", result.Err, StringComparison.Ordinal);
    }
}
