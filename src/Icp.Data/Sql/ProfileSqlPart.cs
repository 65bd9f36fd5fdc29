using System.Globalization;
using Icp.Core.Profiles;
using Icp.Core.Scoring;

namespace Icp.Data.Sql;

/// <summary>
/// One profile's share of the compiled SQL: its helper columns for each stage (field text, typed values,
/// criteria, points, score) and the expressions for its tier, reasons and group sub-scores. Helper names carry
/// a per-profile prefix, so a primary and a secondary profile can be compiled into the same statement.
/// </summary>
internal sealed class ProfileSqlPart
{
    private readonly SqlDialect _sql;
    private readonly ScoringOptions _options;
    private readonly IReadOnlyDictionary<string, string> _columns;
    private readonly string _prefix;
    private readonly List<string> _helpers;
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly Profile _profile;

    /// <summary>Compiles <paramref name="profile"/>'s parts; <paramref name="helpers"/> collects every helper column name, so the final select can leave them out.</summary>
    public ProfileSqlPart(Profile profile, SqlDialect dialect, ScoringOptions options, IReadOnlyDictionary<string, string> columns, string prefix, List<string> helpers)
    {
        _profile = profile;
        _sql = dialect;
        _options = options;
        _columns = columns;
        _prefix = prefix;
        _helpers = helpers;
        var conditions = profile.Must.Select(m => m.Condition).Concat(profile.Exclude.Select(e => e.Condition)).Concat(profile.Signals.Select(s => s.Condition));
        foreach (var field in conditions.SelectMany(c => c.FieldNames()).Distinct(StringComparer.OrdinalIgnoreCase))
            _fieldIndex[field] = _fieldIndex.Count;
    }

    public Profile Profile => _profile;

    /// <summary>The table columns the profile reads.</summary>
    public IEnumerable<string> ColumnsRead => _fieldIndex.Keys.Select(Column);

    public string ScoreRef => Id(ScoreName);

    public string ExcludedRef => Id(ExcludedName);

    public IEnumerable<string> TextHelpers() =>
        _fieldIndex.Select(f => Helper(Text(f.Key), $"nullif({_sql.Trim(_sql.AsText(_sql.Identifier(Column(f.Key))))}, '')")).ToList();

    public IEnumerable<string> ValueHelpers() => _fieldIndex.Select(f => Helper(Value(f.Key), TypedValue(f.Key))).ToList();

    public IEnumerable<string> CriteriaHelpers()
    {
        var criteria = new List<string>();
        for (var i = 0; i < _profile.Must.Length; i++) criteria.Add(Helper(Must(i), Condition(_profile.Must[i].Condition)));
        for (var i = 0; i < _profile.Exclude.Length; i++) criteria.Add(Helper(Exclude(i), Condition(_profile.Exclude[i].Condition)));
        for (var i = 0; i < _profile.Signals.Length; i++) criteria.Add(Helper(Signal(i), Condition(_profile.Signals[i].Condition)));
        return criteria;
    }

    /// <summary>The exclusion flag, then earned and available points per group (the ungrouped signals last).</summary>
    public IEnumerable<string> PointHelpers()
    {
        var noMatch = _profile.Unknown == UnknownPolicy.NoMatch;
        var failsMust = Enumerable.Range(0, _profile.Must.Length).Select(i => noMatch ? IsNotTrue(Id(Must(i))) : IsFalse(Id(Must(i))));
        var meetsExclude = Enumerable.Range(0, _profile.Exclude.Length).Select(i => IsTrue(Id(Exclude(i))));
        var exclusion = string.Join(" OR ", failsMust.Concat(meetsExclude).DefaultIfEmpty("false"));
        var points = new List<string> { Helper(ExcludedName, $"({exclusion})") };
        var groups = GroupsAndRest();
        for (var g = 0; g < groups.Count; g++)
        {
            var members = Enumerable.Range(0, _profile.Signals.Length).Where(i => string.Equals(_profile.Signals[i].Group, groups[g].Name, StringComparison.Ordinal)).ToList();
            var earned = Sum(members.Select(i => $"CASE WHEN {Id(Signal(i))} THEN {_profile.Signals[i].Points} ELSE 0 END"));
            var available = Sum(members.Where(i => _profile.Signals[i].Points > 0)
                .Select(i => noMatch ? $"{_profile.Signals[i].Points}" : $"CASE WHEN {Id(Signal(i))} IS NOT NULL THEN {_profile.Signals[i].Points} ELSE 0 END"));
            points.Add(Helper(Earned(g), Capped(earned, groups[g].Cap)));
            points.Add(Helper(Available(g), Capped(available, groups[g].Cap)));
        }
        return points;
    }

    public string ScoreHelper()
    {
        var groups = GroupsAndRest().Count;
        var totalEarned = string.Join(" + ", Enumerable.Range(0, groups).Select(g => Id(Earned(g))));
        var totalAvailable = string.Join(" + ", Enumerable.Range(0, groups).Select(g => Id(Available(g))));
        return Helper(ScoreName, $"CASE WHEN {ExcludedRef} THEN 0 ELSE {Percent(totalEarned, totalAvailable)} END");
    }

    /// <summary>The sub-score of group <paramref name="name"/> (NULL when excluded or nothing was available), or null when the profile has no such group.</summary>
    public string? GroupScore(string name)
    {
        var g = Array.FindIndex(_profile.Groups.ToArray(), x => string.Equals(x.Name, name, StringComparison.Ordinal));
        return g < 0 ? null : $"CASE WHEN NOT {ExcludedRef} AND {Id(Available(g))} > 0 THEN {Percent(Id(Earned(g)), Id(Available(g)))} END";
    }

    private List<(string? Name, int? Cap)> GroupsAndRest() =>
        [.. _profile.Groups.Select(g => ((string?)g.Name, g.Cap)), (null, null)];

    // ---- names -------------------------------------------------------------------------------------------

    private string Helper(string name, string expression)
    {
        _helpers.Add(name);
        return $"{expression} AS {Id(name)}";
    }

    private string Id(string name) => _sql.Identifier(name);
    private string Column(string field) => _columns.TryGetValue(field, out var c) ? c : _profile.Fields[field].ColumnName;
    private string Text(string field) => $"{_prefix}t{_fieldIndex[field]}";
    private string Value(string field) => $"{_prefix}v{_fieldIndex[field]}";
    private string Must(int i) => $"{_prefix}must{i}";
    private string Exclude(int i) => $"{_prefix}exclude{i}";
    private string Signal(int i) => $"{_prefix}signal{i}";
    private string Earned(int g) => $"{_prefix}earned{g}";
    private string Available(int g) => $"{_prefix}available{g}";
    private string ScoreName => $"{_prefix}score";
    private string ExcludedName => $"{_prefix}excluded";

    // ---- values and conditions ---------------------------------------------------------------------------

    private string TypedValue(string field)
    {
        var spec = _profile.Fields[field];
        var text = Id(Text(field));
        return spec.Type switch
        {
            FieldType.Number => _sql.TryNumber(text),
            FieldType.Date => _sql.TryDate(text),
            FieldType.Bool => _sql.TryBool(text),
            FieldType.Set => _sql.Tokens(text, spec.Separator.Length > 0 ? spec.Separator[0] : ';'),
            _ => _sql.Normalise(text),
        };
    }

    private string Condition(Condition condition) => condition switch
    {
        FieldCondition f => f.Predicates.Length == 1 ? Predicate(f.Field, f.Predicates[0]) : "(" + string.Join(" AND ", f.Predicates.Select(p => Predicate(f.Field, p))) + ")",
        AllOfCondition a => "(" + string.Join(" AND ", a.Parts.Select(Condition)) + ")",
        AnyOfCondition o => "(" + string.Join(" OR ", o.Parts.Select(Condition)) + ")",
        NotCondition n => $"(NOT {Condition(n.Inner)})",
        _ => throw new InvalidOperationException(condition.GetType().Name),
    };

    private string Predicate(string field, Predicate predicate)
    {
        var value = Id(Value(field));
        var text = Id(Text(field));
        string Unless(string nullable, string test) => $"CASE WHEN {nullable} IS NULL THEN NULL ELSE {test} END";
        switch (predicate)
        {
            case TextPredicate t:
                var contains = _sql.ListContains(_sql.TextList(t.Values.Select(v => v.ToLowerInvariant())), value);
                return Unless(value, t.Operator == Operator.NotIn ? $"NOT {contains}" : contains);
            case NumberRangePredicate r:
                return Range(value, r.Min is { } low ? _sql.Literal(low) : null, r.MinInclusive, r.Max is { } high ? _sql.Literal(high) : null, r.MaxInclusive);
            case NumberSetPredicate n:
                var inList = _sql.ListContains(_sql.NumberList(n.Values), value);
                return Unless(value, n.Operator == Operator.NotIn ? $"NOT {inList}" : inList);
            case DateRangePredicate d:
                return Range(value, d.Min is { } from ? _sql.Literal(from) : null, d.MinInclusive, d.Max is { } to ? _sql.Literal(to) : null, d.MaxInclusive);
            case RecencyPredicate w:
                var threshold = _sql.Literal(w.Period.Before(_options.AsOf));
                return w.Operator == Operator.Within ? $"({value} >= {threshold})" : $"({value} < {threshold})";
            case SetPredicate s:
                var found = _sql.CountFound(value, _sql.TextList(s.Tokens.Select(v => v.ToLowerInvariant()).Distinct()));
                var distinct = s.Tokens.Select(v => v.ToLowerInvariant()).Distinct().Count();
                return Unless(value, s.Operator switch
                {
                    Operator.Any => $"{found} > 0",
                    Operator.All => $"{found} >= {distinct}",
                    _ => $"{found} = 0",
                });
            case RegexPredicate x:
                return Unless(text, _sql.RegexMatches(text, x.Pattern));
            case PresencePredicate p:
                return p.MustExist ? $"({text} IS NOT NULL)" : $"({text} IS NULL)";
            case RegionPredicate:
                // icp reads "U.S.A." or "Deutschland" as a country; SQL would only see the text, so results could differ.
                throw new NotSupportedException(
                    $"'in_region' on '{field}' is not compiled to SQL: run 'icp enrich' (it adds country_iso2) and test country_iso2 with 'in' instead");
            case BoolPredicate b:
                return $"({value} = {(b.Value ? "true" : "false")})";
            default:
                throw new InvalidOperationException(predicate.GetType().Name);
        }
    }

    private static string Range(string value, string? min, bool minInclusive, string? max, bool maxInclusive)
    {
        var parts = new List<string>();
        if (min is not null) parts.Add($"{value} {(minInclusive ? ">=" : ">")} {min}");
        if (max is not null) parts.Add($"{value} {(maxInclusive ? "<=" : "<")} {max}");
        return "(" + string.Join(" AND ", parts) + ")";
    }

    // ---- score, tier, reasons ----------------------------------------------------------------------------

    // Not "IS TRUE" / "IS FALSE": not every warehouse has those predicates, and these mean the same everywhere.
    private static string IsTrue(string b) => $"coalesce({b}, false)";
    private static string IsFalse(string b) => $"NOT coalesce({b}, true)";
    private static string IsNotTrue(string b) => $"NOT coalesce({b}, false)";

    private static string Sum(IEnumerable<string> terms) => "(" + string.Join(" + ", terms.DefaultIfEmpty("0")) + ")";

    private static string Capped(string sum, int? cap) => cap is { } c ? $"least({c}, {sum})" : sum;

    /// <summary>round(100 × earned / available), half away from zero, clamped to 0-100, exactly as the evaluator does it.</summary>
    private string Percent(string earned, string available) =>
        $"CASE WHEN ({available}) = 0 OR ({earned}) <= 0 THEN 0 WHEN ({earned}) >= ({available}) THEN 100 " +
        $"ELSE CAST({_sql.IntegerDivide($"200 * ({earned}) + ({available})", $"2 * ({available})")} AS INTEGER) END";

    /// <summary>The tier, from this profile's score and exclusion.</summary>
    public string Tier()
    {
        var tiers = _profile.Tiers;
        var cases = string.Concat(tiers.Tiers.Select(t => $" WHEN {Id(ScoreName)} >= {t.Minimum} THEN {_sql.Literal(t.Name)}"));
        return $"CASE WHEN {Id(ExcludedName)} THEN 'excluded'{cases} ELSE {_sql.Literal(tiers.Floor)} END";
    }

    /// <summary>The reasons text, as the evaluator writes it.</summary>
    public string Reasons()
    {
        var noMatch = _profile.Unknown == UnknownPolicy.NoMatch;
        var exclusions = new List<string>();
        for (var i = 0; i < _profile.Must.Length; i++)
        {
            var must = _profile.Must[i];
            var id = Id(Must(i));
            var single = SingleField(must.Condition);
            var describe = must.Condition.Describe();
            var whenFalse = must.Label is { } label ? Lit("excluded: " + label)
                : single is not null ? $"{Lit("excluded: ")} || {Evidence(single.Value.Field, single.Value.Predicate)} || {Lit($" (needs {describe})")}"
                : Lit("excluded: fails " + describe);
            var whenUnknown = must.Label is { } l2 ? Lit("excluded: " + l2)
                : Lit("excluded: unknown " + (must.Condition is FieldCondition f ? f.Field : describe));
            exclusions.Add(noMatch
                ? $"CASE WHEN {IsFalse(id)} THEN {whenFalse} WHEN {id} IS NULL THEN {whenUnknown} END"
                : $"CASE WHEN {IsFalse(id)} THEN {whenFalse} END");
        }
        for (var i = 0; i < _profile.Exclude.Length; i++)
        {
            var rule = _profile.Exclude[i];
            var reason = rule.Reason is null ? "" : $" ({rule.Reason})";
            exclusions.Add($"CASE WHEN {IsTrue(Id(Exclude(i)))} THEN {Lit("excluded: ")} || {What(rule.Condition, rule.Label)} || {Lit(reason)} END");
        }
        var signals = _profile.Signals.Select((s, i) =>
            $"CASE WHEN {IsTrue(Id(Signal(i)))} THEN {Lit((s.Points >= 0 ? "+" : "") + s.Points.ToString(CultureInfo.InvariantCulture) + " ")} || {What(s.Condition, s.Label)} END");
        // No reasons is NULL, not '': an empty field is a missing value everywhere in icp.
        return $"nullif(CASE WHEN {Id(ExcludedName)} THEN {_sql.JoinNonNull("; ", exclusions.DefaultIfEmpty("NULL"))} ELSE {_sql.JoinNonNull("; ", signals.DefaultIfEmpty("NULL"))} END, '')";
    }

    private string Lit(string text) => _sql.Literal(text);

    /// <summary>The criterion as reasons show it: its label, the row's value for a single test on one field, else its description.</summary>
    private string What(Condition condition, string? label) =>
        label is not null ? Lit(label)
        : SingleField(condition) is { } single ? Evidence(single.Field, single.Predicate)
        : Lit(condition.Describe());

    private static (string Field, Predicate Predicate)? SingleField(Condition condition) =>
        condition is FieldCondition { Predicates.Length: 1 } f ? (f.Field, f.Predicates[0]) : null;

    /// <summary>The row's evidence for a holding single-field test, as the evaluator writes it.</summary>
    private string Evidence(string field, Predicate predicate) => predicate switch
    {
        PresencePredicate p => Lit(field + (p.MustExist ? " present" : " missing")),
        SetPredicate { Operator: Operator.Any } s => $"{Lit(field + " has ")} || {_sql.FirstFound(Id(Value(field)), _sql.TextList(s.Tokens.Select(t => t.ToLowerInvariant())))}",
        SetPredicate s => Lit(s.Describe(field)),
        _ => $"{Lit(field + "=")} || {Id(Text(field))}",
    };
}
