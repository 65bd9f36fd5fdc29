using Icp.Core.Normalisation;

namespace Icp.Core.Tests.Normalisation;

public sealed class CountriesTests
{
    [Theory]
    [InlineData("US", "US")]
    [InlineData("us", "US")]
    [InlineData("USA", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("U.S.A.", "US")]
    [InlineData("United States", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("united states of america", "US")]
    [InlineData("The United States", "US")]
    [InlineData("UK", "GB")]
    [InlineData("U.K.", "GB")]
    [InlineData("GBR", "GB")]
    [InlineData("Great Britain", "GB")]
    [InlineData("United Kingdom", "GB")]
    [InlineData("England", "GB")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("deu", "DE")]
    [InlineData("Holland", "NL")]
    [InlineData("The Netherlands", "NL")]
    [InlineData("South Korea", "KR")]
    [InlineData("Korea, Republic of", "KR")]
    [InlineData("Czechia", "CZ")]
    [InlineData("Czech Republic", "CZ")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Ivory Coast", "CI")]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkey", "TR")]
    [InlineData("Russian Federation", "RU")]
    [InlineData("Viet Nam", "VN")]
    [InlineData("UAE", "AE")]
    [InlineData("Schweiz", "CH")]
    [InlineData("España", "ES")]
    [InlineData("Brasil", "BR")]
    [InlineData("  france ", "FR")]
    [InlineData("Bosnia & Herzegovina", "BA")]
    [InlineData("Trinidad and Tobago", "TT")]
    [InlineData("NA", "NA")] // ISO: Namibia
    [InlineData("Hong Kong SAR", "HK")]
    [InlineData("Macau", "MO")]
    [InlineData("Swaziland", "SZ")]
    public void Country_variants_map_to_ISO_alpha_2(string value, string expected) => Assert.Equal(expected, Countries.ToIso2(value));

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("ZZZ")]
    [InlineData("Europe")]
    public void Unknown_countries_are_null(string value) => Assert.Null(Countries.ToIso2(value));

    [Fact]
    public void Table_covers_all_ISO_3166_entries_and_every_name_round_trips()
    {
        Assert.Equal(249, Countries.All.Count);
        foreach (var (iso2, name) in Countries.All) Assert.Equal(iso2, Countries.ToIso2(name));
    }

    [Theory]
    [InlineData("US", "NA")]
    [InlineData("CA", "NA")]
    [InlineData("MX", "LATAM")]
    [InlineData("BR", "LATAM")]
    [InlineData("DE", "EMEA")]
    [InlineData("AE", "EMEA")]
    [InlineData("ZA", "EMEA")]
    [InlineData("JP", "APAC")]
    [InlineData("AU", "APAC")]
    [InlineData("AQ", "")]
    public void Countries_fall_in_one_sales_region(string iso2, string region) => Assert.Equal(region, Countries.RegionOf(iso2));

    [Theory]
    [InlineData("DACH", "DE,AT,CH")]
    [InlineData("benelux", "BE,NL,LU")]
    [InlineData("ANZ", "AU,NZ")]
    public void Region_groups_list_their_members(string group, string members) =>
        Assert.Equal(members.Split(',').Order(), Regions.Members(group)!.Order());

    [Fact]
    public void Region_groups_contain_only_known_countries_and_the_EU_has_27()
    {
        Assert.Equal(27, Regions.Members("EU")!.Count);
        foreach (var group in Regions.Names)
            foreach (var code in Regions.Members(group)!) Assert.NotNull(Countries.NameOf(code));
        Assert.Contains("SE", Regions.Members("NORDICS")!);
        Assert.Contains("DE", Regions.Members("EMEA")!);
        Assert.Null(Regions.Members("MARS"));
    }
}
