namespace Icp.Core.Filtering;

/// <summary>Reduces a website, URL or e-mail address to a comparable host name ("https://www.Acme.com/about" → "acme.com").</summary>
public static class DomainName
{
    /// <summary>The lower-case host without scheme, "www.", port, path or user part; empty when there is none.</summary>
    public static string Normalise(ReadOnlySpan<char> value)
    {
        var s = value.Trim();
        var at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        var end = s.IndexOfAny("/?#:");
        if (end >= 0) s = s[..end];
        s = s.TrimEnd('.');
        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) s = s[4..];
        return s.ToString().ToLowerInvariant();
    }
}
