using Icp.Core.Normalisation;
using Icp.TestSupport;

namespace Icp.Core.Tests.Normalisation;

public sealed class IndustriesTests
{
    [Theory]
    [InlineData("Software", "Software")]
    [InlineData("SaaS", "Software")]
    [InlineData("Computer Software", "Software")]
    [InlineData("software development", "Software")]
    [InlineData("games_video", "Software")]
    [InlineData("Information Technology & Services", "IT Services")]
    [InlineData("network_hosting", "IT Services")]
    [InlineData("E-Commerce", "Internet")]
    [InlineData("ecommerce", "Internet")]
    [InlineData("Fintech", "Financial Services")]
    [InlineData("Banking", "Financial Services")]
    [InlineData("Hospital & Health Care", "Healthcare")]
    [InlineData("medical", "Healthcare")]
    [InlineData("Biotech", "Pharma & Biotech")]
    [InlineData("Telecommunications", "Telecommunications")]
    [InlineData("telecom", "Telecommunications")]
    [InlineData("Government Administration", "Government")]
    [InlineData("Non-Profit Organization Management", "Non-profit")]
    [InlineData("cleantech", "Energy & Utilities")]
    [InlineData("Oil & Gas", "Oil, Gas & Mining")]
    [InlineData("real_estate", "Real Estate")]
    [InlineData("Staffing and Recruiting", "Staffing & Recruiting")]
    [InlineData("employment", "Staffing & Recruiting")]
    [InlineData("Marketing and Advertising", "Marketing & Advertising")]
    [InlineData("public_relations", "Marketing & Advertising")]
    [InlineData("  RETAIL ", "Retail")]
    [InlineData("Leisure, Travel & Tourism", "Hospitality & Travel")]
    public void Industry_synonyms_map_onto_the_taxonomy(string value, string expected) =>
        Assert.Equal(expected, Industries.Default.Find(value));

    [Theory]
    [InlineData("technolgy")]
    [InlineData("widgets")]
    [InlineData("")]
    public void Unknown_industries_are_null(string value) => Assert.Null(Industries.Default.Find(value));

    [Fact]
    public void The_taxonomy_has_28_industries_each_finding_itself()
    {
        Assert.Equal(28, Industries.Default.Canonical.Count);
        foreach (var name in Industries.Default.Canonical) Assert.Equal(name, Industries.Default.Find(name));
    }

    [Fact]
    public void A_user_file_adds_industries_and_moves_synonyms()
    {
        var map = Industries.Parse("""
            Fintech: [fintech, payments, neobank]
            Software:
              - dev tools
            """, "industries.yaml");
        Assert.Equal("Fintech", map.Find("FinTech"));
        Assert.Equal("Fintech", map.Find("neobank"));
        Assert.Equal("Software", map.Find("Dev Tools"));
        Assert.Equal("Financial Services", map.Find("banking"));
        Assert.Contains("Fintech", map.Canonical);
        Assert.Null(Industries.Default.Find("neobank")); // the defaults are unchanged
    }

    [Theory]
    [InlineData("Software: [saas\n", "industries.yaml:")]
    [InlineData("- a\n- b\n", "industries.yaml:1:1")]
    [InlineData("Software:\n  nested: map\n", "industries.yaml:2:3")]
    [InlineData("Fintech: [payments]\nBanking: [payments]\n", "industries.yaml:2:11")]
    public void A_bad_user_file_is_reported_with_file_line_and_column(string yaml, string location)
    {
        var e = Assert.Throws<InputException>(() => Industries.Parse(yaml, "industries.yaml"));
        Assert.StartsWith(location, e.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_user_file_is_named()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<InputException>(() => Industries.Load(dir.File("nope.yaml")));
        Assert.Contains("nope.yaml", e.Describe(), StringComparison.Ordinal);
    }
}

public sealed class TechStackTests
{
    [Theory]
    [InlineData("SFDC", "Salesforce")]
    [InlineData("salesforce.com", "Salesforce")]
    [InlineData("Salesforce", "Salesforce")]
    [InlineData("HubSpot CRM", "HubSpot")]
    [InlineData("hubspot", "HubSpot")]
    [InlineData("GSuite", "Google Workspace")]
    [InlineData("G Suite", "Google Workspace")]
    [InlineData("Google Apps", "Google Workspace")]
    [InlineData("MS Dynamics", "Microsoft Dynamics")]
    [InlineData("Dynamics 365", "Microsoft Dynamics")]
    [InlineData("O365", "Microsoft 365")]
    [InlineData("AWS", "Amazon Web Services")]
    [InlineData("GCP", "Google Cloud")]
    [InlineData("k8s", "Kubernetes")]
    [InlineData("postgres", "PostgreSQL")]
    [InlineData("SFDC; hubspot crm, GSuite", "Salesforce; HubSpot; Google Workspace")]
    [InlineData("Salesforce;SFDC;salesforce.com", "Salesforce")]
    [InlineData("MS Dynamics|Slack", "Microsoft Dynamics; Slack")]
    [InlineData("Foo CRM; zendesk", "Foo CRM; Zendesk")]
    [InlineData(" ; ", "")]
    public void Tech_tokens_are_normalised_deduplicated_and_kept_in_order(string value, string expected) =>
        Assert.Equal(expected, TechStack.Normalise(value));

    [Fact]
    public void Unknown_tech_tokens_are_kept_and_reported()
    {
        var unknown = new List<string>();
        Assert.Equal("Salesforce; Foo CRM", TechStack.Normalise("sfdc, Foo CRM", unknown));
        Assert.Equal(["Foo CRM"], unknown);
    }
}
