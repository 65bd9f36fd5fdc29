using Icp.Core.Profiles;

namespace Icp.Core.Scoring;

/// <summary>A criterion ready to evaluate, with what its reason text needs.</summary>
internal sealed record CompiledCriterion(Node Node, string Field, string Description, string? Label, int Points, int Group, string? Reason)
{
    /// <summary>Set when the criterion is a single test on one field, so reasons can show the row's value.</summary>
    public FieldNode? Evidence => Node as FieldNode;
}

/// <summary>
/// A profile compiled against one table's columns: every field resolved to a column index, values parsed,
/// sets hashed and regexes compiled, once. Immutable and thread-safe; each thread takes its own
/// <see cref="FitEvaluator"/> from <see cref="CreateEvaluator"/>.
/// </summary>
public sealed class CompiledProfile
{
    private CompiledProfile(Profile profile, ScoringOptions options, string sourceName)
    {
        Profile = profile;
        Options = options;
        SourceName = sourceName;
    }

    public Profile Profile { get; }
    public ScoringOptions Options { get; }
    public string SourceName { get; }

    internal FieldSlot[] Slots { get; private set; } = [];
    internal CompiledCriterion[] Must { get; private set; } = [];
    internal CompiledCriterion[] Exclude { get; private set; } = [];
    internal CompiledCriterion[] Signals { get; private set; } = [];
    internal Node[] Personas { get; private set; } = [];

    /// <summary>Named groups in profile order; signals without a group use index <see cref="GroupNames"/>.Count.</summary>
    public IReadOnlyList<string> GroupNames { get; private set; } = [];
    internal int[] GroupCaps { get; private set; } = [];

    /// <summary>True when the data has every field the personas read, so contact rows can be matched.</summary>
    public bool HasPersonas => Personas.Length > 0;

    /// <summary>Exclusion causes in order (hard filters then disqualifiers), as shown in funnels.</summary>
    public IReadOnlyList<string> ExclusionCauses =>
        [.. Must.Select(m => "fails " + (m.Label ?? m.Description)), .. Exclude.Select(e => (e.Label ?? e.Description) + (e.Reason is null ? "" : $" ({e.Reason})"))];

    /// <summary>Compiles <paramref name="profile"/> for a table with the given columns.</summary>
    /// <exception cref="InputException">a field's column is missing (the message lists the columns and suggests the closest).</exception>
    public static CompiledProfile Compile(Profile profile, ColumnResolver columns, ScoringOptions options) =>
        Compile(profile, columns, options, personasOnly: false);

    /// <summary>Compiles only the personas, for contact tables that lack the account fields; their fields must exist.</summary>
    public static CompiledProfile CompilePersonas(Profile profile, ColumnResolver columns, ScoringOptions options) =>
        Compile(profile, columns, options, personasOnly: true);

    private static CompiledProfile Compile(Profile profile, ColumnResolver columns, ScoringOptions options, bool personasOnly)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        var compiled = new CompiledProfile(profile, options, columns.SourceName);
        var slots = new List<FieldSlot>();
        var byField = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        int SlotFor(string field, bool required)
        {
            if (byField.TryGetValue(field, out var existing)) return existing;
            var spec = profile.Fields[field];
            var column = required ? columns.Require(spec.ColumnName, field, spec.Location) : columns.Find(spec.ColumnName);
            if (column < 0) return -1;
            var slot = new FieldSlot(slots.Count, field, column, spec.Type, spec.Separator.Length > 0 ? spec.Separator[0] : ';');
            slots.Add(slot);
            return byField[field] = slot.Index;
        }

        Node? Build(Condition condition, bool required) => condition switch
        {
            FieldCondition f => SlotFor(f.Field, required) is var s and >= 0
                ? f.Predicates.Length == 1 ? Leaf(f.Predicates[0], s, f.Field) : new AndNode([.. f.Predicates.Select(p => Leaf(p, s, f.Field))])
                : null,
            AllOfCondition a => Combine(a.Parts, required, parts => new AndNode(parts)),
            AnyOfCondition o => Combine(o.Parts, required, parts => new OrNode(parts)),
            NotCondition n => Build(n.Inner, required) is { } inner ? new NotNode(inner) : null,
            _ => throw new InvalidOperationException(condition.GetType().Name),
        };

        Node? Combine(IEnumerable<Condition> parts, bool required, Func<Node[], Node> make)
        {
            var nodes = parts.Select(p => Build(p, required)).ToArray();
            return nodes.Any(n => n is null) ? null : make(nodes!);
        }

        Node Leaf(Predicate predicate, int slot, string field) => predicate switch
        {
            TextPredicate t => new TextInNode(slot, t.Values, t.Operator == Operator.NotIn),
            NumberRangePredicate r => new RangeNode(slot, r.Min ?? double.NegativeInfinity, r.MinInclusive || r.Min is null, r.Max ?? double.PositiveInfinity, r.MaxInclusive || r.Max is null),
            NumberSetPredicate n => new NumberInNode(slot, [.. n.Values], n.Operator == Operator.NotIn),
            DateRangePredicate d => new RangeNode(slot, d.Min?.DayNumber ?? double.NegativeInfinity, d.MinInclusive || d.Min is null, d.Max?.DayNumber ?? double.PositiveInfinity, d.MaxInclusive || d.Max is null),
            // within: no older than the period before as-of (a future date counts as recent); older_than: strictly before it.
            RecencyPredicate w => w.Operator == Operator.Within
                ? new RangeNode(slot, w.Period.Before(options.AsOf).DayNumber, true, double.PositiveInfinity, true)
                : new RangeNode(slot, double.NegativeInfinity, true, w.Period.Before(options.AsOf).DayNumber, false),
            SetPredicate s => new SetNode(slot, s.Operator, s.Tokens, profile.Fields[field].Separator.Length > 0 ? profile.Fields[field].Separator[0] : ';'),
            RegexPredicate x => new RegexNode(slot, x.Pattern, field),
            RegionPredicate g => new RegionNode(slot, g.Countries),
            PresencePredicate p => new PresenceNode(slot, p.MustExist),
            BoolPredicate b => new RangeNode(slot, b.Value ? 1 : 0, true, b.Value ? 1 : 0, true),
            _ => throw new InvalidOperationException(predicate.GetType().Name),
        };

        static string FieldOf(Condition c) => c is FieldCondition f ? f.Field : "";

        var groupNames = profile.Groups.Select(g => g.Name).ToList();
        if (personasOnly)
        {
            compiled.Personas = [.. profile.Personas.Select(p => Build(p.Condition, true)!)];
            compiled.GroupCaps = [int.MaxValue];
            compiled.Slots = [.. slots];
            return compiled;
        }
        compiled.Must = [.. profile.Must.Select(m => new CompiledCriterion(Build(m.Condition, true)!, FieldOf(m.Condition), m.Condition.Describe(), m.Label, 0, -1, null))];
        compiled.Exclude = [.. profile.Exclude.Select(e => new CompiledCriterion(Build(e.Condition, true)!, FieldOf(e.Condition), e.Condition.Describe(), e.Label, 0, -1, e.Reason))];
        compiled.Signals = [.. profile.Signals.Select(s => new CompiledCriterion(Build(s.Condition, true)!, FieldOf(s.Condition), s.Condition.Describe(), s.Label, s.Points,
            s.Group is null ? groupNames.Count : groupNames.IndexOf(s.Group), null))];
        var personas = profile.Personas.Select(p => Build(p.Condition, false)).ToArray();
        compiled.Personas = personas.Length > 0 && personas.All(p => p is not null) ? [.. personas.OfType<Node>()] : [];
        compiled.GroupNames = groupNames;
        compiled.GroupCaps = [.. profile.Groups.Select(g => g.Cap ?? int.MaxValue), int.MaxValue];
        compiled.Slots = [.. slots];
        return compiled;
    }

    /// <summary>A new evaluator for one thread. Data problems it finds are recorded in <paramref name="issues"/>.</summary>
    public FitEvaluator CreateEvaluator(DataIssues? issues = null) => new(this, issues ?? new DataIssues());
}
