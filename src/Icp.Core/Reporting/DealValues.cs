using System.Globalization;
using Icp.Core.Values;

namespace Icp.Core.Reporting;

/// <summary>Reading deal values that may carry a currency ("$1,200", "1200 EUR").</summary>
public static class DealValues
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["US$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR", ["CHF"] = "CHF",
    };

    /// <summary>
    /// Parses an amount with an optional currency symbol or ISO code before or after it. <paramref name="currency"/> is
    /// the ISO code, or empty when the text names none.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double amount, out string currency)
    {
        currency = "";
        var s = text.Trim();
        if (ValueParsers.TryParseNumber(s, out amount)) return true;
        var start = 0;
        while (start < s.Length && !char.IsAsciiDigit(s[start]) && s[start] is not '-' and not '.') start++;
        var end = s.Length;
        while (end > start && !char.IsAsciiDigit(s[end - 1])) end--;
        var marker = (s[..start].ToString() + s[end..].ToString()).Trim();
        if (marker.Length == 0 || start > 0 && end < s.Length) return false;
        if (Symbols.TryGetValue(marker, out var code)) currency = code;
        else if (marker.Length == 3 && marker.All(char.IsAsciiLetterUpper)) currency = marker;
        else return false;
        return ValueParsers.TryParseNumber(s[start..end], out amount);
    }

    /// <summary>An amount for people: no decimals from 100 up, two below.</summary>
    public static string Format(double amount) =>
        amount.ToString(Math.Abs(amount) >= 100 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);
}
