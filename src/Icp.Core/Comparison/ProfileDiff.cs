using System.Globalization;
using Icp.Core.Profiles;

namespace Icp.Core.Comparison;

/// <summary>Whether a criterion or setting is new, gone, or different.</summary>
public enum ChangeKind { Added, Removed, Changed }

/// <summary>One difference between two profile versions.</summary>
/// <param name="Section">What changed: profile, must, exclude, signal, tier, group, field or persona.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Item">The criterion or setting, as people know it (its label when it has one).</param>
/// <param name="Before">The old form; null when added.</param>
/// <param name="After">The new form; null when removed.</param>
/// <param name="What">For a change, what differs ("points 30 → 35; condition ..."); empty otherwise.</param>
public sealed record CriterionChange(string Section, ChangeKind Kind, string Item, string? Before, string? After, string What);

/// <summary>The criterion-by-criterion difference between two profile versions: what a team reviews before adopting a refresh.</summary>
public sealed record ProfileDiff(string BeforeName, int BeforeVersion, string AfterName, int AfterVersion, IReadOnlyList<CriterionChange> Changes)
{
    /// <summary>
    /// Compares <paramref name="before"/> with <paramref name="after"/>. Criteria are paired by label, then by identical
    /// condition, then by the fields they read, so an edited threshold shows as a change rather than a removal and an addition.
    /// </summary>
    public static ProfileDiff Compare(Profile before, Profile after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<CriterionChange>();
        void Setting(string item, string? a, string? b)
        {
            if (a == b) return;
            changes.Add(new CriterionChange("profile", a is null ? ChangeKind.Added : b is null ? ChangeKind.Removed : ChangeKind.Changed, item, a, b,
                a is null || b is null ? "" : $"{a} → {b}"));
        }
        Setting("name", before.Name, after.Name);
        Setting("version", Num(before.Version), Num(after.Version));
        Setting("description", before.Description, after.Description);
        Setting("entity", before.Entity.ToString().ToLowerInvariant(), after.Entity.ToString().ToLowerInvariant());
        Setting("review_by", before.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Setting("unknown", Policy(before.Unknown), Policy(after.Unknown));

        Criteria(changes, "must", before.Must.Select(m => Item(m.Condition, m.Label, [])), after.Must.Select(m => Item(m.Condition, m.Label, [])));
        Criteria(changes, "exclude", before.Exclude.Select(e => Item(e.Condition, e.Label, [("reason", e.Reason)])),
            after.Exclude.Select(e => Item(e.Condition, e.Label, [("reason", e.Reason)])));
        Criteria(changes, "signal", before.Signals.Select(s => Item(s.Condition, s.Label, [("points", Signed(s.Points)), ("group", s.Group)])),
            after.Signals.Select(s => Item(s.Condition, s.Label, [("points", Signed(s.Points)), ("group", s.Group)])));

        Keyed(changes, "tier", before.Tiers.Tiers.ToDictionary(t => t.Name, t => $">= {t.Minimum}"), after.Tiers.Tiers.ToDictionary(t => t.Name, t => $">= {t.Minimum}"));
        if (before.Tiers.Floor != after.Tiers.Floor)
            changes.Add(new CriterionChange("tier", ChangeKind.Changed, "floor", before.Tiers.Floor, after.Tiers.Floor, "renamed"));
        Keyed(changes, "group", before.Groups.ToDictionary(g => g.Name, Cap), after.Groups.ToDictionary(g => g.Name, Cap));
        // Fields come and go with the criteria that read them; only a field both versions read can change on its own.
        var shared = before.Fields.Keys.Where(after.Fields.ContainsKey).ToList();
        Keyed(changes, "field", shared.ToDictionary(f => f, f => FieldText(before.Fields[f])), shared.ToDictionary(f => f, f => FieldText(after.Fields[f])));
        Keyed(changes, "persona", before.Personas.ToDictionary(p => p.Name, p => p.Condition.Describe()), after.Personas.ToDictionary(p => p.Name, p => p.Condition.Describe()));
        return new ProfileDiff(before.Name, before.Version, after.Name, after.Version, changes);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Signed(int n) => n.ToString("+0;-0;0", CultureInfo.InvariantCulture);
    private static string Policy(UnknownPolicy p) => p == UnknownPolicy.NoMatch ? "no_match" : "neutral";
    private static string Cap(SignalGroup g) => g.Cap is { } c ? $"cap {c}" : "no cap";
    private static string FieldText(FieldSpec f) => f.Type.ToString().ToLowerInvariant() + (f.Column is null ? "" : $" from column '{f.Column}'");

    /// <summary>A criterion reduced to what a diff compares: its condition text, label, fields and extra attributes.</summary>
    private sealed record CriterionItem(Condition Source, string Condition, string? Label, string Fields, (string Name, string? Value)[] Attributes)
    {
        /// <summary>The label, or the condition cut to a readable length.</summary>
        public string Name => Label ?? (Condition.Length <= 60 ? Condition : Condition[..57] + "...");

        public string Text => string.Join(" ", Attributes.Where(a => a.Name == "points" && a.Value is not null).Select(a => a.Value))
            + (Attributes.Any(a => a.Name == "points") ? " " : "") + Condition
            + string.Concat(Attributes.Where(a => a.Name != "points" && a.Value is not null).Select(a => $" ({a.Name}: {a.Value})"));
    }

    private static CriterionItem Item(Condition condition, string? label, (string, string?)[] attributes) =>
        new(condition, condition.Describe(), label, string.Join(",", condition.FieldNames().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)), attributes);

    private static void Criteria(List<CriterionChange> changes, string section, IEnumerable<CriterionItem> beforeItems, IEnumerable<CriterionItem> afterItems)
    {
        var before = beforeItems.ToList();
        var after = afterItems.ToList();
        var pairs = new List<(CriterionItem Before, CriterionItem After)>();
        void Pair(Func<CriterionItem, CriterionItem, bool> same)
        {
            foreach (var b in before.ToList())
            {
                var a = after.FirstOrDefault(x => same(b, x));
                if (a is null) continue;
                pairs.Add((b, a));
                before.Remove(b);
                after.Remove(a);
            }
        }
        Pair((b, a) => b.Label is not null && string.Equals(b.Label, a.Label, StringComparison.OrdinalIgnoreCase));
        Pair((b, a) => b.Condition == a.Condition);
        Pair((b, a) => b.Fields == a.Fields);

        foreach (var (b, a) in pairs)
        {
            var what = new List<string>();
            if (b.Condition != a.Condition) what.Add(ConditionChange(b.Source, a.Source));
            if (b.Label != a.Label) what.Add($"label {b.Label ?? "(none)"} → {a.Label ?? "(none)"}");
            foreach (var (name, value) in b.Attributes)
            {
                var other = a.Attributes.First(x => x.Name == name).Value;
                if (value != other) what.Add($"{name} {value ?? "(none)"} → {other ?? "(none)"}");
            }
            if (what.Count > 0) changes.Add(new CriterionChange(section, ChangeKind.Changed, a.Name, b.Text, a.Text, string.Join("; ", what)));
        }
        changes.AddRange(before.Select(b => new CriterionChange(section, ChangeKind.Removed, b.Name, b.Text, null, "")));
        changes.AddRange(after.Select(a => new CriterionChange(section, ChangeKind.Added, a.Name, null, a.Text, "")));
    }

    /// <summary>
    /// How a condition changed. A list edited in place (the usual refresh: a country or sector added) reads as the
    /// values added and removed; anything else shows the old and new condition.
    /// </summary>
    private static string ConditionChange(Condition before, Condition after)
    {
        if (before is FieldCondition { Predicates: [TextPredicate b] } fb && after is FieldCondition { Predicates: [TextPredicate a] } fa
            && string.Equals(fb.Field, fa.Field, StringComparison.OrdinalIgnoreCase) && (b.Operator == a.Operator || b.Operator is not Operator.NotIn && a.Operator is not Operator.NotIn))
        {
            var added = a.Values.Except(b.Values, StringComparer.OrdinalIgnoreCase).ToList();
            var removed = b.Values.Except(a.Values, StringComparer.OrdinalIgnoreCase).ToList();
            var parts = new List<string>();
            if (added.Count > 0) parts.Add($"adds {string.Join(", ", added)}");
            if (removed.Count > 0) parts.Add($"drops {string.Join(", ", removed)}");
            if (parts.Count > 0) return $"{fa.Field} list {string.Join(", ", parts)}";
        }
        return $"condition {before.Describe()} → {after.Describe()}";
    }

    private static void Keyed(List<CriterionChange> changes, string section, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var (name, b) in before)
        {
            if (!after.TryGetValue(name, out var a)) changes.Add(new CriterionChange(section, ChangeKind.Removed, name, b, null, ""));
            else if (a != b) changes.Add(new CriterionChange(section, ChangeKind.Changed, name, b, a, $"{b} → {a}"));
        }
        foreach (var (name, a) in after)
            if (!before.ContainsKey(name)) changes.Add(new CriterionChange(section, ChangeKind.Added, name, null, a, ""));
    }
}
