namespace Icp.Core.Normalisation;

/// <summary>
/// Folds free text to a comparison key: lower-case ASCII letters and digits only, common Latin accents removed
/// ("Côte d'Ivoire" → "cotedivoire"), '&amp;' read as "and". Two spellings that differ only in case, spacing,
/// punctuation or accents get the same key. Hand-rolled because the build runs in invariant-globalisation mode.
/// </summary>
internal static class TextFold
{
    /// <summary>Writes the key of <paramref name="text"/> into <paramref name="destination"/>; returns its length, or -1 when it does not fit.</summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        var n = 0;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (n >= destination.Length) return -1;
                destination[n++] = c;
                continue;
            }
            ReadOnlySpan<char> add = c switch
            {
                '&' => "and",
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
                'ç' => "c",
                'è' or 'é' or 'ê' or 'ë' => "e",
                'ì' or 'í' or 'î' or 'ï' => "i",
                'ñ' => "n",
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => "o",
                'ù' or 'ú' or 'û' or 'ü' => "u",
                'ý' or 'ÿ' => "y",
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                _ => [],
            };
            if (add.IsEmpty) continue; // punctuation, spaces and other scripts' symbols drop out
            if (n + add.Length > destination.Length) return -1;
            add.CopyTo(destination[n..]);
            n += add.Length;
        }
        return n;
    }

    /// <summary>The key as a string (for building lookup tables).</summary>
    public static string Fold(string text)
    {
        var buffer = new char[text.Length * 3 + 3];
        return new string(buffer, 0, Fold(text, buffer));
    }
}
