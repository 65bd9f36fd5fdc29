using System.Globalization;
using Icp.Core.Profiles;

namespace Icp.Core.Values;

/// <summary>
/// Culture-invariant parsing of the values found in profiles and data. Span overloads allocate nothing,
/// because the scorer calls them for every row.
/// </summary>
public static class ValueParsers
{
    private const NumberStyles DataNumber = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>A number as found in data: invariant, thousands separators allowed ("1,200.5").</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text.Trim(), DataNumber, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A number as written in a profile: also accepts <c>_</c> separators and k / M / B suffixes ("2.5M").</summary>
    public static bool TryParseProfileNumber(string text, out double value)
    {
        var s = text.Trim().Replace("_", "", StringComparison.Ordinal);
        var scale = 1.0;
        if (s.Length > 1)
        {
            scale = char.ToUpperInvariant(s[^1]) switch { 'K' => 1e3, 'M' => 1e6, 'B' => 1e9, _ => 1.0 };
            if (scale != 1.0) s = s[..^1];
        }
        if (TryParseNumber(s, out value)) { value *= scale; return true; }
        return false;
    }

    /// <summary>
    /// A date: ISO <c>2024-03-01</c> (a time part is ignored), <c>2024-03</c> (first of month), <c>2024</c>
    /// (1 January), else the invariant culture's formats such as <c>3/15/2024</c>.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        var s = text.Trim();
        if (s.Length >= 10 && s[4] == '-' && s[7] == '-' && (s.Length == 10 || s[10] is 'T' or ' ')
            && TryDigits(s[..4], out var y) && TryDigits(s.Slice(5, 2), out var m) && TryDigits(s.Slice(8, 2), out var d))
            return TryMake(y, m, d, out date);
        if (s.Length == 7 && s[4] == '-' && TryDigits(s[..4], out y) && TryDigits(s.Slice(5, 2), out m))
            return TryMake(y, m, 1, out date);
        if (s.Length == 4 && TryDigits(s, out y))
            return TryMake(y, 1, 1, out date);
        if (s.Length >= 6 && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        date = default;
        return false;
    }

    private static bool TryMake(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>true/false, yes/no, y/n, t/f, 1/0, case-insensitive.</summary>
    public static bool TryParseBool(ReadOnlySpan<char> text, out bool value)
    {
        var s = text.Trim();
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || s.Equals("y", StringComparison.OrdinalIgnoreCase) || s.Equals("t", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("1"))
        { value = true; return true; }
        if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase)
            || s.Equals("n", StringComparison.OrdinalIgnoreCase) || s.Equals("f", StringComparison.OrdinalIgnoreCase) || s.SequenceEqual("0"))
        { value = false; return true; }
        value = false;
        return false;
    }

    /// <summary>"18 months", "90 days", "2 years", "6 weeks" (singular units too).</summary>
    public static bool TryParsePeriod(string text, out Period period)
    {
        period = default;
        var s = text.Trim();
        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i == 0 || !int.TryParse(s.AsSpan(0, i), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100_000) return false;
        var unit = s[i..].Trim().ToLowerInvariant().TrimEnd('s');
        PeriodUnit? u = unit switch { "day" or "d" => PeriodUnit.Days, "week" or "w" => PeriodUnit.Weeks, "month" or "mo" => PeriodUnit.Months, "year" or "y" => PeriodUnit.Years, _ => null };
        if (u is null) return false;
        period = new Period(amount, u.Value);
        return true;
    }

    /// <summary>Trims and collapses runs of white space to one space: the form used to compare text.</summary>
    public static string NormaliseText(string text)
    {
        var span = text.AsSpan().Trim();
        if (!NeedsCollapsing(span)) return span.ToString();
        Span<char> buffer = span.Length <= 512 ? stackalloc char[span.Length] : new char[span.Length];
        return buffer[..CollapseWhiteSpace(span, buffer)].ToString();
    }

    /// <summary>True when a trimmed span holds a white-space run other than a single space.</summary>
    public static bool NeedsCollapsing(ReadOnlySpan<char> trimmed)
    {
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || (i + 1 < trimmed.Length && char.IsWhiteSpace(trimmed[i + 1])))) return true;
        }
        return false;
    }

    /// <summary>Writes <paramref name="trimmed"/> with white-space runs collapsed; returns the length written.</summary>
    public static int CollapseWhiteSpace(ReadOnlySpan<char> trimmed, Span<char> destination)
    {
        var n = 0;
        var inSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c)) { if (!inSpace) destination[n++] = ' '; inSpace = true; }
            else { destination[n++] = c; inSpace = false; }
        }
        return n;
    }
}
