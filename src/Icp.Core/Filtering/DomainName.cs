using Icp.Core.Normalisation;

namespace Icp.Core.Filtering;

/// <summary>Reduces a website, URL or e-mail address to a comparable domain ("https://www.Acme.com/about" → "acme.com").</summary>
public static class DomainName
{
    /// <summary>
    /// The registrable domain (Public Suffix List: "shop.acme.co.uk" → "acme.co.uk"), lower-case, without scheme,
    /// "www.", port, path or user part; for a value with no recognisable host, its trimmed lower-case text, so two
    /// equal odd values still dedupe; empty when the value is empty.
    /// </summary>
    public static string Normalise(ReadOnlySpan<char> value)
    {
        if (Domains.Parse(value) is { } info) return info.Registrable;
        return value.Trim().ToString().ToLowerInvariant();
    }

    /// <summary>
    /// The domain that identifies a company, for deduping lists: <see cref="Normalise"/>, except empty for free-mail
    /// and disposable addresses, which identify a person or nobody (two gmail.com leads are not one company).
    /// </summary>
    public static string CompanyKey(ReadOnlySpan<char> value)
    {
        if (Domains.Parse(value) is { } info) return info.IsCompany ? info.Registrable : "";
        return value.Trim().ToString().ToLowerInvariant();
    }
}
