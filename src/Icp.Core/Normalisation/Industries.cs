using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Icp.Core.Normalisation;

/// <summary>
/// Maps industry labels onto icp's 28-industry taxonomy ("SaaS", "computer software", "games_video" → "Software").
/// The built-in synonyms are in <see cref="IndustryData"/>; <see cref="Load"/> adds a user's own on top.
/// </summary>
/// <remarks>
/// A user file is YAML mapping a canonical industry to its synonyms; a name not in the built-in taxonomy adds an
/// industry, and a synonym the defaults already know moves to the user's industry:
/// <code>
/// Fintech: [payments, neobank, fintech]
/// Software:
///   - dev tools
/// </code>
/// </remarks>
public static class Industries
{
    private static readonly Lazy<SynonymMap> Bundled = new(() => SynonymMap.Parse(IndustryData.Industries));

    /// <summary>The built-in taxonomy.</summary>
    public static SynonymMap Default => Bundled.Value;

    /// <summary>The built-in taxonomy with the entries of the YAML file at <paramref name="path"/> on top.</summary>
    /// <exception cref="InputException">the file cannot be read, is not YAML, or is not a map of names to lists; names file:line:column.</exception>
    public static SynonymMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var message = e is FileNotFoundException or DirectoryNotFoundException ? $"industries file not found: {path}" : $"cannot read industries file {path}: {e.Message}";
            throw new InputException(message, new SourceLocation(path), e);
        }
        return Parse(text, path);
    }

    /// <summary>As <see cref="Load"/>, from text; <paramref name="sourceName"/> names it in errors.</summary>
    public static SynonymMap Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InputException($"invalid YAML: {e.InnerException?.Message ?? e.Message}", new SourceLocation(sourceName, e.Start.Line, (int)e.Start.Column), e);
        }
        var builder = new SynonymMap.Builder(Default);
        if (stream.Documents.Count == 0) return builder.Build();
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Error("expected a map of industry names to lists of synonyms, e.g. 'Software: [saas, dev tools]'", stream.Documents[0].RootNode, sourceName);
        var seen = new Dictionary<string, (string Industry, long Line)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
                throw Error("an industry name must be plain text", keyNode, sourceName);
            builder.Add(name, name);
            IEnumerable<YamlNode> synonyms = valueNode switch
            {
                YamlSequenceNode list => list.Children,
                YamlScalarNode { Value: null or "" } => [],
                YamlScalarNode scalar => [scalar],
                _ => throw Error($"the synonyms of '{name}' must be a list, e.g. '{name}: [a, b]'", valueNode, sourceName),
            };
            foreach (var node in synonyms)
            {
                if (node is not YamlScalarNode { Value: { Length: > 0 } synonym })
                    throw Error($"a synonym of '{name}' must be plain text", node, sourceName);
                var key = TextFold.Fold(synonym);
                if (seen.TryGetValue(key, out var first) && first.Industry != name)
                    throw Error($"'{synonym}' is already a synonym of '{first.Industry}' (line {first.Line})", node, sourceName);
                seen[key] = (name, node.Start.Line);
                builder.Add(name, synonym);
            }
        }
        return builder.Build();
    }

    private static InputException Error(string message, YamlNode node, string sourceName) =>
        new(message, new SourceLocation(sourceName, node.Start.Line, (int)node.Start.Column));
}

/// <summary>
/// Normalises a tech-stack cell ("SFDC; hubspot crm, GSuite") to canonical product names joined by "; "
/// ("Salesforce; HubSpot; Google Workspace"), in the order first seen, without duplicates.
/// </summary>
public static class TechStack
{
    private static readonly Lazy<SynonymMap> Bundled = new(() => SynonymMap.Parse(IndustryData.Tech));
    private static readonly char[] SeparatorChars = [';', ',', '|', '\n'];

    /// <summary>The built-in product aliases (see <see cref="IndustryData.Tech"/>).</summary>
    public static SynonymMap Aliases => Bundled.Value;

    /// <summary>
    /// The normalised cell; tokens no alias matches are kept as written (trimmed), so nothing is lost, and added to
    /// <paramref name="unrecognised"/> when given. Products are separated by ';', ',', '|' or new lines.
    /// </summary>
    public static string Normalise(ReadOnlySpan<char> value, List<string>? unrecognised = null) =>
        Normalise(value, unrecognised, new List<string>(4));

    /// <summary>As <see cref="Normalise(ReadOnlySpan{char}, List{string}?)"/>, reusing <paramref name="names"/> (cleared first) so a per-row caller allocates only the result.</summary>
    public static string Normalise(ReadOnlySpan<char> value, List<string>? unrecognised, List<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        names.Clear();
        foreach (var range in value.SplitAny(SeparatorChars))
        {
            var token = value[range].Trim();
            if (token.IsEmpty) continue;
            var name = Aliases.Find(token);
            if (name is null)
            {
                name = token.ToString();
                unrecognised?.Add(name);
            }
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        }
        return string.Join("; ", names);
    }
}
