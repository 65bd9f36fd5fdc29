using System.Buffers;

namespace Icp.Core.Normalisation;

/// <summary>What a domain, URL or e-mail value says about the company behind it.</summary>
/// <param name="Registrable">The registrable domain, lower-case ("example.co.uk"); IDNs are kept as written, not punycoded.</param>
/// <param name="IsFreeMail">A consumer mailbox provider (gmail.com, gmx.de ...): the address identifies a person, not a company.</param>
/// <param name="IsDisposable">A throw-away mailbox service (mailinator.com ...): the address identifies nobody.</param>
public readonly record struct DomainInfo(string Registrable, bool IsFreeMail, bool IsDisposable)
{
    /// <summary>True when the domain can stand for a company: neither free mail nor disposable.</summary>
    public bool IsCompany => !IsFreeMail && !IsDisposable;
}

/// <summary>
/// Reduces an e-mail address, URL or host to its registrable domain with the Public Suffix List
/// ("jane@mail.Acme.co.uk" → "acme.co.uk", "https://www.acme.com:8443/about" → "acme.com") and recognises
/// free-mail and disposable providers.
/// </summary>
public static class Domains
{
    private const int MaxHost = 253; // DNS limit on a full name, in characters

    // A curated list, not an exhaustive one: the providers that dominate B2B lead lists. Brand families with many
    // country domains (gmx.*, yandex.*, yahoo.*) are matched on the label before the public suffix instead.
    private static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "rocketmail.com", "outlook.com", "hotmail.com", "live.com",
        "msn.com", "passport.com", "icloud.com", "me.com", "mac.com", "aol.com", "aim.com", "proton.me", "protonmail.com",
        "protonmail.ch", "pm.me", "tutanota.com", "tuta.io", "zoho.com", "zohomail.com", "mail.com", "email.com", "gmx.net",
        "web.de", "t-online.de", "freenet.de", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "rambler.ru", "ya.ru", "qq.com",
        "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sohu.com", "aliyun.com", "naver.com", "daum.net",
        "hanmail.net", "libero.it", "virgilio.it", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
        "btinternet.com", "sky.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "bellsouth.net", "cox.net",
        "earthlink.net", "fastmail.com", "fastmail.fm", "hey.com", "hushmail.com", "rediffmail.com", "seznam.cz",
        "interia.pl", "wp.pl", "o2.pl", "onet.pl", "bigpond.com", "optusnet.com.au", "shaw.ca", "rogers.com", "uol.com.br",
        "bol.com.br", "terra.com.br",
    };

    private static readonly HashSet<string> FreeMailBrands = new(StringComparer.Ordinal) { "gmx", "yandex", "yahoo", "hotmail", "outlook" };

    private static readonly HashSet<string> Disposable = new(StringComparer.Ordinal)
    {
        "mailinator.com", "guerrillamail.com", "guerrillamail.net", "guerrillamail.org", "sharklasers.com", "grr.la",
        "10minutemail.com", "10minutemail.net", "temp-mail.org", "tempmail.com", "tempmail.net", "throwawaymail.com",
        "yopmail.com", "yopmail.fr", "trashmail.com", "trashmail.de", "dispostable.com", "getnada.com", "maildrop.cc",
        "mailnesia.com", "mintemail.com", "fakeinbox.com", "spamgourmet.com", "mohmal.com", "emailondeck.com",
        "mailcatch.com", "tempinbox.com", "burnermail.io", "33mail.com", "discard.email",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FreeMailLookup = FreeMail.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BrandLookup = FreeMailBrands.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DisposableLookup = Disposable.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly SearchValues<char> HostEnd = SearchValues.Create("/?#\\");

    /// <summary>
    /// The host part of an e-mail address, URL or bare host, lower-case, without scheme, user, port, path,
    /// trailing dot or a leading <c>www.</c>, written into <paramref name="buffer"/>; empty when the value holds no
    /// plausible host name (spaces, other punctuation, longer than 253 characters).
    /// </summary>
    public static ReadOnlySpan<char> Host(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var s = value.Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        var end = s.IndexOfAny(HostEnd);
        if (end >= 0) s = s[..end];
        var at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        var colon = s.IndexOf(':');
        if (colon >= 0) s = s[..colon];
        s = s.Trim().TrimEnd('.');
        if (s.IsEmpty || s.Length > Math.Min(MaxHost, buffer.Length)) return [];
        foreach (var c in s)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' || c > 127 && char.IsLetterOrDigit(c))) return [];
        if (s.Contains("..", StringComparison.Ordinal) || s[0] == '.') return [];
        var length = s.ToLowerInvariant(buffer);
        var host = buffer[..length];
        if (host.StartsWith("www.") && host[4..].Contains('.')) host = host[4..];
        return host;
    }

    /// <summary>
    /// The registrable domain of <paramref name="value"/> (an e-mail, URL or host) and whether it is free mail or
    /// disposable; null when the value holds no host name with at least one dot. An IPv4 address is kept as is.
    /// </summary>
    public static DomainInfo? Parse(ReadOnlySpan<char> value)
    {
        Span<char> buffer = stackalloc char[MaxHost];
        var host = Host(value, buffer);
        if (host.IsEmpty || !host.Contains('.')) return null;
        if (IsIPv4(host)) return new DomainInfo(host.ToString(), false, false);
        var length = PublicSuffixList.Default.RegistrableLength(host);
        var registrable = length == 0 ? host : host[^length..];
        return new DomainInfo(registrable.ToString(), IsFreeMailDomain(registrable), DisposableLookup.Contains(registrable));
    }

    /// <summary>The registrable domain, or an empty string when the value holds no host name.</summary>
    public static string Registrable(ReadOnlySpan<char> value) => Parse(value)?.Registrable ?? "";

    private static bool IsFreeMailDomain(ReadOnlySpan<char> registrable)
    {
        if (FreeMailLookup.Contains(registrable)) return true;
        var dot = registrable.IndexOf('.');
        return dot > 0 && BrandLookup.Contains(registrable[..dot]);
    }

    private static bool IsIPv4(ReadOnlySpan<char> host)
    {
        foreach (var c in host) if (!char.IsAsciiDigit(c) && c != '.') return false;
        return true;
    }
}
