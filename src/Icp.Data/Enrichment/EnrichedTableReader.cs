using System.Globalization;
using Icp.Core;
using Icp.Core.Normalisation;
using Icp.Core.Tables;

namespace Icp.Data.Enrichment;

/// <summary>
/// A table read through enrichment: the input's columns, each provider field the input lacks, the normalisers'
/// columns (computed after the providers, so a provider's "51-200" becomes numbers too), then per provider field
/// <c>&lt;field&gt;__source</c> (the provider, or <c>input</c> when the user's own value was kept) and
/// <c>&lt;field&gt;__fetched_at</c> (UTC, ISO 8601). A provider field the input already has fills that column's empty
/// cells in place; a value the user supplied is never replaced unless <c>overwrite</c> is set. Because it is
/// an ordinary <see cref="ITableReader"/>, <c>icp score --enrich</c> scores the enriched rows with no other change.
/// </summary>
public sealed class EnrichedTableReader : ITableReader
{
    private const string SourceSuffix = "__source", FetchedSuffix = "__fetched_at", UserSource = "input";

    private readonly ITableReader _inner;
    private readonly RowEnricher? _normaliser;
    private readonly ProviderWaterfall? _waterfall;
    private readonly int _domainColumn, _nameColumn;
    private readonly bool _overwrite;
    private readonly (int Part, int Column)[] _sources; // per output column: 0 input, 1 normalised, 2 provided (value, source, fetched_at per field)
    private readonly int[] _filledOfField;              // per provider field: its column in the filled input
    private readonly bool[] _fieldIsInput;              // per provider field: true when the input has that column
    private readonly int[] _fieldOfInput;               // per input column: the provider field filling it, or -1
    private readonly int _outDomain, _outFreeMail, _outDisposable;
    private readonly CancellationToken _cancellation;
    private readonly bool _normaliserReadsFields;        // a normaliser reads a provider field, so it needs the filled rows
    private RowBatch? _input, _filled, _normalised, _provided;
    private WaterfallBatch? _lookups;
    private DateTimeOffset _lastFetchedAt;
    private string? _lastFetchedText;

    /// <param name="inner">The rows to enrich; disposed with this reader.</param>
    /// <param name="normaliser">Appends normalised columns, reading <see cref="FilledColumns"/> (so it normalises provider values too).</param>
    /// <param name="waterfall">The providers, or null to only normalise.</param>
    /// <param name="domainColumn">Input column the lookup domain comes from (an e-mail, URL or domain); -1 for none.</param>
    /// <param name="nameColumn">Input column with the company name, for providers that match on names; -1 for none.</param>
    /// <param name="overwrite">Let enrichment replace values the input already has (and columns it would add).</param>
    /// <param name="cancellation">Stops provider lookups.</param>
    /// <exception cref="InputException">the input already has a column enrichment adds, and <paramref name="overwrite"/> is not set.</exception>
    public EnrichedTableReader(ITableReader inner, RowEnricher? normaliser, ProviderWaterfall? waterfall, int domainColumn, int nameColumn, bool overwrite, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        (_inner, _normaliser, _waterfall, _domainColumn, _nameColumn, _overwrite, _cancellation) = (inner, normaliser, waterfall, domainColumn, nameColumn, overwrite, cancellation);
        var filled = FilledColumns(inner.Columns, waterfall);
        var fields = waterfall?.Fields ?? [];
        _filledOfField = [.. fields.Select(f => Find(filled, f))];
        _fieldIsInput = [.. fields.Select(f => Find(inner.Columns, f) >= 0)];
        _fieldOfInput = [.. inner.Columns.Select(c => Find(fields, c))];
        var columns = new List<string>(filled);
        // Provider fields come from the provided batch, wherever they sit: in place of an input column or appended.
        var sources = Enumerable.Range(0, columns.Count)
            .Select(c => c < inner.Columns.Count ? (_fieldOfInput[c] >= 0 ? (2, 3 * _fieldOfInput[c]) : (0, c)) : (2, 3 * Find(fields, filled[c])))
            .ToList();
        _normaliserReadsFields = normaliser?.Stats.Any(n => n.Column >= inner.Columns.Count || _fieldOfInput[n.Column] >= 0) ?? false;
        var clashes = new List<string>();

        void Add(string name, int part, int column)
        {
            var existing = Find(filled, name);
            if (existing >= inner.Columns.Count)
                throw new InputException($"provider field '{filled[existing]}' is also a column enrich writes: rename the field in the providers file", new SourceLocation(inner.SourceName, 1));
            if (existing >= 0)
            {
                if (!overwrite) clashes.Add(filled[existing]);
                sources[existing] = (part, column);
                return;
            }
            columns.Add(name);
            sources.Add((part, column));
        }

        var normalised = normaliser?.OutputColumns ?? [];
        for (var j = 0; j < normalised.Count; j++) Add(normalised[j], 1, j);
        for (var f = 0; f < fields.Count; f++)
        {
            Add(fields[f] + SourceSuffix, 2, 3 * f + 1);
            Add(fields[f] + FetchedSuffix, 2, 3 * f + 2);
        }
        if (clashes.Count > 0)
            throw new InputException($"{inner.SourceName} already has column(s) {string.Join(", ", clashes)}, which enrich would write; rename them (or the provider field), skip that normaliser with --<name>-column none, or pass --overwrite to replace them", new SourceLocation(inner.SourceName, 1));
        Columns = columns;
        _sources = [.. sources];
        (_outDomain, _outFreeMail, _outDisposable) = (columns.IndexOf("domain_normalised"), columns.IndexOf("is_free_mail"), columns.IndexOf("is_disposable"));
    }

    /// <summary>
    /// The input's columns followed by each provider field the input lacks: what the normalisers read. A provider
    /// field the input has is filled in place where the input leaves it empty.
    /// </summary>
    public static IReadOnlyList<string> FilledColumns(IReadOnlyList<string> input, ProviderWaterfall? waterfall)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input, .. (waterfall?.Fields ?? []).Where(f => Find(input, f) < 0)];
    }

    public string SourceName => _inner.SourceName;

    /// <summary>Input columns (some filled or replaced in place), then the appended ones.</summary>
    public IReadOnlyList<string> Columns { get; }

    public double? Progress => _inner.Progress;

    public RowEnricher? Normaliser => _normaliser;

    public ProviderWaterfall? Waterfall => _waterfall;

    /// <summary>Input rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Cells of provider fields that the input had filled and that were kept, over all fields.</summary>
    public long KeptUserValues { get; private set; }

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_input is null || _input.Capacity != batch.Capacity)
        {
            var fields = _waterfall?.Fields.Count ?? 0;
            _input = new RowBatch(_inner.Columns.Count, batch.Capacity);
            _filled = _normaliserReadsFields ? new RowBatch(_inner.Columns.Count + _fieldIsInput.Count(i => !i), batch.Capacity) : null;
            _normalised = new RowBatch(_normaliser?.OutputColumns.Count ?? 0, batch.Capacity);
            _provided = new RowBatch(3 * fields, batch.Capacity);
            _lookups = _waterfall?.CreateBatch(batch.Capacity);
            if (_lookups is not null && _nameColumn >= 0) _lookups.NameOf = row => CompanyNames.Normalise(_input[row, _nameColumn].ToString());
        }
        batch.Clear();
        if (!_inner.ReadBatch(_input)) return false;
        RowsRead += _input.Count;
        if (_waterfall is not null) Provide(_input, _lookups!, _provided!);
        else Blank(_input, _provided!);
        if (_normaliser is not null) _normaliser.Enrich(_filled is null ? _input : Fill(_input, _provided!, _filled), _normalised!);
        else Blank(_input, _normalised!);
        Compose(batch);
        return true;
    }

    /// <summary>The output row's company domain (not free mail, not disposable), or null.</summary>
    public string? CompanyDomain(RowBatch output, int row)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_outDomain < 0 || output[row, _outDomain].IsEmpty) return null;
        return output[row, _outFreeMail] is "true" || output[row, _outDisposable] is "true" ? null : output[row, _outDomain].ToString();
    }

    public void Dispose() => _inner.Dispose();

    /// <summary>Asks the waterfall about the batch, then writes each field's value (the provider's, or the input's own), source and fetch time.</summary>
    private void Provide(RowBatch input, WaterfallBatch lookups, RowBatch provided)
    {
        var fields = _waterfall!.Fields.Count;
        lookups.Reset(input.Count);
        for (var row = 0; row < input.Count; row++)
        {
            if (_domainColumn >= 0 && Domains.Parse(input[row, _domainColumn]) is { IsCompany: true } domain)
                lookups.Domains[row] = domain.Registrable;
            if (_overwrite) continue;
            for (var f = 0; f < fields; f++)
                if (_fieldIsInput[f] && !RowEnricher.IsMissing(input[row, _filledOfField[f]])) lookups.Supplied[row * fields + f] = true;
        }
        _waterfall.Fill(lookups, _cancellation);

        provided.Clear();
        var providers = _waterfall.Providers;
        for (var row = 0; row < input.Count; row++)
        {
            provided.BeginRow(input.LineOf(row));
            for (var f = 0; f < fields; f++)
            {
                var choice = lookups.Chosen[row * fields + f];
                if (choice.IsSet)
                {
                    provided.AddField(choice.Value);
                    provided.AddField(providers[choice.Provider].Name);
                    provided.AddField(FetchedAtText(choice.Answer!.FetchedAt));
                }
                else if (_fieldIsInput[f] && !RowEnricher.IsMissing(input[row, _filledOfField[f]]))
                {
                    KeptUserValues++;
                    provided.AddField(input[row, _filledOfField[f]]);
                    provided.AddField(UserSource);
                    provided.AddField([]);
                }
                else
                {
                    provided.AddField(_fieldIsInput[f] ? input[row, _filledOfField[f]] : []); // keeps a placeholder such as "n/a" as written
                    provided.AddField([]);
                    provided.AddField([]);
                }
            }
            provided.EndRow();
        }
    }

    /// <summary>The input with provider values in place and appended, for normalisers that read a provider field.</summary>
    private RowBatch Fill(RowBatch input, RowBatch provided, RowBatch filled)
    {
        filled.Clear();
        for (var row = 0; row < input.Count; row++)
        {
            filled.BeginRow(input.LineOf(row));
            for (var c = 0; c < input.ColumnCount; c++)
                filled.AddField(_fieldOfInput[c] >= 0 ? provided[row, 3 * _fieldOfInput[c]] : input[row, c]);
            for (var f = 0; f < _fieldIsInput.Length; f++)
                if (!_fieldIsInput[f]) filled.AddField(provided[row, 3 * f]);
            filled.EndRow();
        }
        return filled;
    }

    /// <summary>ISO 8601 UTC text of a fetch time; a reference file's answers share one time, so the last text is kept.</summary>
    private string FetchedAtText(DateTimeOffset fetchedAt)
    {
        if (fetchedAt != _lastFetchedAt || _lastFetchedText is null)
            (_lastFetchedAt, _lastFetchedText) = (fetchedAt, fetchedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return _lastFetchedText;
    }

    private static void Blank(RowBatch input, RowBatch empty)
    {
        empty.Clear();
        for (var row = 0; row < input.Count; row++)
        {
            empty.BeginRow(input.LineOf(row));
            empty.EndRow();
        }
    }

    private void Compose(RowBatch output)
    {
        // Spans straight from batch to batch: a string per field would make the GC the slowest part of enrich.
        var (input, normalised, provided) = (_input!, _normalised!, _provided!);
        for (var row = 0; row < input.Count; row++)
        {
            output.BeginRow(input.LineOf(row));
            foreach (var (part, column) in _sources)
                output.AddField(part switch { 0 => input[row, column], 1 => normalised[row, column], _ => provided[row, column] });
            output.EndRow();
        }
    }

    private static int Find(IReadOnlyList<string> columns, string name)
    {
        for (var c = 0; c < columns.Count; c++)
            if (string.Equals(columns[c], name, StringComparison.OrdinalIgnoreCase)) return c;
        return -1;
    }
}
