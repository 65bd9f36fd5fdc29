using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Icp.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Icp.Core.Profiles;

/// <summary>
/// Turns a profile file into a validated <see cref="Profile"/>, collecting every error and warning with its
/// line and column. Parsing happens in two passes: criteria are first read as written, then each field's type
/// is settled (declared or inferred from its operators) and the arguments are checked against that type.
/// </summary>
public sealed class ProfileLoader
{
    private static readonly string[] TopLevelKeys =
        ["icp", "version", "description", "entity", "review_by", "fields", "must", "exclude", "signals", "groups", "unknown", "tiers", "personas"];
    private static readonly string[] FieldSpecKeys = ["type", "column", "separator"];
    private static readonly string[] Combinators = ["any_of", "all_of", "not"];
    internal static readonly ImmutableDictionary<string, Operator> OperatorNames = new Dictionary<string, Operator>
    {
        ["equals"] = Operator.Equals, ["in"] = Operator.In, ["not_in"] = Operator.NotIn, ["between"] = Operator.Between,
        ["gt"] = Operator.Gt, ["gte"] = Operator.Gte, ["lt"] = Operator.Lt, ["lte"] = Operator.Lte,
        ["any"] = Operator.Any, ["all"] = Operator.All, ["none"] = Operator.None, ["matches"] = Operator.Matches,
        ["exists"] = Operator.Exists, ["missing"] = Operator.Missing, ["within"] = Operator.Within, ["older_than"] = Operator.OlderThan,
        ["in_region"] = Operator.InRegion,
    }.ToImmutableDictionary();

    private readonly string _source;
    private readonly List<ProfileDiagnostic> _diagnostics = [];
    private readonly Dictionary<string, FieldSpec> _declared = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _typeDeclared = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(Operator Op, YamlNode Arg)>> _usages = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, FieldSpec> _fields = new(StringComparer.OrdinalIgnoreCase);

    private ProfileLoader(string source) => _source = source;

    /// <summary>Loads a profile file. A missing or unreadable file is reported as an error diagnostic.</summary>
    public static ProfileLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            return new(null, [new(Severity.Error, $"profile not found: {path}", new SourceLocation(path))]);
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { return new(null, [new(Severity.Error, $"cannot read profile: {e.Message}", new SourceLocation(path))]); }
        return Parse(text, path);
    }

    /// <summary>Parses profile text; <paramref name="sourceName"/> is used in messages.</summary>
    public static ProfileLoadResult Parse(string yaml, string sourceName) => new ProfileLoader(sourceName).Run(yaml);

    private ProfileLoadResult Run(string yaml)
    {
        var root = LoadYaml(yaml);
        if (root is null) return Result(null);
        if (root is not YamlMappingNode map)
        {
            Error(root, "a profile is a mapping of keys such as icp, must, signals and tiers");
            return Result(null);
        }
        var keys = ReadKeys(map, TopLevelKeys, "top-level key");

        var name = keys.TryGetValue("icp", out var nameNode) ? Scalar(nameNode, "a profile name") : null;
        if (nameNode is null) Error(map, "missing 'icp': give the profile a name, e.g. 'icp: mid-market-saas'");
        else if (name is not null && !Regex.IsMatch(name, "^[A-Za-z0-9][A-Za-z0-9_.-]*$"))
            Error(nameNode, $"profile name '{name}' may use only letters, digits, '-', '_' and '.'");

        var version = 1;
        if (keys.TryGetValue("version", out var versionNode) && Scalar(versionNode, "a version number") is { } vs)
            if (!int.TryParse(vs, NumberStyles.None, CultureInfo.InvariantCulture, out version) || version < 1)
                Error(versionNode, $"version must be a whole number from 1, got '{vs}'");

        var entity = keys.TryGetValue("entity", out var entityNode)
            ? Choice(entityNode, new Dictionary<string, ProfileEntity> { ["account"] = ProfileEntity.Account, ["lead"] = ProfileEntity.Lead, ["contact"] = ProfileEntity.Contact }, ProfileEntity.Account)
            : ProfileEntity.Account;
        var unknown = keys.TryGetValue("unknown", out var unknownNode)
            ? Choice(unknownNode, new Dictionary<string, UnknownPolicy> { ["neutral"] = UnknownPolicy.Neutral, ["no_match"] = UnknownPolicy.NoMatch }, UnknownPolicy.Neutral)
            : UnknownPolicy.Neutral;
        DateOnly? reviewBy = null;
        if (keys.TryGetValue("review_by", out var reviewNode) && Scalar(reviewNode, "a date") is { } rv)
        {
            if (ValueParsers.TryParseDate(rv, out var d)) reviewBy = d;
            else Error(reviewNode, $"review_by must be a date like 2027-06-30, got '{rv}'");
        }

        if (keys.TryGetValue("fields", out var fieldsNode)) ReadFieldSpecs(fieldsNode);

        var rawMust = ReadCriteria(keys.GetValueOrDefault("must"), "must", ["label"]);
        var rawExclude = ReadCriteria(keys.GetValueOrDefault("exclude"), "exclude", ["reason", "label"]);
        var rawSignals = ReadCriteria(keys.GetValueOrDefault("signals"), "signals", ["points", "group", "label"]);
        var rawPersonas = ReadPersonas(keys.GetValueOrDefault("personas"));

        ResolveFieldTypes();

        var must = rawMust.Select(c => new HardFilter(Build(c.Condition), c.Text("label"))).ToImmutableArray();
        var exclude = rawExclude.Select(c => new Disqualifier(Build(c.Condition), c.Text("reason"), c.Text("label"))).ToImmutableArray();
        var signals = rawSignals.Select(BuildSignal).ToImmutableArray();
        var personas = rawPersonas.Select(p => new Persona(p.Name, Build(p.Condition))).ToImmutableArray();
        var groups = ReadGroups(keys.GetValueOrDefault("groups"), signals);
        var tiers = keys.TryGetValue("tiers", out var tiersNode) ? ReadTiers(tiersNode) : TierThresholds.Default;

        foreach (var r in rawExclude.Where(r => r.Text("reason") is null))
            Warning(r.Node, "this disqualifier has no 'reason': reps will see that an account is excluded but not why");
        CheckDuplicates(must.Select(m => m.Condition), "must");
        CheckDuplicates(exclude.Select(m => m.Condition), "exclude");
        CheckDuplicates(signals.Select(m => m.Condition), "signals");
        if (must.IsEmpty && exclude.IsEmpty && signals.IsEmpty && nameNode is not null)
            Error(map, "the profile has no must, exclude or signals: it would give every account the same score");
        if (_diagnostics.Any(d => d.Severity == Severity.Error)) return Result(null);

        var profile = new Profile
        {
            Name = name!,
            Version = version,
            Description = keys.TryGetValue("description", out var descNode) ? Scalar(descNode, "a description") : null,
            Entity = entity,
            ReviewBy = reviewBy,
            SourceName = _source,
            Fields = _fields.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            Must = must,
            Exclude = exclude,
            Signals = signals,
            Groups = groups,
            Unknown = unknown,
            Tiers = tiers,
            Personas = personas,
        };
        foreach (var warning in ProfileWarnings.Find(profile)) _diagnostics.Add(warning);
        return Result(profile);
    }

    private ProfileLoadResult Result(Profile? profile) =>
        new(_diagnostics.Any(d => d.Severity == Severity.Error) ? null : profile, [.. _diagnostics]);

    // ---- YAML plumbing -------------------------------------------------------------------------------

    private YamlNode? LoadYaml(string yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            _diagnostics.Add(new(Severity.Error, "the profile is empty", new SourceLocation(_source, 1, 1)));
            return null;
        }
        var parser = new Parser(new StringReader(yaml));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count != 1)
            {
                _diagnostics.Add(new(Severity.Error, "expected exactly one YAML document", new SourceLocation(_source, 1, 1)));
                return null;
            }
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes "(Line: x, Col: y, ...)": the location is reported separately.
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0) message = message[(cut + 3)..];
            _diagnostics.Add(new(Severity.Error, $"invalid YAML: {message}", new SourceLocation(_source, e.Start.Line, (int)e.Start.Column)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on some unclosed '[' or '{'; report where parsing stopped.
            var at = parser.Current?.End;
            _diagnostics.Add(new(Severity.Error, "invalid YAML: cannot read past this point (is a '[', '{' or quote left open?)",
                new SourceLocation(_source, at?.Line ?? 1, (int)(at?.Column ?? 1))));
            return null;
        }
    }

    private SourceLocation At(YamlNode node) => new(_source, node.Start.Line, (int)node.Start.Column);
    private void Error(YamlNode node, string message) => _diagnostics.Add(new(Severity.Error, message, At(node)));
    private void Warning(YamlNode node, string message) => _diagnostics.Add(new(Severity.Warning, message, At(node)));

    /// <summary>Reads a mapping's keys, reporting unknown and duplicate ones.</summary>
    private Dictionary<string, YamlNode> ReadKeys(YamlMappingNode map, IReadOnlyCollection<string> allowed, string what)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key)) { Error(keyNode, $"unknown {what} '{key}'{Hint(key, allowed, $"; expected one of {string.Join(", ", allowed)}")}"); continue; }
            if (!result.TryAdd(key, value)) Error(keyNode, $"'{key}' is given twice");
        }
        return result;
    }

    private static string Hint(string key, IEnumerable<string> candidates, string otherwise) =>
        DidYouMean.Closest(key, candidates) is { } s ? $" — did you mean '{s}'?" : otherwise;

    /// <summary>The text of a mapping key; a list or mapping used as a key is reported and gives null.</summary>
    private string? KeyText(YamlNode keyNode)
    {
        if (keyNode is YamlScalarNode s) return s.Value ?? "";
        Error(keyNode, $"expected a name here, found a {Kind(keyNode)}");
        return null;
    }

    private string? Scalar(YamlNode node, string expected)
    {
        if (node is YamlScalarNode s && s.Value is not null) return s.Value;
        Error(node, $"expected {expected} here, found a {Kind(node)}");
        return null;
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    private T Choice<T>(YamlNode node, Dictionary<string, T> choices, T fallback)
    {
        var text = Scalar(node, string.Join(" or ", choices.Keys));
        if (text is null) return fallback;
        if (choices.TryGetValue(text.Trim().ToLowerInvariant(), out var value)) return value;
        Error(node, $"'{text}' is not one of {string.Join(", ", choices.Keys)}{Hint(text, choices.Keys, "")}");
        return fallback;
    }

    // ---- fields --------------------------------------------------------------------------------------

    private static readonly Dictionary<string, FieldType> TypeNames = new()
    {
        ["text"] = FieldType.Text, ["string"] = FieldType.Text, ["number"] = FieldType.Number, ["date"] = FieldType.Date,
        ["set"] = FieldType.Set, ["bool"] = FieldType.Bool, ["boolean"] = FieldType.Bool,
    };

    private void ReadFieldSpecs(YamlNode node)
    {
        if (node is not YamlMappingNode map) { Error(node, "'fields' is a mapping of field name to { type, column, separator }"); return; }
        foreach (var (keyNode, value) in map.Children)
        {
            if (KeyText(keyNode) is not { } name) continue;
            var type = FieldType.Text;
            string? column = null, separator = null;
            var typeGiven = false;
            if (value is YamlMappingNode spec)
            {
                var keys = ReadKeys(spec, FieldSpecKeys, $"key for field '{name}'");
                if (keys.TryGetValue("type", out var t)) { type = Choice(t, TypeNames, FieldType.Text); typeGiven = true; }
                if (keys.TryGetValue("column", out var c)) column = Scalar(c, "a column name");
                if (keys.TryGetValue("separator", out var s)) separator = Scalar(s, "a separator such as ';'");
            }
            else if (value is YamlScalarNode { Value: { } shortType })
            {
                type = Choice(value, TypeNames, FieldType.Text);
                typeGiven = shortType.Length > 0;
            }
            else Error(value, $"field '{name}': expected {{ type, column, separator }}");
            if (separator is not null && typeGiven && type != FieldType.Set) Error(value, $"field '{name}': 'separator' only applies to type set");
            // A separator alone says the field is a set.
            if (!typeGiven && separator is not null) (type, typeGiven) = (FieldType.Set, true);
            if (!_declared.TryAdd(name, new FieldSpec(name, type, column, separator ?? ";", At(keyNode)))) Error(keyNode, $"field '{name}' is declared twice");
            else if (typeGiven) _typeDeclared.Add(name);
        }
    }

    // ---- criteria, first pass: read as written ----------------------------------------------------------

    private abstract record RawCondition(YamlNode Node);
    private sealed record RawField(string Field, List<(Operator Op, YamlNode Arg)> Predicates, YamlNode Node) : RawCondition(Node);
    private sealed record RawCombination(string Kind, List<RawCondition> Parts, YamlNode Node) : RawCondition(Node);

    private sealed record RawCriterion(RawCondition Condition, Dictionary<string, YamlNode> Meta, YamlNode Node, ProfileLoader Loader)
    {
        public string? Text(string key) => Meta.TryGetValue(key, out var n) ? Loader.Scalar(n, $"a {key} text") : null;
    }

    private List<RawCriterion> ReadCriteria(YamlNode? node, string section, string[] metaKeys)
    {
        var result = new List<RawCriterion>();
        if (node is null) return result;
        if (node is not YamlSequenceNode list)
        {
            Error(node, $"'{section}' is a list of criteria, each starting with '- '");
            return result;
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Error(item, $"each item of '{section}' is a criterion such as '- industry: {{ in: [Software] }}'");
                continue;
            }
            var meta = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            var conditions = new List<RawCondition>();
            var misspelt = new List<(YamlNode KeyNode, YamlNode Value, string Key, string Meant)>();
            foreach (var (keyNode, value) in map.Children)
            {
                if (KeyText(keyNode) is not { } key) continue;
                if (metaKeys.Contains(key)) { if (!meta.TryAdd(key, value)) Error(keyNode, $"'{key}' is given twice"); continue; }
                if (IsMetaKeyOfAnotherSection(key, metaKeys, out var home))
                { Error(keyNode, $"'{key}' does not belong in '{section}' ({home})"); continue; }
                if (value is YamlScalarNode && DidYouMean.Closest(key, metaKeys) is { } meant && !_declared.ContainsKey(key))
                { misspelt.Add((keyNode, value, key, meant)); continue; }
                if (ReadCondition(key, keyNode, value) is { } c) conditions.Add(c);
            }
            // A key that looks like a misspelt meta key ('pionts: 10') is one when the criterion has another condition
            // or lacks its points; alone it is the condition itself ('region: EU' in exclude is not 'reason').
            foreach (var m in misspelt)
            {
                if (conditions.Count == 0 && misspelt.Count == 1 && !(m.Meant == "points" && !meta.ContainsKey("points")))
                { if (ReadCondition(m.Key, m.KeyNode, m.Value) is { } c) conditions.Add(c); }
                else Error(m.KeyNode, $"unknown key '{m.Key}' — did you mean '{m.Meant}'?");
            }
            if (conditions.Count == 0) Error(map, $"this criterion has no condition: name a field, e.g. 'industry: {{ in: [Software] }}'");
            else if (conditions.Count > 1) Error(conditions[1].Node, "one condition per criterion: combine several with 'all_of: [...]' or 'any_of: [...]'");
            else result.Add(new RawCriterion(conditions[0], meta, map, this));
        }
        return result;
    }

    private static bool IsMetaKeyOfAnotherSection(string key, string[] metaKeys, out string home)
    {
        home = key switch
        {
            "points" or "group" => "points belong to signals",
            "reason" => "reasons belong to exclude",
            _ => "",
        };
        return home.Length > 0 && !metaKeys.Contains(key);
    }

    private List<(string Name, RawCondition Condition)> ReadPersonas(YamlNode? node)
    {
        var result = new List<(string, RawCondition)>();
        if (node is null) return result;
        if (node is not YamlMappingNode map) { Error(node, "'personas' is a mapping of persona name to conditions"); return result; }
        foreach (var (keyNode, value) in map.Children)
        {
            if (KeyText(keyNode) is not { } name) continue;
            if (value is not YamlMappingNode conditions || conditions.Children.Count == 0)
            {
                Error(value, $"persona '{name}': expected conditions such as 'title: {{ matches: \"(?i)cfo\" }}'");
                continue;
            }
            var parts = new List<RawCondition>();
            foreach (var (k, v) in conditions.Children)
                if (KeyText(k) is { } part && ReadCondition(part, k, v) is { } c) parts.Add(c);
            if (parts.Count == conditions.Children.Count)
                result.Add((name, parts.Count == 1 ? parts[0] : new RawCombination("all_of", parts, value)));
        }
        return result;
    }

    private RawCondition? ReadCondition(string key, YamlNode keyNode, YamlNode value)
    {
        if (Combinators.Contains(key))
        {
            var items = key == "not"
                ? [value]
                : value is YamlSequenceNode seq ? seq.Children.ToList() : null;
            if (items is null || items.Count == 0) { Error(value, $"'{key}' takes a list of conditions"); return null; }
            var parts = new List<RawCondition>();
            foreach (var item in items)
            {
                if (item is not YamlMappingNode m || m.Children.Count != 1)
                {
                    Error(item, $"each part of '{key}' is one condition such as 'industry: {{ in: [Software] }}'");
                    continue;
                }
                var (k, v) = m.Children.First();
                if (KeyText(k) is { } part && ReadCondition(part, k, v) is { } c) parts.Add(c);
            }
            return parts.Count == items.Count ? new RawCombination(key, parts, keyNode) : null;
        }
        if (key.Length == 0) { Error(keyNode, "empty field name"); return null; }

        var predicates = new List<(Operator, YamlNode)>();
        switch (value)
        {
            case YamlScalarNode: predicates.Add((Operator.Equals, value)); break;   // industry: Software
            case YamlSequenceNode: predicates.Add((Operator.In, value)); break;      // industry: [Software, Fintech]
            case YamlMappingNode ops:
                foreach (var (opNode, arg) in ops.Children)
                {
                    if (KeyText(opNode) is not { } opName) continue;
                    if (OperatorNames.TryGetValue(opName, out var op)) predicates.Add((op, arg));
                    else Error(opNode, $"unknown operator '{opName}' for field '{key}'{Hint(opName, OperatorNames.Keys, $"; operators are {string.Join(", ", OperatorNames.Keys)}")}");
                }
                if (ops.Children.Count == 0) Error(value, $"field '{key}' has no operator");
                break;
        }
        if (!_usages.TryGetValue(key, out var usages)) _usages[key] = usages = [];
        usages.AddRange(predicates);
        return new RawField(key, predicates, keyNode);
    }

    // ---- types ---------------------------------------------------------------------------------------

    private void ResolveFieldTypes()
    {
        _fields = new Dictionary<string, FieldSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, usages) in _usages)
        {
            var declared = _declared.GetValueOrDefault(name);
            var type = _typeDeclared.Contains(name) ? declared!.Type : Infer(usages);
            _fields[name] = declared is null
                ? new FieldSpec(name, type, null, ";", At(usages.Count > 0 ? usages[0].Arg : new YamlScalarNode()))
                : declared with { Type = type };
        }
        foreach (var (name, spec) in _declared)
            if (!_usages.ContainsKey(name))
            {
                _diagnostics.Add(new(Severity.Warning, $"field '{name}' is declared but no criterion uses it", spec.Location));
                _fields[name] = spec;
            }
    }

    private static FieldType Infer(List<(Operator Op, YamlNode Arg)> usages)
    {
        foreach (var (op, arg) in usages)
        {
            switch (op)
            {
                case Operator.Any or Operator.All or Operator.None: return FieldType.Set;
                case Operator.Within or Operator.OlderThan: return FieldType.Date;
                case Operator.Between or Operator.Gt or Operator.Gte or Operator.Lt or Operator.Lte:
                    var first = arg is YamlSequenceNode s && s.Children.Count > 0 ? s.Children[0] : arg;
                    return first is YamlScalarNode { Value: { } v } && !ValueParsers.TryParseProfileNumber(v, out _) && ValueParsers.TryParseDate(v, out _)
                        ? FieldType.Date : FieldType.Number;
                case Operator.Equals when arg is YamlScalarNode { Value: "true" or "false", Style: ScalarStyle.Plain }:
                    return FieldType.Bool;
            }
        }
        return FieldType.Text;
    }

    // ---- criteria, second pass: typed ----------------------------------------------------------------

    private Signal BuildSignal(RawCriterion c)
    {
        var points = 0;
        if (!c.Meta.TryGetValue("points", out var pointsNode)) Error(c.Node, "a signal needs 'points' (a whole number, negative allowed)");
        else if (Scalar(pointsNode, "points") is { } p && !int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out points))
            Error(pointsNode, $"points must be a whole number such as 20 or -10, got '{p}'");
        else if (points is < -1000 or > 1000) Error(pointsNode, "points must be between -1000 and 1000");
        else if (points == 0) Warning(pointsNode, "a signal worth 0 points changes no score");
        return new Signal(Build(c.Condition), points, c.Text("group"), c.Text("label"));
    }

    private Condition Build(RawCondition raw) => raw switch
    {
        // ToImmutableArray, not a collection spread: the spread may enumerate twice and report each error twice.
        RawCombination { Kind: "any_of" } c => new AnyOfCondition(c.Parts.Select(Build).ToImmutableArray(), At(c.Node)),
        RawCombination { Kind: "all_of" } c => new AllOfCondition(c.Parts.Select(Build).ToImmutableArray(), At(c.Node)),
        RawCombination c => new NotCondition(Build(c.Parts[0]), At(c.Node)),
        RawField f => new FieldCondition(f.Field, f.Predicates.Select(p => BuildPredicate(f.Field, p.Op, p.Arg)).OfType<Predicate>().ToImmutableArray(), At(f.Node)),
        _ => throw new InvalidOperationException(),
    };

    private Predicate? BuildPredicate(string field, Operator op, YamlNode arg)
    {
        var type = _fields[field].Type;
        var at = At(arg);
        var opName = OperatorNames.First(kv => kv.Value == op).Key;
        string TypeName(FieldType t) => t.ToString().ToLowerInvariant();
        Predicate? Mismatch(string needs)
        {
            Error(arg, $"'{opName}' needs {needs}, but field '{field}' is {TypeName(type)}"
                + (_typeDeclared.Contains(field) ? "" : " (inferred; declare its type under 'fields')"));
            return null;
        }

        switch (op)
        {
            case Operator.Exists or Operator.Missing:
                var flag = Scalar(arg, "true");
                if (flag is null) return null;
                if (!ValueParsers.TryParseBool(flag, out var b)) { Error(arg, $"'{opName}' takes true or false, got '{flag}'"); return null; }
                return new PresencePredicate(op == Operator.Exists == b, at);

            case Operator.Matches:
                if (type is not (FieldType.Text)) return Mismatch("a text field");
                var pattern = Scalar(arg, "a regular expression");
                if (pattern is null) return null;
                try { _ = ProfileRegex.Create(pattern, compiled: false); }
                catch (ArgumentException e) { Error(arg, $"invalid regular expression: {e.Message}"); return null; }
                return new RegexPredicate(pattern, at);

            case Operator.Within or Operator.OlderThan:
                if (type != FieldType.Date) return Mismatch("a date field");
                var text = Scalar(arg, "a period such as '18 months'");
                if (text is null) return null;
                if (!ValueParsers.TryParsePeriod(text, out var period)) { Error(arg, $"expected a period such as '18 months', '90 days' or '2 years', got '{text}'"); return null; }
                return new RecencyPredicate(op, period, at);

            case Operator.InRegion:
                if (type != FieldType.Text) return Mismatch("a text field holding a country (ISO code or name)");
                var groups = List(arg, opName);
                if (groups is null) return null;
                var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                foreach (var group in groups)
                {
                    if (Normalisation.Regions.Members(group) is { } members) codes.UnionWith(members);
                    else { Error(arg, $"unknown region '{group}'{Hint(group.ToUpperInvariant(), Normalisation.Regions.Names, "")}; regions are {string.Join(", ", Normalisation.Regions.Names.Order(StringComparer.Ordinal))}"); return null; }
                }
                return new RegionPredicate([.. groups.Select(g => g.Trim().ToUpperInvariant())], codes.ToImmutable(), at);

            case Operator.Any or Operator.All or Operator.None:
                if (type != FieldType.Set) return Mismatch("a set field (e.g. a tech stack)");
                var tokens = List(arg, opName);
                // The scorer tracks which tokens of an 'all' it has seen in a 64-bit mask.
                if (op == Operator.All && tokens?.Distinct(StringComparer.OrdinalIgnoreCase).Count() > 64) { Error(arg, "'all' takes at most 64 tokens"); return null; }
                return tokens is null ? null : new SetPredicate(op, [.. tokens.Select(t => ValueParsers.NormaliseText(t))], at);
        }

        // equals, in, not_in, between, gt, gte, lt, lte: depend on the field type.
        switch (type)
        {
            case FieldType.Set:
                return Mismatch("a text, number or date field; on a set use any, all or none");
            case FieldType.Bool:
                if (op != Operator.Equals) return Mismatch("a text, number or date field; on a bool use equals: true|false");
                var bt = Scalar(arg, "true or false");
                if (bt is null) return null;
                if (!ValueParsers.TryParseBool(bt, out var bv)) { Error(arg, $"expected true or false, got '{bt}'"); return null; }
                return new BoolPredicate(bv, at);
            case FieldType.Text:
                if (op is Operator.Equals or Operator.In or Operator.NotIn)
                {
                    var values = op == Operator.Equals ? (Scalar(arg, "a value") is { } one ? [one] : null) : List(arg, opName);
                    return values is null ? null : new TextPredicate(op, [.. values.Select(v => ValueParsers.NormaliseText(v))], at);
                }
                return Mismatch("a number or date field");
            case FieldType.Number:
                if (op is Operator.In or Operator.NotIn)
                {
                    var values = List(arg, opName);
                    var numbers = values?.Select(v => Number(arg, v)).ToList();
                    return numbers is null || numbers.Any(n => n is null) ? null : new NumberSetPredicate(op, [.. numbers.Select(n => n!.Value)], at);
                }
                var range = Range(arg, op, v => Number(arg, v));
                return range is null ? null : new NumberRangePredicate(op, range.Value.Min, range.Value.MinInc, range.Value.Max, range.Value.MaxInc, at);
            default: // Date
                if (op is Operator.In or Operator.NotIn) return Mismatch("a text or number field; for dates use between, gte, lte, within");
                var dates = Range(arg, op, v => ValueParsers.TryParseDate(v, out var d) ? d : Fail<DateOnly>(arg, $"expected a date like 2024-03-01, got '{v}'"));
                return dates is null ? null : new DateRangePredicate(op, dates.Value.Min, dates.Value.MinInc, dates.Value.Max, dates.Value.MaxInc, at);
        }
    }

    private T? Fail<T>(YamlNode node, string message) where T : struct
    {
        Error(node, message);
        return null;
    }

    private double? Number(YamlNode node, string text) =>
        ValueParsers.TryParseProfileNumber(text, out var n) ? n : Fail<double>(node, $"expected a number such as 500, 10k or 2.5M, got '{text}'");

    private (T? Min, bool MinInc, T? Max, bool MaxInc)? Range<T>(YamlNode arg, Operator op, Func<string, T?> parse) where T : struct, IComparable<T>
    {
        if (op == Operator.Between)
        {
            if (arg is not YamlSequenceNode { Children.Count: 2 } pair) { Error(arg, "'between' takes two values: [low, high]"); return null; }
            var low = Scalar(pair.Children[0], "a value") is { } l ? parse(l) : null;
            var high = Scalar(pair.Children[1], "a value") is { } h ? parse(h) : null;
            if (low is null || high is null) return null;
            if (low.Value.CompareTo(high.Value) > 0) { Error(arg, $"'between' low bound is above its high bound"); return null; }
            return (low, true, high, true);
        }
        var text = Scalar(arg, "a value");
        if (text is null) return null;
        var v = parse(text);
        if (v is null) return null;
        return op switch
        {
            Operator.Gt => (v, false, null, false),
            Operator.Gte => (v, true, null, false),
            Operator.Lt => (null, false, v, false),
            Operator.Lte => (null, false, v, true),
            _ => (v, true, v, true), // equals
        };
    }

    private List<string>? List(YamlNode arg, string opName)
    {
        if (arg is YamlScalarNode { Value: { } single }) return [single];
        if (arg is not YamlSequenceNode seq || seq.Children.Count == 0) { Error(arg, $"'{opName}' takes a non-empty list such as [a, b]"); return null; }
        var values = new List<string>();
        foreach (var item in seq.Children)
            if (Scalar(item, "a value") is { } v) values.Add(v);
        return values.Count == seq.Children.Count ? values : null;
    }

    // ---- groups, tiers, duplicates ---------------------------------------------------------------------

    private ImmutableArray<SignalGroup> ReadGroups(YamlNode? node, ImmutableArray<Signal> signals)
    {
        var groups = new List<SignalGroup>();
        if (node is YamlMappingNode map)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                if (KeyText(keyNode) is not { } name) continue;
                int? cap = null;
                var capNode = value is YamlMappingNode gm ? ReadKeys(gm, ["cap"], $"key for group '{name}'").GetValueOrDefault("cap") : value;
                if (capNode is not null && Scalar(capNode, "a cap in points") is { } c)
                {
                    if (int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var capValue) && capValue > 0) cap = capValue;
                    else Error(capNode, $"a group cap is a positive whole number of points, got '{c}'");
                }
                if (!signals.Any(s => string.Equals(s.Group, name, StringComparison.Ordinal)))
                    Warning(keyNode, $"group '{name}' has no signals{Hint(name, signals.Select(s => s.Group).OfType<string>().Distinct(), "")}");
                groups.Add(new SignalGroup(name, cap));
            }
        }
        else if (node is not null) Error(node, "'groups' is a mapping of group name to { cap: points }");
        foreach (var name in signals.Select(s => s.Group).OfType<string>().Distinct(StringComparer.Ordinal))
            if (!groups.Any(g => g.Name == name)) groups.Add(new SignalGroup(name, null));
        foreach (var g in groups.Where(g => !Regex.IsMatch(g.Name, "^[A-Za-z][A-Za-z0-9_]*$")))
            _diagnostics.Add(new(Severity.Error, $"group name '{g.Name}' may use only letters, digits and '_' (it becomes the column icp_{g.Name})", new SourceLocation(_source)));
        return [.. groups];
    }

    private TierThresholds ReadTiers(YamlNode node)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            Error(node, "'tiers' is a mapping of tier name to minimum score, e.g. { A: 75, B: 50, C: 25 }");
            return TierThresholds.Default;
        }
        var tiers = new List<Tier>();
        foreach (var (keyNode, value) in map.Children)
        {
            if (KeyText(keyNode) is not { } name) continue;
            if (name.Equals("excluded", StringComparison.OrdinalIgnoreCase)) { Error(keyNode, "'excluded' is reserved for excluded accounts"); continue; }
            var text = Scalar(value, "a minimum score from 0 to 100");
            if (text is null) continue;
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var min) || min > 100)
            { Error(value, $"tier '{name}': the minimum score is a whole number from 0 to 100, got '{text}'"); continue; }
            if (tiers.Any(t => t.Minimum == min)) { Error(value, $"tier '{name}' has the same minimum ({min}) as tier '{tiers.First(t => t.Minimum == min).Name}'"); continue; }
            if (tiers.Any(t => t.Name == name)) { Error(keyNode, $"tier '{name}' is given twice"); continue; }
            tiers.Add(new Tier(name, min));
        }
        var ordered = tiers.OrderByDescending(t => t.Minimum).ToList();
        var floor = ordered.Count > 0 && ordered[^1].Minimum == 0 ? ordered[^1].Name : (ordered.Any(t => t.Name == "D") ? "none" : "D");
        if (ordered.Count > 0 && ordered[^1].Minimum == 0) ordered.RemoveAt(ordered.Count - 1);
        return new TierThresholds([.. ordered], floor);
    }

    private void CheckDuplicates(IEnumerable<Condition> conditions, string section)
    {
        var seen = new Dictionary<string, Condition>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in conditions)
        {
            var key = c.Describe();
            if (seen.TryGetValue(key, out var first))
                _diagnostics.Add(new(Severity.Error, $"duplicate criterion in '{section}': '{key}' is already at line {first.Location.Line}", c.Location));
            else seen[key] = c;
        }
    }
}
