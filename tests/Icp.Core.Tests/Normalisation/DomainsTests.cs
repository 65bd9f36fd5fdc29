using Icp.Core.Filtering;
using Icp.Core.Normalisation;

namespace Icp.Core.Tests.Normalisation;

public sealed class DomainsTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("https://www.Acme.com/about?x=1#top", "acme.com")]
    [InlineData("http://acme.com:8080", "acme.com")]
    [InlineData("www.acme.com.", "acme.com")]
    [InlineData("jane.doe@Acme.com", "acme.com")]
    [InlineData("mailto:jane@acme.com", "acme.com")]
    [InlineData("user@mail.google.com", "google.com")]
    [InlineData("https://user:pass@shop.acme.com/cart", "acme.com")]
    [InlineData("a.b.example.co.uk", "example.co.uk")]
    [InlineData("jane@mail.acme.co.uk", "acme.co.uk")]
    [InlineData("blog.acme.com.au", "acme.com.au")]
    [InlineData("shop.acme.co.jp", "acme.co.jp")]
    [InlineData("acme.github.io", "acme.github.io")]
    [InlineData("  ACME.DE  ", "acme.de")]
    [InlineData("acme.unknowntld", "acme.unknowntld")]
    [InlineData("deep.sub.acme.io", "acme.io")]
    [InlineData("münchen.de", "münchen.de")]
    [InlineData("192.168.1.10", "192.168.1.10")]
    public void Registrable_domain_is_found_in_emails_urls_and_hosts(string value, string expected) =>
        Assert.Equal(expected, Domains.Registrable(value));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a domain")]
    [InlineData("localhost")]
    [InlineData("acme..com")]
    [InlineData("n/a")]
    public void Values_without_a_dotted_host_have_no_domain(string value) => Assert.Null(Domains.Parse(value));

    [Theory]
    [InlineData("jane@gmail.com", true, false)]
    [InlineData("jane@googlemail.com", true, false)]
    [InlineData("jane@yahoo.co.uk", true, false)]
    [InlineData("jane@gmx.de", true, false)]
    [InlineData("jane@gmx.at", true, false)]
    [InlineData("jane@yandex.ru", true, false)]
    [InlineData("jane@outlook.com", true, false)]
    [InlineData("jane@proton.me", true, false)]
    [InlineData("jane@qq.com", true, false)]
    [InlineData("jane@163.com", true, false)]
    [InlineData("jane@mail.ru", true, false)]
    [InlineData("jane@mailinator.com", false, true)]
    [InlineData("jane@guerrillamail.com", false, true)]
    [InlineData("jane@10minutemail.com", false, true)]
    [InlineData("jane@acme.com", false, false)]
    public void Free_mail_and_disposable_providers_are_recognised(string value, bool freeMail, bool disposable)
    {
        var info = Domains.Parse(value)!.Value;
        Assert.Equal(freeMail, info.IsFreeMail);
        Assert.Equal(disposable, info.IsDisposable);
        Assert.Equal(!freeMail && !disposable, info.IsCompany);
    }

    [Fact]
    public void Filter_dedupe_key_is_the_registrable_domain()
    {
        Assert.Equal("acme.com", DomainName.Normalise("https://www.Acme.com/about"));
        Assert.Equal("acme.co.uk", DomainName.Normalise("shop.acme.co.uk"));
        Assert.Equal("acme.com", DomainName.Normalise("jane@eu.acme.com"));
        Assert.Equal("", DomainName.Normalise("  "));
    }

    [Fact]
    public void Free_mail_and_disposable_addresses_give_no_company_key_so_lists_do_not_merge_them()
    {
        Assert.Equal("", DomainName.CompanyKey("ann@gmail.com"));
        Assert.Equal("", DomainName.CompanyKey("x@mailinator.com"));
        Assert.Equal("acme.co.uk", DomainName.CompanyKey("jo@sales.acme.co.uk"));
    }
}

public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList Rules = new(["// comment", "", "com", "uk", "co.uk", "ck", "*.ck", "!www.ck", "jp", "*.kawasaki.jp", "!city.kawasaki.jp"]);

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("a.b.example.co.uk", "example.co.uk")]
    [InlineData("example.uk", "example.uk")]
    [InlineData("co.uk", "co.uk")] // a public suffix itself: returned as is
    [InlineData("foo.ck", "foo.ck")] // *.ck makes foo.ck a public suffix
    [InlineData("bar.foo.ck", "bar.foo.ck")]
    [InlineData("a.bar.foo.ck", "bar.foo.ck")]
    [InlineData("www.ck", "www.ck")] // !www.ck: registrable despite *.ck
    [InlineData("a.www.ck", "www.ck")]
    [InlineData("city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("example.unlisted", "example.unlisted")] // the implicit * rule
    [InlineData("a.example.unlisted", "example.unlisted")]
    public void Rules_normal_wildcard_and_exception_are_applied(string host, string expected) =>
        Assert.Equal(expected, Rules.RegistrableDomain(host));

    [Fact]
    public void A_public_suffix_has_no_registrable_part() => Assert.Equal(0, Rules.RegistrableLength("co.uk"));

    [Fact]
    public void Bundled_list_has_the_full_public_suffix_list()
    {
        Assert.True(PublicSuffixList.Default.RuleCount > 9000, $"{PublicSuffixList.Default.RuleCount} rules");
        Assert.Equal("www.ck", PublicSuffixList.Default.RegistrableDomain("a.www.ck"));
        Assert.Equal("b.c.ck", PublicSuffixList.Default.RegistrableDomain("a.b.c.ck"));
        Assert.Equal("city.kobe.jp", PublicSuffixList.Default.RegistrableDomain("www.city.kobe.jp"));
        Assert.Equal("example.com.br", PublicSuffixList.Default.RegistrableDomain("www.example.com.br"));
    }
}
