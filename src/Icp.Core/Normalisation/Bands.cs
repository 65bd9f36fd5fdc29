using System.Globalization;

namespace Icp.Core.Normalisation;

/// <summary>
/// A numeric range read from a band such as "51-200" employees or "$10M-$50M" revenue, in the value's own unit
/// (people, or currency units: dollars, not millions).
/// </summary>
/// <param name="Low">The lower bound, inclusive. "&lt;10" has 0.</param>
/// <param name="High">The upper bound, inclusive; null for an open band ("200+", "over 1B").</param>
public readonly record struct NumericBand(double Low, double? High)
{
    /// <summary>True for an open band ("10k+"), which has no upper bound.</summary>
    public bool IsOpen => High is null;

    /// <summary>
    /// One number standing for the band, so a band column works with <c>between</c> and <c>&gt;=</c>: the midpoint of a
    /// closed band ("51-200" → 125.5) and the low bound of an open one ("200+" → 200). The low bound is used because
    /// an open band has no midpoint and any guess above it would invent size the data does not show; a filter like
    /// <c>employees &gt;= 200</c> still holds for "200+".
    /// </summary>
    public double Value => High is { } high ? (Low + high) / 2 : Low;
}

/// <summary>
/// Parses employee-count and revenue bands as CRMs, data vendors and forms write them: "51-200", "200+",
/// "1,001-5,000", "10k+", "$10M-$50M", "10-50M" (the scale applies to both ends), "1.2B", "&lt;10", "under 50",
/// "10 to 50 employees", "10,000 or more", "over $1 billion". A single number is a band of one value.
/// </summary>
/// <remarks>
/// Scales: k / thousand = 10^3, M / MM / mn / million = 10^6, B / bn / billion = 10^9, T / trillion = 10^12.
/// Only dollars are understood as a currency mark ("$", "USD", "US$"); a value in another currency ("€5M") is not
/// converted and counts as unrecognised rather than being read as dollars. '.' is always the decimal point and ','
/// a thousands separator (invariant culture). Words such as "employees", "people", "revenue", "annual" are ignored;
/// any other word makes the value unrecognised ("Self-employed"), because guessing would be worse than leaving
/// the field empty.
/// </remarks>
public static class Bands
{
    private const int MaxLength = 96;
    private const int MaxTokens = 8;

    private enum Kind : byte { Number, Range, Plus, Less, More }

    private struct Token
    {
        public Kind Kind;
        public double Value;
        public bool Scaled;
        public double Scale;
    }

    /// <summary>Reads a band; false when <paramref name="text"/> is empty or not a band this parser understands.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out NumericBand band)
    {
        band = default;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || trimmed.Length > MaxLength) return false;
        Span<char> lower = stackalloc char[MaxLength];
        ReadOnlySpan<char> s = lower[..trimmed.ToLowerInvariant(lower)];
        Span<Token> tokens = stackalloc Token[MaxTokens];
        var count = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c is '$' or '~' or '(' or ')') { i++; continue; }
            if (count == MaxTokens) return false;
            if (char.IsAsciiDigit(c) || c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is ',' or '.')) i++;
                if (!double.TryParse(s[start..i], NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    return false;
                var j = i;
                while (j < s.Length && s[j] == ' ') j++;
                var wordEnd = j;
                while (wordEnd < s.Length && char.IsAsciiLetter(s[wordEnd])) wordEnd++;
                var scale = ScaleOf(s[j..wordEnd]);
                if (scale > 0) i = wordEnd;
                tokens[count++] = new Token { Kind = Kind.Number, Value = number * Math.Max(scale, 1), Scaled = scale > 0, Scale = scale };
                continue;
            }
            if (c is '-' or '–' or '—') { tokens[count++] = new Token { Kind = Kind.Range }; i++; continue; }
            if (c == '+') { tokens[count++] = new Token { Kind = Kind.Plus }; i++; continue; }
            if (c is '<' or '>' or '≤' or '≥')
            {
                tokens[count++] = new Token { Kind = c is '<' or '≤' ? Kind.Less : Kind.More };
                i++;
                if (i < s.Length && s[i] == '=') i++;
                continue;
            }
            if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiLetter(s[i]) || s[i] == '$')) i++;
                var word = s[start..i];
                if (IsFiller(word)) continue;
                Kind? kind = word switch
                {
                    "to" or "through" => Kind.Range,
                    "under" or "below" or "less" or "fewer" or "up" or "max" => Kind.Less,
                    "over" or "above" or "more" or "plus" or "min" => Kind.More,
                    _ => null,
                };
                if (kind is null) return false;
                // "up to 50" is Less then Number; "10 or more" / "100 and above" put More after the number.
                if (kind == Kind.Range && count > 0 && tokens[count - 1].Kind == Kind.Less) continue;
                tokens[count++] = new Token { Kind = kind.Value };
                continue;
            }
            return false; // another currency sign, a slash, a letter from another script ...
        }
        return Match(tokens[..count], out band);
    }

    private static bool Match(ReadOnlySpan<Token> t, out NumericBand band)
    {
        band = default;
        switch (t.Length)
        {
            case 1 when t[0].Kind == Kind.Number:
                band = new NumericBand(t[0].Value, t[0].Value);
                return true;
            case 2 when t[0].Kind == Kind.Number && t[1].Kind is Kind.Plus or Kind.More:
                band = new NumericBand(t[0].Value, null);
                return true;
            case 2 when t[0].Kind == Kind.More && t[1].Kind == Kind.Number:
                band = new NumericBand(t[1].Value, null);
                return true;
            case 2 when t[0].Kind == Kind.Less && t[1].Kind == Kind.Number:
                band = new NumericBand(0, t[1].Value);
                return true;
            case 3 when t[0].Kind == Kind.Number && t[1].Kind == Kind.Range && t[2].Kind == Kind.Number:
                var low = t[0].Value;
                // "10-50M": the scale written once applies to both ends.
                if (!t[0].Scaled && t[2].Scaled) low *= t[2].Scale;
                if (low > t[2].Value) return false;
                band = new NumericBand(low, t[2].Value);
                return true;
            default:
                return false;
        }
    }

    private static double ScaleOf(ReadOnlySpan<char> word) => word switch
    {
        "k" or "thousand" => 1e3,
        "m" or "mm" or "mn" or "mil" or "million" or "millions" => 1e6,
        "b" or "bn" or "billion" or "billions" => 1e9,
        "t" or "tn" or "trillion" => 1e12,
        _ => 0,
    };

    private static bool IsFiller(ReadOnlySpan<char> word) => word switch
    {
        "employees" or "employee" or "emp" or "emps" or "people" or "staff" or "headcount" or "fte" or "ftes"
            or "usd" or "us$" or "us" or "dollars" or "revenue" or "annual" or "arr" or "approx" or "approximately"
            or "about" or "around" or "than" or "or" or "and" or "per" or "year" or "yr" or "a" => true,
        _ => false,
    };
}
