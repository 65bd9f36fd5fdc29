using System.Globalization;
using Icp.Core.Tables;

namespace Icp.Core.Normalisation;

/// <summary>Which input column each normaliser reads; -1 when the input has none.</summary>
public sealed record EnrichmentColumns(int Domain = -1, int Country = -1, int Employees = -1, int Revenue = -1, int Industry = -1, int Tech = -1);

/// <summary>What one normaliser did over a run: rows it filled, rows whose source was empty, values it could not read.</summary>
public sealed class NormaliserStats
{
    private readonly Dictionary<string, long> _unrecognised = new(StringComparer.Ordinal);

    internal NormaliserStats(string normaliser, int column) => (Normaliser, Column) = (normaliser, column);

    /// <summary>"domain", "country", "employees", "revenue", "industry" or "tech".</summary>
    public string Normaliser { get; }

    /// <summary>The input column index it reads.</summary>
    public int Column { get; }

    /// <summary>Rows that got a normalised value.</summary>
    public long Filled { get; private set; }

    /// <summary>Rows whose source value was empty or a placeholder such as "n/a".</summary>
    public long Empty { get; private set; }

    /// <summary>Rows whose value could not be read (for tech: rows with at least one unknown product, which are also filled).</summary>
    public long Unrecognised { get; private set; }

    /// <summary>The most frequent unrecognised values, most frequent first (ties alphabetical), at most <paramref name="count"/>.</summary>
    public IReadOnlyList<(string Value, long Rows)> TopUnrecognised(int count = 5) =>
        [.. _unrecognised.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(count).Select(x => (x.Key, x.Value))];

    internal void CountFilled() => Filled++;
    internal void CountEmpty() => Empty++;

    internal void CountUnrecognised(ReadOnlySpan<char> value, bool row = true)
    {
        if (row) Unrecognised++;
        var key = value.Length > 60 ? string.Concat(value[..60], "…") : value.ToString();
        _unrecognised[key] = _unrecognised.GetValueOrDefault(key) + 1;
    }
}

/// <summary>
/// Appends normalised columns to rows: for each input column it was given, the registrable domain and free-mail
/// flags, the ISO country code and region, employee and revenue bands as numbers, the canonical industry and the
/// normalised tech stack. Not thread-safe (it keeps running <see cref="Stats"/>): one instance per thread.
/// </summary>
public sealed class RowEnricher
{
    /// <summary>Output column names per normaliser, in the order they are appended.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ColumnsByNormaliser = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["domain"] = ["domain_normalised", "is_free_mail", "is_disposable"],
        ["country"] = ["country_iso2", "region"],
        ["employees"] = ["employees_low", "employees_high", "employees_value"],
        ["revenue"] = ["revenue_usd_low", "revenue_usd_high", "revenue_usd_value"],
        ["industry"] = ["industry_normalised"],
        ["tech"] = ["tech_normalised"],
    };

    private readonly EnrichmentColumns _columns;
    private readonly SynonymMap _industries;
    private readonly List<NormaliserStats> _stats = [];
    private readonly List<string> _unknownTech = [];
    private readonly List<string> _techNames = [];
    private readonly NormaliserStats? _domain, _country, _employees, _revenue, _industry, _tech;

    public RowEnricher(EnrichmentColumns columns, SynonymMap? industries = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        _industries = industries ?? Industries.Default;
        _domain = Add("domain", columns.Domain);
        _country = Add("country", columns.Country);
        _employees = Add("employees", columns.Employees);
        _revenue = Add("revenue", columns.Revenue);
        _industry = Add("industry", columns.Industry);
        _tech = Add("tech", columns.Tech);
        OutputColumns = [.. _stats.SelectMany(s => ColumnsByNormaliser[s.Normaliser])];
    }

    /// <summary>The appended column names, in order.</summary>
    public IReadOnlyList<string> OutputColumns { get; }

    /// <summary>One entry per normaliser that has an input column, in output order.</summary>
    public IReadOnlyList<NormaliserStats> Stats => _stats;

    /// <summary>Clears <paramref name="extra"/> and fills it with one row of <see cref="OutputColumns"/> per row of <paramref name="input"/>.</summary>
    public void Enrich(RowBatch input, RowBatch extra)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(extra);
        extra.Clear();
        for (var row = 0; row < input.Count; row++)
        {
            extra.BeginRow(input.LineOf(row));
            if (_domain is not null) Domain(input[row, _columns.Domain], extra, _domain);
            if (_country is not null) Country(input[row, _columns.Country], extra, _country);
            if (_employees is not null) Band(input[row, _columns.Employees], extra, _employees);
            if (_revenue is not null) Band(input[row, _columns.Revenue], extra, _revenue);
            if (_industry is not null) Industry(input[row, _columns.Industry], extra, _industry);
            if (_tech is not null) Tech(input[row, _columns.Tech], extra, _tech);
            extra.EndRow();
        }
    }

    /// <summary>True for an empty cell or a placeholder people type for "no value": n/a, #N/A, -, ?, none, null, unknown.</summary>
    public static bool IsMissing(ReadOnlySpan<char> value)
    {
        var s = value.Trim();
        return s.IsEmpty || s is "-" or "--" or "?"
            || s.Equals("n/a", StringComparison.OrdinalIgnoreCase) || s.Equals("#n/a", StringComparison.OrdinalIgnoreCase)
            || s.Equals("none", StringComparison.OrdinalIgnoreCase) || s.Equals("null", StringComparison.OrdinalIgnoreCase)
            || s.Equals("unknown", StringComparison.OrdinalIgnoreCase);
    }

    private NormaliserStats? Add(string name, int column)
    {
        if (column < 0) return null;
        var stats = new NormaliserStats(name, column);
        _stats.Add(stats);
        return stats;
    }

    private static bool Missing(ReadOnlySpan<char> value, NormaliserStats stats, RowBatch extra, int fields)
    {
        if (!IsMissing(value)) return false;
        stats.CountEmpty();
        AddEmpty(extra, fields);
        return true;
    }

    private static void Unrecognised(ReadOnlySpan<char> value, NormaliserStats stats, RowBatch extra, int fields)
    {
        stats.CountUnrecognised(value.Trim());
        AddEmpty(extra, fields);
    }

    private static void AddEmpty(RowBatch extra, int fields)
    {
        for (var i = 0; i < fields; i++) extra.AddField([]);
    }

    private static void Domain(ReadOnlySpan<char> value, RowBatch extra, NormaliserStats stats)
    {
        if (Missing(value, stats, extra, 3)) return;
        if (Domains.Parse(value) is not { } info) { Unrecognised(value, stats, extra, 3); return; }
        stats.CountFilled();
        extra.AddField(info.Registrable);
        extra.AddField(info.IsFreeMail ? "true" : "false");
        extra.AddField(info.IsDisposable ? "true" : "false");
    }

    private static void Country(ReadOnlySpan<char> value, RowBatch extra, NormaliserStats stats)
    {
        if (Missing(value, stats, extra, 2)) return;
        if (Countries.ToIso2(value) is not { } iso2) { Unrecognised(value, stats, extra, 2); return; }
        stats.CountFilled();
        extra.AddField(iso2);
        extra.AddField(Countries.RegionOf(iso2));
    }

    private static void Band(ReadOnlySpan<char> value, RowBatch extra, NormaliserStats stats)
    {
        if (Missing(value, stats, extra, 3)) return;
        if (!Bands.TryParse(value, out var band)) { Unrecognised(value, stats, extra, 3); return; }
        stats.CountFilled();
        AddNumber(extra, band.Low);
        if (band.High is { } high) AddNumber(extra, high);
        else extra.AddField([]);
        AddNumber(extra, band.Value);
    }

    private static void AddNumber(RowBatch extra, double value)
    {
        var buffer = extra.GetFieldBuffer(40);
        if (!value.TryFormat(buffer, out var written, "0.##", CultureInfo.InvariantCulture)) written = 0;
        extra.CommitField(written);
    }

    private void Industry(ReadOnlySpan<char> value, RowBatch extra, NormaliserStats stats)
    {
        if (Missing(value, stats, extra, 1)) return;
        if (_industries.Find(value) is not { } name) { Unrecognised(value, stats, extra, 1); return; }
        stats.CountFilled();
        extra.AddField(name);
    }

    private void Tech(ReadOnlySpan<char> value, RowBatch extra, NormaliserStats stats)
    {
        if (Missing(value, stats, extra, 1)) return;
        _unknownTech.Clear();
        var normalised = TechStack.Normalise(value, _unknownTech, _techNames);
        if (normalised.Length == 0) { stats.CountEmpty(); extra.AddField([]); return; }
        stats.CountFilled();
        for (var i = 0; i < _unknownTech.Count; i++) stats.CountUnrecognised(_unknownTech[i], row: i == 0);
        extra.AddField(normalised);
    }
}
