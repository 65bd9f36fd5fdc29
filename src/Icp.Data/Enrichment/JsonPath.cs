using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Icp.Data.Enrichment;

/// <summary>
/// A simple JSON path: <c>$.company.metrics.employees</c>, <c>$.tags[0]</c> (the <c>$.</c> is optional). Enough to
/// map an API's answer onto fields; filters and wildcards are deliberately not supported.
/// </summary>
public sealed class JsonPath
{
    private readonly object[] _steps; // string: property name; int: array index

    private JsonPath(string text, object[] steps) => (Text, _steps) = (text, steps);

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> saying what is wrong.</summary>
    public static JsonPath? TryParse(string text, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = "";
        var s = text.Trim();
        if (s.StartsWith('$')) s = s[1..];
        var steps = new List<object>();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '.' || i == 0 && s[i] != '[')
            {
                // "company.name" may come without the "$."
                if (s[i] == '.') i++;
                var start = i;
                while (i < s.Length && s[i] != '.' && s[i] != '[') i++;
                if (i == start) { error = "an empty name after '.'"; return null; }
                steps.Add(s[start..i]);
            }
            else if (s[i] == '[')
            {
                var end = s.IndexOf(']', i);
                if (end < 0 || !int.TryParse(s.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = "'[' must hold an array index such as [0]";
                    return null;
                }
                steps.Add(index);
                i = end + 1;
            }
            else
            {
                error = $"unexpected '{s[i]}'";
                return null;
            }
        }
        if (steps.Count == 0) { error = "it selects nothing"; return null; }
        return new JsonPath(text, [.. steps]);
    }

    /// <summary>
    /// The value at the path as text: strings as they are, numbers as written, booleans as true/false, an array of
    /// scalars joined with "; " (how tech stacks are read); empty when absent or null.
    /// </summary>
    public string Select(JsonElement root)
    {
        var current = root;
        foreach (var step in _steps)
        {
            if (step is string name)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return "";
            }
            else
            {
                var index = (int)step;
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength()) return "";
                current = current[index];
            }
        }
        return AsText(current);
    }

    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => Joined(value),
        JsonValueKind.Object => value.GetRawText(),
        _ => "",
    };

    private static string Joined(JsonElement array)
    {
        var text = new StringBuilder();
        foreach (var item in array.EnumerateArray())
        {
            var part = AsText(item);
            if (part.Length == 0) continue;
            if (text.Length > 0) text.Append("; ");
            text.Append(part);
        }
        return text.ToString();
    }

    public override string ToString() => Text;
}
