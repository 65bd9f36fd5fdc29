using System.Globalization;
using System.Text;
using Icp.Core.Values;

namespace Icp.Core.Learning;

/// <summary>How a column is read when learning.</summary>
public enum FieldKind
{
    /// <summary>Numbers, cut into supervised bins.</summary>
    Number,
    /// <summary>Text with a manageable number of values; rare values are grouped as "other".</summary>
    Category,
    /// <summary>A list of tokens such as a tech stack (<c>Salesforce; Slack</c>): each token is its own signal.</summary>
    Set,
    /// <summary>Dates, learned as their age in days before the as-of date.</summary>
    Date,
}

/// <summary>A column the learner did not use, and why.</summary>
public sealed record LeftOutColumn(string Column, string Reason);

/// <summary>Kind inference and the guards against ID-like and post-outcome columns.</summary>
public static class ColumnGuards
{
    /// <summary>Words in a column name that suggest it is filled in after the outcome (stage, status, lost reason ...).</summary>
    public static readonly IReadOnlyList<string> PostOutcomeWords =
        ["stage", "status", "tag", "tags", "closed", "close", "reason", "won", "lost", "outcome", "result", "converted", "conversion", "churn", "churned", "quality", "disposition", "notable",
         // Judgements someone recorded about the lead (lead quality, lead profile, lead score) usually follow a first contact.
         "score", "rating", "grade", "profile"];

    private static readonly string[] IdWords = ["id", "uuid", "guid", "key", "number", "no", "nr", "code"];

    /// <summary>The kind of column <paramref name="index"/>, or the reason it is left out (empty, constant, ID-like, post-outcome name).</summary>
    public static (FieldKind? Kind, string? LeftOut) Inspect(LearningData data, int index)
    {
        ArgumentNullException.ThrowIfNull(data);
        var name = data.Columns[index];
        var values = data.Values[index];
        int nonEmpty = 0, numbers = 0, dates = 0, lists = 0, integers = 0;
        var distinct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var code = 0; code < values.Distinct.Count; code++)
        {
            var v = values.Distinct[code];
            var n = values.Frequencies[code];
            if (v.Length == 0 || n == 0) continue;
            nonEmpty += n;
            distinct.Add(v);
            if (ValueParsers.TryParseNumber(v, out var x)) { numbers += n; if (x == Math.Floor(x)) integers += n; }
            else if (ValueParsers.TryParseDate(v, out _)) dates += n;
            if (v.Contains(';', StringComparison.Ordinal) || v.StartsWith('[')) lists += n;
        }
        if (nonEmpty == 0) return (null, "every value is empty");
        if (distinct.Count == 1) return (null, $"one value only ('{distinct.First()}')");
        var words = Words(name);
        if (words.FirstOrDefault(PostOutcomeWords.Contains) is { } word)
            return (null, $"suspected post-outcome: the name says '{word}' (filled in after the outcome is known?)");
        var distinctShare = (double)distinct.Count / nonEmpty;
        var isNumber = numbers >= 0.98 * nonEmpty;
        if (nonEmpty >= 20 && distinctShare >= 0.9 && (!isNumber || (integers == numbers && words.Any(IdWords.Contains))))
            return (null, $"ID-like: {distinctShare * 100:0}% of values are distinct");
        if (isNumber) return (FieldKind.Number, null);
        if (dates + numbers >= 0.98 * nonEmpty && dates > 0) return (FieldKind.Date, null);
        if (lists >= 0.1 * nonEmpty) return (FieldKind.Set, null);
        return (FieldKind.Category, null);
    }

    /// <summary>Lower-case words of a column name: "LeadQuality", "lead_quality" and "Lead Quality" all give lead, quality.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
            if (boundary && current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>A profile field name for a column: lower-case words joined by '_' ("Lead Origin" → lead_origin).</summary>
    public static string FieldName(string column)
    {
        var words = Words(column);
        var name = words.Count == 0 ? "field" : string.Join('_', words);
        return char.IsDigit(name[0]) ? "f_" + name : name;
    }

    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
