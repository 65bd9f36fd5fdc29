using System.Reflection;

namespace Icp.Core.Normalisation;

/// <summary>
/// The Public Suffix List algorithm (https://publicsuffix.org/list/): finds the public suffix of a host
/// ("co.uk", "github.io") and from it the registrable domain, the suffix plus one label ("example.co.uk").
/// </summary>
/// <remarks>
/// Normal rules match a whole suffix, wildcard rules (<c>*.ck</c>) match any one label in place of the star,
/// and exception rules (<c>!www.ck</c>) override both: the exception's own name is then registrable. A host
/// that no rule matches uses the implicit rule <c>*</c> (its last label is the suffix). Lookups go through span
/// views of the rule sets, so finding a suffix allocates nothing; only the returned string is new.
/// </remarks>
public sealed class PublicSuffixList
{
    private const string ResourceName = "Icp.Core.Normalisation.public_suffix_list.dat";
    private static readonly Lazy<PublicSuffixList> Bundled = new(LoadBundled);

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _rules;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcards;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions;

    /// <summary>Builds a list from rule lines in the PSL file format (comments <c>//</c> and blank lines ignored).</summary>
    public PublicSuffixList(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var space = line.IndexOfAny([' ', '\t']);
            if (space >= 0) line = line[..space]; // the format allows trailing text after the rule
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            line = line.ToLowerInvariant();
            if (line.StartsWith('!')) exceptions.Add(line[1..]);
            else if (line.StartsWith("*.", StringComparison.Ordinal)) wildcards.Add(line[2..]);
            else rules.Add(line);
        }
        RuleCount = rules.Count + wildcards.Count + exceptions.Count;
        _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcards = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptions = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The list shipped with icp (psl 1.15.0; see PUBLIC_SUFFIX_LIST.md), loaded once on first use.</summary>
    public static PublicSuffixList Default => Bundled.Value;

    /// <summary>How many rules were read.</summary>
    public int RuleCount { get; }

    /// <summary>
    /// The length of the registrable domain at the end of <paramref name="host"/> (lower-case, no trailing dot),
    /// or 0 when the host is itself a public suffix or has a single label.
    /// </summary>
    public int RegistrableLength(ReadOnlySpan<char> host)
    {
        // Walk label boundaries from the longest suffix (the whole host) to the shortest (the last label); the
        // first (longest) match wins. An exception rule is checked before the others at each length: its own name
        // is registrable, and it is always longer than the wildcard it carves out of.
        var start = 0;
        var previous = -1; // where the label before the candidate suffix starts
        while (true)
        {
            var candidate = host[start..];
            if (_exceptions.Contains(candidate)) return candidate.Length;
            var dot = candidate.IndexOf('.');
            if (_rules.Contains(candidate) || (dot >= 0 && _wildcards.Contains(candidate[(dot + 1)..])))
                return previous < 0 ? 0 : host.Length - previous; // previous < 0: the host is itself a public suffix
            if (dot < 0) break;
            previous = start;
            start += dot + 1;
        }
        // No rule matched: the implicit "*" makes the last label the suffix.
        return previous < 0 ? 0 : host.Length - previous;
    }

    /// <summary>
    /// The registrable domain of a lower-case <paramref name="host"/> ("a.b.example.co.uk" → "example.co.uk");
    /// the host itself when it is a public suffix or a single label, so callers always get something comparable.
    /// </summary>
    public string RegistrableDomain(ReadOnlySpan<char> host)
    {
        var length = RegistrableLength(host);
        return length == 0 ? host.ToString() : host[^length..].ToString();
    }

    private static PublicSuffixList LoadBundled()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>(10_000);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return new PublicSuffixList(lines);
    }
}
