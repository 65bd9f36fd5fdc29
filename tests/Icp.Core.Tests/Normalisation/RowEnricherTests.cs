using Icp.Core.Normalisation;
using Icp.Core.Tables;
using Icp.TestSupport;

namespace Icp.Core.Tests.Normalisation;

public sealed class RowEnricherTests
{
    private static readonly string[] Columns = ["email", "country", "employees", "revenue", "industry", "tech"];

    [Fact]
    public void Each_normaliser_appends_its_columns_and_counts_what_it_did()
    {
        var input = Table.Of(Columns,
            ["jane@acme.co.uk", "U.S.A.", "51-200", "$10M-$50M", "SaaS", "SFDC; Foo"],
            ["bob@gmail.com", "n/a", "200+", "", "technolgy", ""],
            ["nonsense", "Atlantis", "lots", "1.2B", "Fintech", "hubspot crm"]);
        var enricher = new RowEnricher(new EnrichmentColumns(0, 1, 2, 3, 4, 5));
        var extra = new RowBatch(enricher.OutputColumns.Count, 3);
        enricher.Enrich(input, extra);

        Assert.Equal(["domain_normalised", "is_free_mail", "is_disposable", "country_iso2", "region", "employees_low", "employees_high", "employees_value",
            "revenue_usd_low", "revenue_usd_high", "revenue_usd_value", "industry_normalised", "tech_normalised"], enricher.OutputColumns);
        Assert.Equal(["acme.co.uk", "false", "false", "US", "NA", "51", "200", "125.5", "10000000", "50000000", "30000000", "Software", "Salesforce; Foo"], Row(extra, 0));
        Assert.Equal(["gmail.com", "true", "false", "", "", "200", "", "200", "", "", "", "", ""], Row(extra, 1));
        Assert.Equal(["", "", "", "", "", "", "", "", "1200000000", "1200000000", "1200000000", "Financial Services", "HubSpot"], Row(extra, 2));

        var stats = enricher.Stats.ToDictionary(s => s.Normaliser);
        Assert.Equal((2, 0, 1), (stats["domain"].Filled, stats["domain"].Empty, stats["domain"].Unrecognised));
        Assert.Equal((1, 1, 1), (stats["country"].Filled, stats["country"].Empty, stats["country"].Unrecognised));
        Assert.Equal([("Atlantis", 1L)], stats["country"].TopUnrecognised());
        Assert.Equal((2, 1, 0), (stats["revenue"].Filled, stats["revenue"].Empty, stats["revenue"].Unrecognised));
        Assert.Equal((2, 1, 1), (stats["tech"].Filled, stats["tech"].Empty, stats["tech"].Unrecognised));
    }

    [Fact]
    public void Only_normalisers_with_a_column_add_output()
    {
        var enricher = new RowEnricher(new EnrichmentColumns(Country: 0));
        Assert.Equal(["country_iso2", "region"], enricher.OutputColumns);
        Assert.Single(enricher.Stats);
    }

    [Fact]
    public void Top_unrecognised_values_are_counted_most_frequent_first()
    {
        var rows = new[] { "Mars", "Venus", "Mars", "Pluto", "Mars", "Venus", "a", "b", "c" }.Select(v => new[] { v }).ToArray();
        var enricher = new RowEnricher(new EnrichmentColumns(Country: 0));
        enricher.Enrich(Table.Of(["country"], rows), new RowBatch(2, rows.Length));
        Assert.Equal([("Mars", 3L), ("Venus", 2L), ("Pluto", 1L), ("a", 1L), ("b", 1L)], enricher.Stats[0].TopUnrecognised());
    }

    private static string[] Row(RowBatch batch, int row) =>
        [.. Enumerable.Range(0, batch.ColumnCount).Select(c => batch[row, c].ToString())];
}
