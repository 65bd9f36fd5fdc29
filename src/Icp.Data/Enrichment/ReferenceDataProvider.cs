using Icp.Core;
using Icp.Core.Normalisation;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;

namespace Icp.Data.Enrichment;

/// <summary>
/// Companies from a local file (CSV, TSV, JSON lines or Parquet), held in memory and matched on registrable domain
/// (the file's domain column goes through the same normaliser as the rows, so <c>https://www.acme.com</c> matches
/// <c>jane@acme.com</c>) or on normalised company name. The first row for a key wins. No cache: it is already local.
/// </summary>
public sealed class ReferenceDataProvider : IEnrichmentProvider
{
    private readonly Dictionary<string, Found> _byDomain = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Found> _byName = new(StringComparer.Ordinal);
    private readonly bool _hasDomain, _hasName;

    private ReferenceDataProvider(ReferenceProviderConfig config)
    {
        Name = config.Name;
        Fields = [.. config.Fields.Select(f => f.Field)];
        Fingerprint = $"reference|{config.File}|{string.Join(",", config.Fields.Select(f => $"{f.Field}={f.Source}"))}";
        (_hasDomain, _hasName) = (config.DomainColumn is not null, config.NameColumn is not null);
    }

    public string Name { get; }
    public IReadOnlyList<string> Fields { get; }
    public bool IsRemote => false;
    public int Concurrency => 1;
    public TimeSpan FoundTtl => TimeSpan.MaxValue;
    public TimeSpan NotFoundTtl => TimeSpan.MaxValue;
    public string Fingerprint { get; }

    /// <summary>Companies the file holds (rows with a usable key).</summary>
    public int Count => Math.Max(_byDomain.Count, _byName.Count);

    public bool Supports(LookupBy by) => by == LookupBy.Domain ? _hasDomain : _hasName;

    public ValueTask<LookupOutcome> LookupAsync(LookupKey key, CancellationToken cancellationToken) => new(Lookup(key));

    /// <summary>The synchronous lookup the waterfall uses for local providers.</summary>
    public LookupOutcome Lookup(LookupKey key) =>
        (key.By == LookupBy.Domain ? _byDomain : _byName).TryGetValue(key.Value, out var found) ? found : NotFound.Local;

    /// <summary>Reads the whole file; <paramref name="config"/>'s locations name the YAML line of a bad column.</summary>
    /// <exception cref="InputException">the file is missing or unreadable, or a mapped column is not in it.</exception>
    public static ReferenceDataProvider Load(ReferenceProviderConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var provider = new ReferenceDataProvider(config);
        using var reader = OpenReference(config);
        var resolver = new ColumnResolver(reader.Columns, reader.SourceName);
        int Column(string name, SourceLocation at)
        {
            var index = resolver.Find(name);
            return index >= 0 ? index
                : throw new InputException($"'{name}' is not a column of {reader.SourceName}{DidYouMean.Hint(name, reader.Columns)}. Columns: {string.Join(", ", reader.Columns.Take(40))}", at);
        }
        var domainColumn = config.DomainColumn is { } d ? Column(d, config.Location) : -1;
        var nameColumn = config.NameColumn is { } n ? Column(n, config.Location) : -1;
        var fieldColumns = config.Fields.Select(f => Column(f.Source, f.Location)).ToArray();
        var fetchedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(config.File), TimeSpan.Zero);
        var batch = new RowBatch(reader.Columns.Count, 4096);
        while (reader.ReadBatch(batch))
        {
            for (var row = 0; row < batch.Count; row++)
            {
                var values = new string[fieldColumns.Length];
                var any = false;
                for (var i = 0; i < values.Length; i++)
                {
                    var cell = batch[row, fieldColumns[i]];
                    values[i] = RowEnricher.IsMissing(cell) ? "" : cell.Trim().ToString();
                    any |= values[i].Length > 0;
                }
                if (!any) continue;
                var found = new Found(values, fetchedAt);
                if (domainColumn >= 0 && Domains.Parse(batch[row, domainColumn]) is { IsCompany: true } domain)
                    provider._byDomain.TryAdd(domain.Registrable, found);
                if (nameColumn >= 0 && CompanyNames.Normalise(batch[row, nameColumn].ToString()) is { Length: > 0 } name)
                    provider._byName.TryAdd(name, found);
            }
        }
        return provider;
    }

    private static ITableReader OpenReference(ReferenceProviderConfig config)
    {
        try
        {
            return TableReaders.Open(config.File);
        }
        catch (InputException e) when (!File.Exists(config.File))
        {
            throw new InputException($"reference file of provider '{config.Name}' not found: {config.File}", config.Location, e);
        }
    }
}
