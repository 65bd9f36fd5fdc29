using System.Globalization;
using System.Text;

namespace Icp.Core.Learning;

/// <summary>A tier name and the minimum 0-100 score it needs.</summary>
public sealed record TierThreshold(string Name, int Minimum);

/// <summary>
/// Writes a learned profile as YAML that <see cref="Profiles.ProfileLoader"/> accepts, with the evidence for every
/// criterion as a comment beside it. Output depends only on its inputs (no clock, no machine culture), so the same
/// data and seed give the same bytes.
/// </summary>
public static class ProfileWriter
{
    public static string Write(LearnedProfile learned, string name, string description, IReadOnlyList<string> header, IReadOnlyList<TierThreshold> tiers, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(learned);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(tiers);
        var yaml = new StringBuilder();
        foreach (var line in header) yaml.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        yaml.Append($"icp: {name}\nversion: 1\ndescription: {Quote(description)}\nentity: account\n");

        var used = learned.Disqualifiers.Select(d => d.Criterion).Concat(learned.Signals.Select(s => s.Criterion))
            .GroupBy(c => c.FieldName).Select(g => g.First()).OrderBy(c => c.Field.Column).ToList();
        if (used.Count > 0)
        {
            yaml.Append("\nfields:\n");
            foreach (var c in used)
            {
                var type = c.Field.Kind switch { FieldKind.Number => "number", FieldKind.Date => "date", FieldKind.Set => "set", _ => "text" };
                yaml.Append($"  {c.FieldName}: {{ type: {type}, column: {Quote(c.Field.ColumnName)} }}\n");
            }
        }
        if (learned.Disqualifiers.Count > 0)
        {
            yaml.Append("\nexclude:\n");
            foreach (var d in learned.Disqualifiers)
            {
                yaml.Append($"  # {d.Criterion.Evidence}\n");
                yaml.Append($"  - {Condition(d.Criterion, asOf)}\n    reason: {Quote(d.Reason)}\n");
            }
        }
        yaml.Append(learned.Signals.Count == 0 ? "\nsignals: []   # no field told wins from losses clearly enough\n" : "\nsignals:\n");
        foreach (var s in learned.Signals)
        {
            yaml.Append($"  # {s.Criterion.Evidence}\n");
            yaml.Append($"  - {Condition(s.Criterion, asOf)}\n    points: {s.Points.ToString(CultureInfo.InvariantCulture)}\n");
        }
        // An empty value is a level like any other here (it has its own 'missing' signal), so it must not drop a field's
        // points out of the available total: no_match keeps the score proportional to the points the model earned.
        yaml.Append("\nunknown: no_match\n");
        yaml.Append("tiers: { ").Append(string.Join(", ", tiers.Select(t => $"{t.Name}: {t.Minimum.ToString(CultureInfo.InvariantCulture)}"))).Append(" }\n");
        return yaml.ToString();
    }

    /// <summary>One criterion as a flow mapping, e.g. <c>industry: { in: ["Fintech", "Software"] }</c>.</summary>
    public static string Condition(LearnedCriterion criterion, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var field = criterion.Field;
        var levels = criterion.Levels.Select(l => field.Levels[l]).ToList();
        var first = levels[0];
        var body = first.Kind switch
        {
            LevelKind.Values => $"in: [{string.Join(", ", levels.SelectMany(l => l.Values).Select(Quote))}]",
            LevelKind.Token => $"any: [{Quote(first.Values[0])}]",
            LevelKind.Missing => "missing: true",
            LevelKind.Other => $"not_in: [{string.Join(", ", field.Levels.Where(l => l.Kind == LevelKind.Values).SelectMany(l => l.Values).Select(Quote))}]",
            _ => Range(field.Kind, first.Low, levels[^1].High),
        };
        return $"{criterion.FieldName}: {{ {body} }}";
    }

    private static string Range(FieldKind kind, double? low, double? high)
    {
        var parts = new List<string>();
        if (kind == FieldKind.Date)
        {
            // Bins are ages in whole days, [low, high): older than low - 1 days and within high - 1 days.
            if (low is { } lo) parts.Add($"older_than: {Days(lo - 1)}");
            if (high is { } hi) parts.Add($"within: {Days(hi - 1)}");
        }
        else
        {
            if (low is { } lo) parts.Add($"gte: {Number(lo)}");
            if (high is { } hi) parts.Add($"lt: {Number(hi)}");
        }
        return parts.Count == 0 ? "exists: true" : string.Join(", ", parts);
    }

    private static string Days(double days) => $"{Math.Max(0, (long)days).ToString(CultureInfo.InvariantCulture)} days";

    internal static string Number(double x) =>
        Math.Abs(x) < 7.9e27 ? ((decimal)x).ToString(CultureInfo.InvariantCulture) : x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar: safe for any text (colons, quotes, leading dashes).</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': s.Append("\\\""); break;
                case '\\': s.Append("\\\\"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) s.Append($"\\u{(int)c:X4}");
                    else s.Append(c);
                    break;
            }
        }
        return s.Append('"').ToString();
    }
}
