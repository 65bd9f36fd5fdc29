using Icp.Core.Normalisation;

namespace Icp.Core.Tests.Normalisation;

public sealed class AccountDeduperTests
{
    [Theory]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("ACME Corp", "acme")]
    [InlineData("Acme Co., Ltd.", "acme")]
    [InlineData("Globex GmbH", "globex")]
    [InlineData("Initech LLC", "initech")]
    [InlineData("Société Générale SA", "societe generale")]
    [InlineData("Philips N.V.", "philips n v")]
    [InlineData("Philips BV", "philips")]
    [InlineData("Dassault Systèmes SAS", "dassault systemes")]
    [InlineData("The Boring Company", "boring")]
    [InlineData("Procter & Gamble Co", "procter and gamble")]
    [InlineData("Limited Inc", "limited")]
    [InlineData("  ", "")]
    public void Company_names_lose_legal_suffixes_case_and_punctuation(string name, string expected) =>
        Assert.Equal(expected, CompanyNames.Normalise(name));

    [Fact]
    public void Rows_with_the_same_domain_merge_into_the_first()
    {
        var deduper = new AccountDeduper();
        Assert.Equal(-1, deduper.Offer(2, "acme.com", "Acme"));
        Assert.Equal(-1, deduper.Offer(3, "globex.com", "Globex"));
        Assert.Equal(0, deduper.Offer(4, "acme.com", "Acme Europe"));
        var merge = Assert.Single(deduper.Merges);
        Assert.Equal(new AccountMerge(4, 2, "same domain", "acme.com", 1), merge);
        Assert.Equal(2, deduper.Survivors);
    }

    [Fact]
    public void Rows_without_a_domain_merge_on_the_same_normalised_name()
    {
        var deduper = new AccountDeduper();
        deduper.Offer(2, "acme.com", "Acme, Inc.");
        Assert.Equal(0, deduper.Offer(3, null, "ACME Corp"));
        Assert.Equal("same company name", deduper.Merges[0].Rule);
        Assert.Equal("\"ACME Corp\" = \"Acme, Inc.\"", deduper.Merges[0].Key);
    }

    [Fact]
    public void Rows_without_a_domain_merge_on_a_similar_name_with_the_similarity()
    {
        var deduper = new AccountDeduper();
        deduper.Offer(2, null, "Microsoft Corporation");
        Assert.Equal(0, deduper.Offer(3, null, "Microsft"));
        var merge = deduper.Merges[0];
        Assert.Equal("similar company name", merge.Rule);
        Assert.InRange(merge.Similarity, 0.92, 1.0);
        Assert.Equal(3, merge.Line);
        Assert.Equal(2, merge.IntoLine);
    }

    [Fact]
    public void Names_below_the_threshold_stay_apart()
    {
        var deduper = new AccountDeduper();
        deduper.Offer(2, null, "Acme");
        Assert.Equal(-1, deduper.Offer(3, null, "Acne"));
        Assert.Equal(-1, deduper.Offer(4, null, "Globex"));
        Assert.Empty(deduper.Merges);
    }

    [Fact]
    public void Different_domains_never_merge_even_with_the_same_name()
    {
        var deduper = new AccountDeduper();
        deduper.Offer(2, "acme.com", "Acme");
        Assert.Equal(-1, deduper.Offer(3, "acme.de", "Acme"));
    }

    [Fact]
    public void A_threshold_outside_zero_to_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccountDeduper(1.5));
}
