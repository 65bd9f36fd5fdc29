using System.Collections.Frozen;

namespace Icp.Core.Normalisation;

/// <summary>
/// Turns a country as people write it ("U.S.A.", "Deutschland", "gbr", "Korea, Republic of") into its ISO 3166-1
/// alpha-2 code, and the code into its sales region (NA, LATAM, EMEA, APAC).
/// </summary>
/// <remarks>
/// Matching order: a two-letter value is an alpha-2 code (so "NA" is Namibia, as ISO says), a three-letter value
/// an alpha-3 code, anything else is folded (case, spaces, punctuation and accents ignored) and looked up among
/// the English short names and the variants in <see cref="CountryData.Variants"/>. "UK" means GB even though it is
/// not ISO, because every CRM export uses it. The table covers all 249 ISO 3166-1 entries.
/// </remarks>
public static class Countries
{
    private const int MaxKey = 96;
    private static readonly Table Data = Build();

    /// <summary>Every alpha-2 code with its English short name, in code order.</summary>
    public static IReadOnlyList<(string Iso2, string Name)> All => Data.All;

    /// <summary>The alpha-2 code (upper-case) for <paramref name="value"/>, or null when it names no country.</summary>
    public static string? ToIso2(ReadOnlySpan<char> value)
    {
        var s = value.Trim();
        if (s.Length is 2 or 3 && IsAsciiLetters(s))
        {
            Span<char> upper = stackalloc char[3];
            var code = upper[..s.ToUpperInvariant(upper)];
            var codes = s.Length == 2 ? Data.Alpha2 : Data.Alpha3;
            if (codes.TryGetValue(code, out var iso2)) return iso2;
        }
        Span<char> key = stackalloc char[MaxKey];
        var length = TextFold.Fold(s, key);
        if (length <= 0) return null;
        var folded = key[..length];
        if (Data.Names.TryGetValue(folded, out var byName)) return byName;
        if (folded.StartsWith("the") && Data.Names.TryGetValue(folded[3..], out byName)) return byName;
        return null;
    }

    /// <summary>The English short name of an alpha-2 code ("DE" → "Germany"), or null.</summary>
    public static string? NameOf(string iso2) => Data.NameByCode.GetValueOrDefault(iso2);

    /// <summary>
    /// The sales region of an alpha-2 code: NA (US, Canada, Bermuda, Greenland, St Pierre), LATAM, EMEA or APAC;
    /// empty for Antarctica, Bouvet Island and unknown codes. A country is in at most one of these four.
    /// </summary>
    public static string RegionOf(string iso2) => Data.RegionByCode.GetValueOrDefault(iso2, "");

    private static bool IsAsciiLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    private sealed record Table(
        IReadOnlyList<(string Iso2, string Name)> All,
        FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Alpha2,
        FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Alpha3,
        FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Names,
        FrozenDictionary<string, string> NameByCode,
        FrozenDictionary<string, string> RegionByCode);

    private static Table Build()
    {
        var all = new List<(string, string)>();
        var alpha2 = new Dictionary<string, string>(StringComparer.Ordinal);
        var alpha3 = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in CountryData.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 4);
            var (iso2, iso3, region, name) = (parts[0], parts[1], parts[2], parts[3]);
            all.Add((iso2, name));
            alpha2[iso2] = iso2;
            alpha3[iso3] = iso2;
            names[TextFold.Fold(name)] = iso2;
            regions[iso2] = region switch { "N" => "NA", "L" => "LATAM", "E" => "EMEA", "A" => "APAC", _ => "" };
        }
        alpha2["UK"] = "GB";
        foreach (var line in CountryData.Variants.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var iso2 = line[..2];
            foreach (var variant in line[4..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                names[TextFold.Fold(variant)] = iso2;
        }
        return new Table(
            all,
            alpha2.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
            alpha3.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
            names.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
            all.ToFrozenDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal),
            regions.ToFrozenDictionary(StringComparer.Ordinal));
    }
}

/// <summary>
/// Named groups of countries used in territory planning, as alpha-2 codes. The four sales regions (NA, LATAM,
/// EMEA, APAC) split the world; the others are common sub-groups: EU (the 27 member states since 2020), DACH,
/// NORDICS, BENELUX, UKI (UK and Ireland), ANZ, MENA, ASEAN, EUROPE.
/// </summary>
public static class Regions
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> Groups = Build();

    /// <summary>Every group name, upper-case.</summary>
    public static IEnumerable<string> Names => Groups.Keys;

    /// <summary>The alpha-2 codes of a group (name case-insensitive), or null when there is no such group.</summary>
    public static IReadOnlySet<string>? Members(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Groups.GetValueOrDefault(group.Trim().ToUpperInvariant());
    }

    private static FrozenDictionary<string, FrozenSet<string>> Build()
    {
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["EU"] = Codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"),
            ["DACH"] = Codes("DE AT CH"),
            ["NORDICS"] = Codes("DK FI IS NO SE FO GL AX"),
            ["BENELUX"] = Codes("BE NL LU"),
            ["UKI"] = Codes("GB IE"),
            ["ANZ"] = Codes("AU NZ"),
            ["MENA"] = Codes("AE BH DZ EG IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE EH"),
            ["ASEAN"] = Codes("BN KH ID LA MY MM PH SG TH VN"),
            ["EUROPE"] = Codes("AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA"),
        };
        foreach (var (iso2, _) in Countries.All)
        {
            var region = Countries.RegionOf(iso2);
            if (region.Length > 0) groups[region] = [.. groups.GetValueOrDefault(region, []), iso2];
        }
        return groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static string[] Codes(string codes) => codes.Split(' ');
}
