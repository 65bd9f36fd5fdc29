using F23.StringSimilarity;

namespace Icp.Core.Normalisation;

/// <summary>How one row was folded into an earlier one, so a person can check (and undo) every merge.</summary>
/// <param name="Line">The source line of the row that was merged away.</param>
/// <param name="IntoLine">The source line of the earlier row that absorbed it.</param>
/// <param name="Rule">"same domain", "same company name" or "similar company name".</param>
/// <param name="Key">What matched: the domain, or both names ("Acme Inc." ~ "ACME").</param>
/// <param name="Similarity">Jaro-Winkler similarity of the normalised names, 0-1 (3 decimals); 1 for exact matches.</param>
public sealed record AccountMerge(long Line, long IntoLine, string Rule, string Key, double Similarity);

/// <summary>
/// Finds duplicate accounts as rows are offered in order: first by registrable domain, then, for rows without a
/// company domain, by company name: exact after <see cref="CompanyNames.Normalise"/>, else Jaro-Winkler similarity
/// of at least <see cref="NameThreshold"/> against earlier rows whose names start with the same letter.
/// </summary>
/// <remarks>
/// The first row of a group survives and later rows merge into it. Free-mail domains must not be offered as
/// domains (everyone at gmail.com is not one company); the caller passes them as no domain. Comparing only names
/// with the same first letter keeps the fuzzy pass far below all-pairs on large lists; Jaro-Winkler weights the
/// common prefix, so pairs above 0.92 that differ in the first letter are rare.
/// </remarks>
public sealed class AccountDeduper
{
    /// <summary>The default name threshold: high enough that "Acme" and "Acne" (0.88) stay apart.</summary>
    public const double DefaultNameThreshold = 0.92;

    private readonly JaroWinkler _similarity = new();
    private readonly Dictionary<string, int> _byDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<(string Key, string Name, int Survivor)>> _byInitial = [];
    private readonly List<long> _lines = [];
    private readonly List<AccountMerge> _merges = [];

    public AccountDeduper(double nameThreshold = DefaultNameThreshold)
    {
        if (nameThreshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(nameThreshold), nameThreshold, "the name threshold is a similarity between 0 (exclusive) and 1");
        NameThreshold = nameThreshold;
    }

    /// <summary>Minimum Jaro-Winkler similarity (0-1) of two normalised names to merge them.</summary>
    public double NameThreshold { get; }

    /// <summary>Every merge so far, in the order found.</summary>
    public IReadOnlyList<AccountMerge> Merges => _merges;

    /// <summary>Rows kept so far.</summary>
    public int Survivors => _lines.Count;

    /// <summary>
    /// Offers the next row; returns the index (0-based, counting surviving rows only) of the earlier row it merges
    /// into, or -1 when it is a new account, which then becomes survivor number <see cref="Survivors"/> - 1.
    /// </summary>
    /// <param name="line">The row's source line, for the explanation.</param>
    /// <param name="domain">Its registrable company domain, or null/empty (also for free mail).</param>
    /// <param name="name">Its company name as written, or null/empty.</param>
    public int Offer(long line, string? domain, string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? "" : CompanyNames.Normalise(name);
        if (!string.IsNullOrEmpty(domain))
        {
            if (_byDomain.TryGetValue(domain, out var into)) return Merged(line, into, "same domain", domain, 1);
            _byDomain[domain] = NewSurvivor(line, key, name);
            return -1;
        }
        if (key.Length == 0) { NewSurvivor(line, key, name); return -1; }
        if (_byName.TryGetValue(key, out var same))
            return Merged(line, same, "same company name", $"\"{name}\" = \"{NameOf(key)}\"", 1);
        if (_byInitial.TryGetValue(key[0], out var candidates))
        {
            var (best, bestScore, bestName) = (-1, 0.0, "");
            foreach (var (other, otherName, survivor) in candidates)
            {
                var score = _similarity.Similarity(key, other);
                if (score > bestScore) (best, bestScore, bestName) = (survivor, score, otherName);
            }
            if (best >= 0 && bestScore >= NameThreshold)
                return Merged(line, best, "similar company name", $"\"{name}\" ~ \"{bestName}\"", Math.Round(bestScore, 3));
        }
        NewSurvivor(line, key, name);
        return -1;
    }

    private string NameOf(string key)
    {
        foreach (var (other, name, _) in _byInitial[key[0]]) if (other == key) return name;
        return key;
    }

    private int NewSurvivor(long line, string key, string? name)
    {
        var survivor = _lines.Count;
        _lines.Add(line);
        if (key.Length > 0 && _byName.TryAdd(key, survivor))
        {
            if (!_byInitial.TryGetValue(key[0], out var list)) _byInitial[key[0]] = list = [];
            list.Add((key, name!.Trim(), survivor));
        }
        return survivor;
    }

    private int Merged(long line, int into, string rule, string key, double similarity)
    {
        _merges.Add(new AccountMerge(line, _lines[into], rule, key, similarity));
        return into;
    }
}

/// <summary>Company names reduced to what identifies the company: "ACME, Inc." and "Acme Corp" both become "acme".</summary>
public static class CompanyNames
{
    // Legal-form words, compared after folding; removed from the end of a name, repeatedly ("Acme Co., Ltd." → "acme").
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "gmbh", "mbh", "ag", "kg", "sas", "sa", "sarl", "srl",
        "spa", "bv", "nv", "corp", "corporation", "co", "company", "plc", "pty", "pte", "oy", "oyj", "ab", "as", "asa",
        "aps", "kk", "sl", "se", "and",
    };

    /// <summary>
    /// Lower-case words of <paramref name="name"/> separated by single spaces, punctuation and accents removed,
    /// legal-form suffixes (Inc, LLC, Ltd, GmbH, SAS, BV, Corp, Co ...) and a leading "the" dropped, always keeping
    /// at least the first word ("Limited Inc" → "limited"); empty when the name has no letters or digits.
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        foreach (var raw in name.Split([' ', ',', '.', '-', '/', '(', ')', '\'', '"', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = TextFold.Fold(raw);
            if (folded.Length > 0) words.Add(folded);
        }
        var end = words.Count;
        while (end > 1 && LegalSuffixes.Contains(words[end - 1])) end--;
        var start = end > 1 && words[0] == "the" ? 1 : 0;
        return string.Join(' ', words.Skip(start).Take(end - start));
    }
}
