using System.Globalization;
using Icp.Core;
using Icp.Core.Profiles;
using Icp.Core.Scoring;

namespace Icp.Data.Sql;

/// <summary>
/// Compiles a profile into one SELECT that returns every source column plus <c>icp_score</c>, <c>icp_tier</c>,
/// <c>icp_excluded</c>, <c>icp_reasons</c> and the group sub-scores, with the same semantics as the in-process
/// scorer: SQL's NULL logic is the profile's three-valued logic, the as-of arithmetic and every description are
/// computed here and emitted as literals, and the score uses the same integer rounding.
/// </summary>
/// <remarks>
/// Stages, as common table expressions: the trimmed text of each field; its typed value; each criterion as a
/// nullable boolean; exclusion and points per group; the score. Helper columns start with <c>icp__</c> and are
/// dropped from the result.
/// </remarks>
public sealed class ProfileSqlCompiler
{
    private readonly Profile _profile;
    private readonly SqlDialect _sql;
    private readonly ScoringOptions _options;
    private readonly IReadOnlyDictionary<string, string> _columns;
    private readonly Dictionary<string, int> _fieldIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _helpers = [];

    private ProfileSqlCompiler(Profile profile, SqlDialect dialect, ScoringOptions options, IReadOnlyDictionary<string, string>? columns)
    {
        _profile = profile;
        _sql = dialect;
        _options = options;
        _columns = columns ?? new Dictionary<string, string>();
    }

    /// <summary>The SELECT scoring a table or view.</summary>
    /// <param name="profile">The validated profile.</param>
    /// <param name="dialect">The SQL engine to write for.</param>
    /// <param name="relation">Table or view name, optionally schema-qualified (<c>crm.accounts</c>); each part is quoted.</param>
    /// <param name="options">The as-of date that <c>within</c> and <c>older_than</c> count back from.</param>
    /// <param name="columns">Optional field → column names, for tables whose columns differ from the profile's.</param>
    public static string Compile(Profile profile, SqlDialect dialect, string relation, ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(options);
        var compiler = new ProfileSqlCompiler(profile, dialect, options, columns);
        return compiler.Build(dialect.QualifiedName(relation));
    }

    /// <summary><c>CREATE OR REPLACE VIEW</c> <paramref name="view"/> over the scoring SELECT.</summary>
    public static string CompileView(Profile profile, SqlDialect dialect, string relation, string view, ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(view);
        return $"CREATE OR REPLACE VIEW {dialect.QualifiedName(view)} AS\n{Compile(profile, dialect, relation, options, columns)}";
    }

    /// <summary>
    /// Statements that write the score back into <paramref name="table"/>: add the result columns when missing
    /// (named <paramref name="prefix"/><c>score</c>, ...), then one <c>UPDATE ... FROM</c> or <c>MERGE</c> matched on
    /// <paramref name="keys"/>. The scoring reads only the keys and the profile's columns, so earlier results
    /// in the table never collide with the new ones.
    /// </summary>
    public static IReadOnlyList<string> CompileWriteBack(Profile profile, SqlDialect dialect, string table, IReadOnlyList<string> keys, string prefix,
        ScoringOptions options, IReadOnlyDictionary<string, string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        if (keys.Count == 0) throw new ArgumentException("write-back needs at least one key column", nameof(keys));
        var compiler = new ProfileSqlCompiler(profile, dialect, options, columns);
        compiler.IndexFields();
        var read = keys.Concat(compiler._fieldIndex.Keys.Select(compiler.Column)).Distinct(StringComparer.Ordinal).Select(dialect.Identifier);
        var select = compiler.Build($"(SELECT {string.Join(", ", read)} FROM {dialect.QualifiedName(table)})");
        var results = ResultColumns(profile).Select(r => new WriteBackColumn(prefix + r.Name["icp_".Length..], r.Name, r.Type)).ToList();
        return dialect.WriteBack(dialect.QualifiedName(table), keys, results, select);
    }

    /// <summary>The columns a scoring SELECT adds, in order, with their SQL types.</summary>
    public static IReadOnlyList<(string Name, SqlType Type)> ResultColumns(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return
        [
            (ScoringPlan.ScoreColumn, SqlType.Integer), (ScoringPlan.TierColumn, SqlType.Text),
            (ScoringPlan.ExcludedColumn, SqlType.Boolean), (ScoringPlan.ReasonsColumn, SqlType.Text),
            .. profile.Groups.Select(g => ("icp_" + g.Name, SqlType.Integer)),
        ];
    }

    private void IndexFields()
    {
        if (_fieldIndex.Count > 0) return;
        var conditions = _profile.Must.Select(m => m.Condition).Concat(_profile.Exclude.Select(e => e.Condition)).Concat(_profile.Signals.Select(s => s.Condition));
        foreach (var field in conditions.SelectMany(c => c.FieldNames()).Distinct(StringComparer.OrdinalIgnoreCase))
            _fieldIndex[field] = _fieldIndex.Count;
    }

    private string Build(string source)
    {
        try
        {
            return BuildSelect(source);
        }
        catch (NotSupportedException e)
        {
            throw new InputException($"{e.Message} ({_sql.Name} dialect)", new SourceLocation(_profile.SourceName), e);
        }
    }

    private string BuildSelect(string source)
    {
        IndexFields();
        var noMatch = _profile.Unknown == UnknownPolicy.NoMatch;

        var text = _fieldIndex.Select(f => Helper(Text(f.Key), $"nullif({_sql.Trim(_sql.AsText(_sql.Identifier(Column(f.Key))))}, '')")).ToList();
        var values = _fieldIndex.Select(f => Helper(Value(f.Key), TypedValue(f.Key))).ToList();
        var criteria = new List<string>();
        for (var i = 0; i < _profile.Must.Length; i++) criteria.Add(Helper(Must(i), Condition(_profile.Must[i].Condition)));
        for (var i = 0; i < _profile.Exclude.Length; i++) criteria.Add(Helper(Exclude(i), Condition(_profile.Exclude[i].Condition)));
        for (var i = 0; i < _profile.Signals.Length; i++) criteria.Add(Helper(Signal(i), Condition(_profile.Signals[i].Condition)));

        var failsMust = Enumerable.Range(0, _profile.Must.Length).Select(i => noMatch ? IsNotTrue(Id(Must(i))) : IsFalse(Id(Must(i))));
        var meetsExclude = Enumerable.Range(0, _profile.Exclude.Length).Select(i => IsTrue(Id(Exclude(i))));
        var exclusion = string.Join(" OR ", failsMust.Concat(meetsExclude).DefaultIfEmpty("false"));
        var points = new List<string> { Helper("icp__excluded", $"({exclusion})") };
        var groups = _profile.Groups.Select(g => (g.Name, Cap: g.Cap)).Append((Name: (string?)null!, Cap: (int?)null)).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var members = Enumerable.Range(0, _profile.Signals.Length).Where(i => string.Equals(_profile.Signals[i].Group, groups[g].Name, StringComparison.Ordinal)).ToList();
            var earned = Sum(members.Select(i => $"CASE WHEN {Id(Signal(i))} THEN {_profile.Signals[i].Points} ELSE 0 END"));
            var available = Sum(members.Where(i => _profile.Signals[i].Points > 0)
                .Select(i => noMatch ? $"{_profile.Signals[i].Points}" : $"CASE WHEN {Id(Signal(i))} IS NOT NULL THEN {_profile.Signals[i].Points} ELSE 0 END"));
            points.Add(Helper(Earned(g), Capped(earned, groups[g].Cap)));
            points.Add(Helper(Available(g), Capped(available, groups[g].Cap)));
        }
        var totalEarned = string.Join(" + ", Enumerable.Range(0, groups.Count).Select(g => Id(Earned(g))));
        var totalAvailable = string.Join(" + ", Enumerable.Range(0, groups.Count).Select(g => Id(Available(g))));
        var score = Helper("icp__score", $"CASE WHEN {Id("icp__excluded")} THEN 0 ELSE {Percent(totalEarned, totalAvailable)} END");

        var outputs = new List<string>
        {
            $"{Id("icp__score")} AS {Id(ScoringPlan.ScoreColumn)}",
            $"{Tier()} AS {Id(ScoringPlan.TierColumn)}",
            $"{Id("icp__excluded")} AS {Id(ScoringPlan.ExcludedColumn)}",
            $"{Reasons()} AS {Id(ScoringPlan.ReasonsColumn)}",
        };
        for (var g = 0; g < _profile.Groups.Length; g++)
            outputs.Add($"CASE WHEN NOT {Id("icp__excluded")} AND {Id(Available(g))} > 0 THEN {Percent(Id(Earned(g)), Id(Available(g)))} END AS {Id("icp_" + _profile.Groups[g].Name)}");

        string Stage(string name, string from, IEnumerable<string> columns, string head = "*") => columns.Any()
            ? $"{name} AS (\n    SELECT {head},\n        {string.Join(",\n        ", columns)}\n    FROM {from}{_sql.StageFence}\n)"
            : $"{name} AS (SELECT {head} FROM {from}{_sql.StageFence})";
        var first = _sql.SourceStage(source);
        var ctes = new[]
        {
            Stage("icp__text", first.From, text, first.Head),
            Stage("icp__values", "icp__text", values),
            Stage("icp__criteria", "icp__values", criteria),
            Stage("icp__points", "icp__criteria", points),
            Stage("icp__scored", "icp__points", [score]),
        };
        return $"-- icp profile '{_profile.Name}' v{_profile.Version}, as of {_options.AsOf:yyyy-MM-dd}, {_sql.Name} dialect\n" +
               $"WITH {string.Join(",\n", ctes)}\n" +
               $"SELECT {_sql.SelectSourceColumns(_helpers.Distinct().ToList())},\n    {string.Join(",\n    ", outputs)}\nFROM icp__scored";
    }

    // ---- names -------------------------------------------------------------------------------------------

    private string Helper(string name, string expression)
    {
        _helpers.Add(name);
        return $"{expression} AS {Id(name)}";
    }

    private string Id(string name) => _sql.Identifier(name);
    private string Column(string field) => _columns.TryGetValue(field, out var c) ? c : _profile.Fields[field].ColumnName;
    private string Text(string field) => $"icp__t{_fieldIndex[field]}";
    private string Value(string field) => $"icp__v{_fieldIndex[field]}";
    private static string Must(int i) => $"icp__must{i}";
    private static string Exclude(int i) => $"icp__exclude{i}";
    private static string Signal(int i) => $"icp__signal{i}";
    private static string Earned(int g) => $"icp__earned{g}";
    private static string Available(int g) => $"icp__available{g}";

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

    private string Tier()
    {
        var tiers = _profile.Tiers;
        var cases = string.Concat(tiers.Tiers.Select(t => $" WHEN {Id("icp__score")} >= {t.Minimum} THEN {_sql.Literal(t.Name)}"));
        return $"CASE WHEN {Id("icp__excluded")} THEN 'excluded'{cases} ELSE {_sql.Literal(tiers.Floor)} END";
    }

    private string Reasons()
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
        return $"nullif(CASE WHEN {Id("icp__excluded")} THEN {_sql.JoinNonNull("; ", exclusions.DefaultIfEmpty("NULL"))} ELSE {_sql.JoinNonNull("; ", signals.DefaultIfEmpty("NULL"))} END, '')";
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
