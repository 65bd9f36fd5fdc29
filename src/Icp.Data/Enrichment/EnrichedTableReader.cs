using System.Globalization;
using Icp.Core;
using Icp.Core.Normalisation;
using Icp.Core.Tables;

namespace Icp.Data.Enrichment;

/// <summary>
/// A table read through enrichment: the input's columns, then the normalisers' columns, then for each provider
/// field its value, <c>&lt;field&gt;__source</c> (the provider, or <c>input</c> when the user's own value was kept)
/// and <c>&lt;field&gt;__fetched_at</c> (UTC, ISO 8601). A provider field the input already has fills that column's
/// empty cells in place; a value the user supplied is never replaced unless <c>overwrite</c> is set. Because it is
/// an ordinary <see cref="ITableReader"/>, <c>icp score --enrich</c> scores the enriched rows with no other change.
/// </summary>
public sealed class EnrichedTableReader : ITableReader
{
    private const string SourceSuffix = "__source", FetchedSuffix = "__fetched_at", UserSource = "input";

    private readonly ITableReader _inner;
    private readonly RowEnricher? _normaliser;
    private readonly ProviderWaterfall? _waterfall;
    private readonly int _nameColumn;
    private readonly bool _overwrite;
    private readonly (int Part, int Column)[] _sources; // per output column: 0 input, 1 normalised, 2 provided
    private readonly int[] _inputOfField;               // per provider field: the input column it fills in place, or -1
    private readonly int _domain = -1, _freeMail = -1, _disposable = -1; // in the normalised batch
    private readonly CancellationToken _cancellation;
    private RowBatch? _input, _normalised, _provided;
    private WaterfallBatch? _lookups;

    /// <param name="inner">The rows to enrich; disposed with this reader.</param>
    /// <param name="normaliser">Appends normalised columns; its domain column is the waterfall's lookup key.</param>
    /// <param name="waterfall">The providers, or null to only normalise.</param>
    /// <param name="nameColumn">Input column with the company name, for providers that match on names; -1 for none.</param>
    /// <param name="overwrite">Let enrichment replace values the input already has (and columns it would add).</param>
    /// <param name="cancellation">Stops provider lookups.</param>
    /// <exception cref="InputException">the input already has a column enrichment adds, and <paramref name="overwrite"/> is not set.</exception>
    public EnrichedTableReader(ITableReader inner, RowEnricher? normaliser, ProviderWaterfall? waterfall, int nameColumn, bool overwrite, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        (_inner, _normaliser, _waterfall, _nameColumn, _overwrite, _cancellation) = (inner, normaliser, waterfall, nameColumn, overwrite, cancellation);
        var columns = new List<string>(inner.Columns);
        var sources = Enumerable.Range(0, columns.Count).Select(c => (0, c)).ToList();
        var clashes = new List<string>();

        void Add(string name, int part, int column)
        {
            var existing = Find(inner.Columns, name);
            if (existing >= 0)
            {
                if (!overwrite) clashes.Add(inner.Columns[existing]);
                sources[existing] = (part, column);
                return;
            }
            columns.Add(name);
            sources.Add((part, column));
        }

        var normalised = normaliser?.OutputColumns ?? [];
        for (var j = 0; j < normalised.Count; j++)
        {
            Add(normalised[j], 1, j);
            if (normalised[j] == "domain_normalised") _domain = j;
            if (normalised[j] == "is_free_mail") _freeMail = j;
            if (normalised[j] == "is_disposable") _disposable = j;
        }
        var fields = waterfall?.Fields ?? [];
        _inputOfField = new int[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            if (Find(normalised, fields[f]) >= 0)
                throw new InputException($"provider field '{fields[f]}' is also a column the normalisers write: rename the field in the providers file", new SourceLocation(inner.SourceName, 1));
            // A provider field the data already has is filled where it is empty: that is not a clash.
            _inputOfField[f] = Find(inner.Columns, fields[f]);
            if (_inputOfField[f] >= 0) sources[_inputOfField[f]] = (2, 3 * f);
            else { columns.Add(fields[f]); sources.Add((2, 3 * f)); }
            Add(fields[f] + SourceSuffix, 2, 3 * f + 1);
            Add(fields[f] + FetchedSuffix, 2, 3 * f + 2);
        }
        if (clashes.Count > 0)
            throw new InputException($"{inner.SourceName} already has column(s) {string.Join(", ", clashes)}, which enrich would write; rename them, skip that normaliser with --<name>-column none, or pass --overwrite to replace them", new SourceLocation(inner.SourceName, 1));
        Columns = columns;
        _sources = [.. sources];
    }

    public string SourceName => _inner.SourceName;

    /// <summary>Input columns (some filled or replaced in place), then the appended ones.</summary>
    public IReadOnlyList<string> Columns { get; }

    public double? Progress => _inner.Progress;

    public RowEnricher? Normaliser => _normaliser;

    public ProviderWaterfall? Waterfall => _waterfall;

    /// <summary>Input rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Per provider field: cells the user had filled and that were kept.</summary>
    public long KeptUserValues { get; private set; }

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_input is null || _input.Capacity != batch.Capacity)
        {
            _input = new RowBatch(_inner.Columns.Count, batch.Capacity);
            _normalised = new RowBatch(_normaliser?.OutputColumns.Count ?? 0, batch.Capacity);
            _provided = new RowBatch(3 * (_waterfall?.Fields.Count ?? 0), batch.Capacity);
            _lookups = _waterfall?.CreateBatch(batch.Capacity);
            if (_lookups is not null && _nameColumn >= 0) _lookups.NameOf = row => CompanyNames.Normalise(_input[row, _nameColumn].ToString());
        }
        batch.Clear();
        if (!_inner.ReadBatch(_input)) return false;
        RowsRead += _input.Count;
        if (_normaliser is not null) _normaliser.Enrich(_input, _normalised!);
        else Blank(_input, _normalised!);
        if (_waterfall is not null) Provide(_input, _normalised!, _lookups!, _provided!);
        else Blank(_input, _provided!);
        Compose(batch);
        return true;
    }

    /// <summary>The output row's company domain (not free mail, not disposable), or null.</summary>
    public string? CompanyDomain(RowBatch output, int row)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_domain < 0) return null;
        var at = Array.IndexOf(_sources, (1, _domain));
        if (at < 0 || output[row, at].IsEmpty) return null;
        return output[row, Array.IndexOf(_sources, (1, _freeMail))] is "true" || output[row, Array.IndexOf(_sources, (1, _disposable))] is "true"
            ? null : output[row, at].ToString();
    }

    public void Dispose() => _inner.Dispose();

    private void Provide(RowBatch input, RowBatch normalised, WaterfallBatch lookups, RowBatch provided)
    {
        var fields = _waterfall!.Fields.Count;
        lookups.Reset(input.Count);
        for (var row = 0; row < input.Count; row++)
        {
            if (_domain >= 0 && !normalised[row, _domain].IsEmpty && normalised[row, _freeMail] is not "true" && normalised[row, _disposable] is not "true")
                lookups.Domains[row] = normalised[row, _domain].ToString();
            if (_overwrite) continue;
            for (var f = 0; f < fields; f++)
                if (_inputOfField[f] >= 0 && !RowEnricher.IsMissing(input[row, _inputOfField[f]])) lookups.Supplied[row * fields + f] = true;
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
                    var buffer = provided.GetFieldBuffer(24);
                    if (!choice.Answer!.FetchedAt.UtcDateTime.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) written = 0;
                    provided.CommitField(written);
                }
                else if (_inputOfField[f] >= 0 && !RowEnricher.IsMissing(input[row, _inputOfField[f]]))
                {
                    KeptUserValues++;
                    provided.AddField(input[row, _inputOfField[f]]);
                    provided.AddField(UserSource);
                    provided.AddField([]);
                }
                else
                {
                    provided.AddField([]);
                    provided.AddField([]);
                    provided.AddField([]);
                }
            }
            provided.EndRow();
        }
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
        var parts = (Input: _input!, Normalised: _normalised!, Provided: _provided!);
        for (var row = 0; row < parts.Input.Count; row++)
        {
            output.BeginRow(parts.Input.LineOf(row));
            foreach (var (part, column) in _sources)
                output.AddField(part switch { 0 => parts.Input[row, column], 1 => parts.Normalised[row, column], _ => parts.Provided[row, column] });
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
