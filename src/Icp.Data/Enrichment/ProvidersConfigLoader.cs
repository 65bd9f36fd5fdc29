using System.Globalization;
using System.Text.RegularExpressions;
using Icp.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Icp.Data.Enrichment;

/// <summary>
/// Reads <c>providers.yaml</c> into a <see cref="ProvidersConfig"/>, once, at the edge: every key, URL template,
/// duration and environment variable is checked here, and a mistake stops the run with <c>file:line:column</c> and,
/// for a misspelt key, a suggestion.
/// </summary>
public sealed partial class ProvidersConfigLoader
{
    /// <summary>The cache file used when <c>cache:</c> is not given, beside the YAML file.</summary>
    public const string DefaultCacheFile = ".icp-cache.sqlite";

    private static readonly string[] TopKeys = ["cache", "providers"];
    private static readonly string[] CommonKeys = ["name", "type", "fields", "ttl", "not_found_ttl"];
    private static readonly string[] ReferenceKeys = [.. CommonKeys, "file", "domain_column", "name_column"];
    private static readonly string[] HttpKeys = [.. CommonKeys, "url", "url_by_name", "auth", "timeout", "rate_limit", "retries", "retry_delay", "concurrency", "circuit_breaker"];
    private static readonly string[] AuthKeys = ["header", "env", "prefix"];
    private static readonly string[] BreakerKeys = ["failure_ratio", "minimum_throughput", "break"];
    private static readonly string[] Types = ["reference", "http"];

    private readonly string _source;
    private readonly string _directory;
    private readonly Func<string, string?> _environment;

    private ProvidersConfigLoader(string source, string directory, Func<string, string?> environment) =>
        (_source, _directory, _environment) = (source, directory, environment);

    /// <summary>Loads and validates a providers file.</summary>
    /// <param name="path">The YAML file; relative paths in it are relative to its folder.</param>
    /// <param name="environment">Reads environment variables (auth secrets); the process environment by default.</param>
    /// <exception cref="InputException">the file is missing, not YAML, or not a valid providers file; names file:line:column.</exception>
    public static ProvidersConfig LoadFile(string path, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException ? $"providers file not found: {path}" : $"cannot read providers file {path}: {e.Message}";
            throw new InputException(message, new SourceLocation(path), e);
        }
        return Parse(yaml, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", environment);
    }

    /// <summary>As <see cref="LoadFile"/>, from text; <paramref name="directory"/> anchors relative paths.</summary>
    public static ProvidersConfig Parse(string yaml, string sourceName, string directory, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var loader = new ProvidersConfigLoader(sourceName, directory, environment ?? Environment.GetEnvironmentVariable);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InputException($"invalid YAML: {e.InnerException?.Message ?? e.Message}", new SourceLocation(sourceName, e.Start.Line, (int)e.Start.Column), e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException("a providers file is a map with 'providers:' (a list) and optionally 'cache:'", new SourceLocation(sourceName, 1, 1));
        return loader.Root(root);
    }

    private ProvidersConfig Root(YamlMappingNode root)
    {
        var keys = Keys(root, TopKeys, "the top level");
        var cache = keys.TryGetValue("cache", out var cacheNode) ? Path.GetFullPath(Path.Combine(_directory, Scalar(cacheNode, "cache"))) : Path.Combine(_directory, DefaultCacheFile);
        if (!keys.TryGetValue("providers", out var list))
            throw Error("'providers:' is missing: list at least one provider (type: reference or http)", root);
        if (list is not YamlSequenceNode { Children.Count: > 0 } sequence)
            throw Error("'providers:' must be a list of providers, each starting with '- name: ...'", list);
        var providers = new List<ProviderConfig>();
        foreach (var item in sequence.Children)
        {
            var provider = Provider(item);
            if (providers.Any(p => p.Name.Equals(provider.Name, StringComparison.OrdinalIgnoreCase)))
                throw Error($"two providers are named '{provider.Name}': names key the cache and the __source columns, so each must be unique", item);
            providers.Add(provider);
        }
        return new ProvidersConfig(_source, cache, providers);
    }

    private ProviderConfig Provider(YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw Error("each provider is a map with name, type and fields", node);
        var typeNode = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "type" }).Value
            ?? throw Error("the provider has no 'type:': give 'reference' (a local file) or 'http' (a JSON API)", map);
        var type = Scalar(typeNode, "type");
        if (!Types.Contains(type))
            throw Error($"unknown provider type '{type}'{DidYouMean.Hint(type, Types)}: give 'reference' or 'http'", typeNode);
        var keys = Keys(map, type == "http" ? HttpKeys : ReferenceKeys, $"a {type} provider");
        var name = Scalar(Required(keys, "name", map, "a provider needs a 'name:'"), "name");
        if (!ProviderName().IsMatch(name))
            throw Error($"provider name '{name}' must be letters, digits, '-' or '_' (it names the __source value and the cache entries)", keys["name"]);
        var fields = Fields(Required(keys, "fields", map, $"provider '{name}' has no 'fields:' (field: {(type == "http" ? "$.json.path" : "column")})"), type == "http");
        var ttl = keys.TryGetValue("ttl", out var t) ? Duration(t, "ttl") : TimeSpan.FromDays(30);
        var notFoundTtl = keys.TryGetValue("not_found_ttl", out var n) ? Duration(n, "not_found_ttl") : TimeSpan.FromDays(7);
        var at = At(map);
        return type == "reference" ? Reference(keys, map, name, fields, ttl, notFoundTtl, at) : Http(keys, map, name, fields, ttl, notFoundTtl, at);
    }

    private ReferenceProviderConfig Reference(Dictionary<string, YamlNode> keys, YamlMappingNode map, string name, IReadOnlyList<FieldMapping> fields, TimeSpan ttl, TimeSpan notFoundTtl, SourceLocation at)
    {
        var file = Path.GetFullPath(Path.Combine(_directory, Scalar(Required(keys, "file", map, $"reference provider '{name}' needs 'file:' (a CSV, TSV, JSONL or Parquet of companies)"), "file")));
        var domain = keys.TryGetValue("domain_column", out var d) ? Scalar(d, "domain_column") : null;
        var company = keys.TryGetValue("name_column", out var c) ? Scalar(c, "name_column") : null;
        if (domain is null && company is null)
            throw Error($"reference provider '{name}' needs 'domain_column:' or 'name_column:' (or both): the columns to match rows on", map);
        return new ReferenceProviderConfig(name, fields, ttl, notFoundTtl, at, file, domain, company);
    }

    private HttpProviderConfig Http(Dictionary<string, YamlNode> keys, YamlMappingNode map, string name, IReadOnlyList<FieldMapping> fields, TimeSpan ttl, TimeSpan notFoundTtl, SourceLocation at)
    {
        var urlNode = Required(keys, "url", map, $"http provider '{name}' needs 'url:', e.g. https://api.example.com/companies/{{domain}}");
        var url = UrlTemplate(urlNode, "domain");
        var byName = keys.TryGetValue("url_by_name", out var u) ? UrlTemplate(u, "name") : null;
        var auth = keys.TryGetValue("auth", out var a) ? Auth(a) : null;
        var timeout = keys.TryGetValue("timeout", out var t) ? Duration(t, "timeout") : TimeSpan.FromSeconds(10);
        var rate = keys.TryGetValue("rate_limit", out var r) ? Rate(r) : null;
        var retries = keys.TryGetValue("retries", out var re) ? Integer(re, "retries", 0, 10) : 3;
        var retryDelay = keys.TryGetValue("retry_delay", out var rd) ? Duration(rd, "retry_delay", allowZero: true) : TimeSpan.FromMilliseconds(500);
        var concurrency = keys.TryGetValue("concurrency", out var cc) ? Integer(cc, "concurrency", 1, 64) : 4;
        var breaker = keys.TryGetValue("circuit_breaker", out var b) ? Breaker(b) : CircuitBreakerSettings.Default;
        return new HttpProviderConfig(name, fields, ttl, notFoundTtl, at, url, byName, auth, timeout, rate, retries, retryDelay, concurrency, breaker);
    }

    private List<FieldMapping> Fields(YamlNode node, bool jsonPaths)
    {
        if (node is not YamlMappingNode { Children.Count: > 0 } map)
            throw Error($"'fields:' maps each output field to {(jsonPaths ? "a JSON path, e.g. employees: $.metrics.employees" : "a column of the file, e.g. industry: category")}", node);
        var fields = new List<FieldMapping>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var field = Scalar(keyNode, "field name");
            if (!FieldName().IsMatch(field))
                throw Error($"field name '{field}' must be letters, digits and '_' (it becomes a column, with {field}__source and {field}__fetched_at)", keyNode);
            if (field.Contains("__", StringComparison.Ordinal))
                throw Error($"field name '{field}' must not contain '__', which marks the provenance columns", keyNode);
            var source = Scalar(valueNode, field);
            if (jsonPaths && JsonPath.TryParse(source, out var why) is null)
                throw Error($"'{source}' is not a JSON path ({why}): write $.name.name or $.list[0].name", valueNode);
            fields.Add(new FieldMapping(field, source, At(valueNode)));
        }
        return fields;
    }

    private string UrlTemplate(YamlNode node, string placeholder)
    {
        var text = Scalar(node, placeholder == "domain" ? "url" : "url_by_name");
        var known = new[] { placeholder };
        foreach (Match m in Placeholder().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (name != placeholder)
                throw Error($"unknown placeholder '{{{name}}}' in the URL{(DidYouMean.Closest(name, known) is { } s ? $" — did you mean '{{{s}}}'?" : "")}: this URL takes only {{{placeholder}}}", node);
        }
        if (!text.Contains($"{{{placeholder}}}", StringComparison.Ordinal))
            throw Error($"the URL template has no {{{placeholder}}}: write where the {placeholder} goes, e.g. https://api.example.com/companies/{{{placeholder}}}", node);
        var probe = text.Replace($"{{{placeholder}}}", "x", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Error($"'{text}' is not an absolute http:// or https:// URL template", node);
        return text;
    }

    private AuthHeader Auth(YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw Error("'auth:' is a map: { header: Authorization, env: MY_API_KEY, prefix: \"Bearer \" }", node);
        var keys = Keys(map, AuthKeys, "'auth:'");
        var header = keys.TryGetValue("header", out var h) ? Scalar(h, "header") : "Authorization";
        var envNode = Required(keys, "env", map, "'auth:' needs 'env:', the environment variable holding the secret (secrets never go in the file)");
        var variable = Scalar(envNode, "env");
        var value = _environment(variable);
        if (string.IsNullOrEmpty(value))
            throw Error($"environment variable {variable} is not set: it holds the value of the {header} header (export {variable}=...)", envNode);
        var prefix = keys.TryGetValue("prefix", out var p) ? (p as YamlScalarNode)?.Value ?? "" : "";
        return new AuthHeader(header, prefix + value, variable);
    }

    private RateLimit Rate(YamlNode node)
    {
        var text = Scalar(node, "rate_limit");
        var m = RatePattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) || permits < 1)
            throw Error($"rate_limit '{text}' is not a rate: write requests per period, e.g. 10/s, 600/min or 5000/h", node);
        var per = m.Groups[2].Value switch
        {
            "s" or "sec" or "second" => TimeSpan.FromSeconds(1),
            "m" or "min" or "minute" => TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromHours(1),
        };
        return new RateLimit(permits, per);
    }

    private CircuitBreakerSettings Breaker(YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw Error("'circuit_breaker:' is a map: { failure_ratio: 0.5, minimum_throughput: 10, break: 30s }", node);
        var keys = Keys(map, BreakerKeys, "'circuit_breaker:'");
        var d = CircuitBreakerSettings.Default;
        var ratio = d.FailureRatio;
        if (keys.TryGetValue("failure_ratio", out var r)
            && (!double.TryParse(Scalar(r, "failure_ratio"), NumberStyles.Float, CultureInfo.InvariantCulture, out ratio) || ratio <= 0 || ratio > 1))
            throw Error("failure_ratio must be a number above 0 and at most 1, e.g. 0.5", r);
        var throughput = keys.TryGetValue("minimum_throughput", out var t) ? Integer(t, "minimum_throughput", 2, 10_000) : d.MinimumThroughput;
        var pause = keys.TryGetValue("break", out var b) ? Duration(b, "break") : d.BreakDuration;
        return new CircuitBreakerSettings(ratio, throughput, pause);
    }

    private TimeSpan Duration(YamlNode node, string key, bool allowZero = false)
    {
        var text = Scalar(node, key);
        var m = DurationPattern().Match(text);
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || (amount == 0 && !allowZero))
            throw Error($"{key} '{text}' is not a duration: write e.g. 250ms, 10s, 5m, 12h or 30d", node);
        return m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    private int Integer(YamlNode node, string key, int min, int max)
    {
        var text = Scalar(node, key);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw Error($"{key} must be a whole number from {min} to {max}, not '{text}'", node);
        return value;
    }

    /// <summary>The map's keys, each checked against <paramref name="allowed"/> with a did-you-mean.</summary>
    private Dictionary<string, YamlNode> Keys(YamlMappingNode map, string[] allowed, string where)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Scalar(keyNode, "key");
            if (!allowed.Contains(key, StringComparer.Ordinal))
                throw Error($"unknown key '{key}' in {where}{DidYouMean.Hint(key, allowed)} (known: {string.Join(", ", allowed)})", keyNode);
            if (!keys.TryAdd(key, value)) throw Error($"'{key}' is given twice", keyNode);
        }
        return keys;
    }

    private YamlNode Required(Dictionary<string, YamlNode> keys, string key, YamlNode owner, string message) =>
        keys.TryGetValue(key, out var node) ? node : throw Error(message, owner);

    private string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim()
            : throw Error($"'{what}' needs a single value here, not {(node is YamlScalarNode ? "an empty one" : node is YamlSequenceNode ? "a list" : "a map")}", node);

    private SourceLocation At(YamlNode node) => new(_source, node.Start.Line, (int)node.Start.Column);

    private InputException Error(string message, YamlNode node) => new(message, At(node));

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|h|d)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^([0-9]+)\s*/\s*(s|sec|second|m|min|minute|h|hour)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ProviderName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FieldName();
}
