using System.Globalization;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Core.Values;

namespace Icp.Core.Learning;

/// <summary>
/// Which rows count as wins: the outcome column and its positive values (case- and white-space-insensitive). Every other
/// non-empty value is a loss; a blank outcome is no evidence and is skipped. A value such as <c>&gt;=0.6</c> compares
/// numerically instead, for outcomes that are rates or amounts. With <see cref="NegativeValues"/>, only those values are
/// losses and rows with any other value (open deals: Prospecting, Engaging) are skipped and counted.
/// <para>With <see cref="BestShare"/> (0-1, exclusive), <see cref="Column"/> is a numeric value column instead (lifetime value,
/// won value) and the wins are the top share of rows by it, ties at the threshold included; every other row with a
/// value is a loss, and rows whose value is blank or not a number are skipped and counted.</para>
/// </summary>
public sealed record OutcomeSpec(string Column, IReadOnlyList<string> PositiveValues, IReadOnlyList<string>? NegativeValues = null, double? BestShare = null);

/// <summary>
/// A table held in memory for learning: feature columns as text (column-major), one win/loss label per row and the
/// line each row came from. Rows with a blank outcome are counted and left out.
/// </summary>
public sealed class LearningData
{
    private LearningData(string sourceName, IReadOnlyList<string> columns, LearningColumn[] values, bool[] labels, long[] lines,
        int outcomeColumn, int blankOutcomes, int otherOutcomes, IReadOnlyList<int> excludedColumns, string? labelling)
    {
        Labelling = labelling;
        SourceName = sourceName;
        Columns = columns;
        Values = values;
        Labels = labels;
        Lines = lines;
        OutcomeColumn = outcomeColumn;
        BlankOutcomes = blankOutcomes;
        OtherOutcomes = otherOutcomes;
        ExcludedColumns = excludedColumns;
    }

    public string SourceName { get; }

    /// <summary>Every column of the source, in file order (the outcome column included).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Values per column, then per row (<c>Values[column][row]</c>); empty text is a missing value.</summary>
    public IReadOnlyList<LearningColumn> Values { get; }

    /// <summary>True for a win.</summary>
    public bool[] Labels { get; }

    /// <summary>The source line of each row (for error messages and reports).</summary>
    public long[] Lines { get; }

    public int OutcomeColumn { get; }

    /// <summary>Rows skipped because their outcome was blank.</summary>
    public int BlankOutcomes { get; }

    /// <summary>Rows skipped because their outcome was neither positive nor one of the given negative values.</summary>
    public int OtherOutcomes { get; }

    /// <summary>Columns the user asked to leave out (<c>--exclude-columns</c>).</summary>
    public IReadOnlyList<int> ExcludedColumns { get; }

    /// <summary>How the labels were made when that is not plain from the outcome column, in words, e.g.
    /// "best = total_won_value >= 140,000, the top 25% of 85 rows"; written into the profile header.</summary>
    public string? Labelling { get; }

    public int RowCount => Labels.Length;

    /// <summary>This data with <paramref name="labelling"/> added to <see cref="Labelling"/> (e.g. how deals were joined).</summary>
    public LearningData WithLabelling(string labelling) =>
        new(SourceName, Columns, [.. Values], Labels, Lines, OutcomeColumn, BlankOutcomes, OtherOutcomes, ExcludedColumns,
            Labelling is null ? labelling : Labelling + "; " + labelling);

    public int Wins => Labels.Count(l => l);

    /// <summary>Reads every row of <paramref name="reader"/>, labelling it by <paramref name="outcome"/>.</summary>
    /// <exception cref="InputException">the outcome column is missing, has one class only, or never holds a positive value.</exception>
    public static LearningData Read(ITableReader reader, OutcomeSpec outcome, IReadOnlyList<string> excludeColumns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(excludeColumns);
        var source = reader.SourceName;
        var resolver = new ColumnResolver(reader.Columns, source);
        var column = resolver.Find(outcome.Column);
        if (column < 0)
            throw new InputException($"--outcome '{outcome.Column}' is not a column of {source}{DidYouMean.Hint(outcome.Column, reader.Columns)}. Columns: {Listed(reader.Columns)}", new SourceLocation(source, 1));
        var excluded = new List<int>();
        foreach (var excludedName in excludeColumns)
        {
            var index = resolver.Find(excludedName);
            if (index < 0)
                throw new InputException($"--exclude-columns '{excludedName}' is not a column of {source}{DidYouMean.Hint(excludedName, reader.Columns)}. Columns: {Listed(reader.Columns)}", new SourceLocation(source, 1));
            excluded.Add(index);
        }
        var positive = outcome.BestShare is null ? PositiveTest.Create(outcome.PositiveValues) : null;
        var amounts = new List<double>();
        var unparsable = 0;
        var negatives = outcome.NegativeValues is { Count: > 0 } given ? new HashSet<string>(given.Select(ValueParsers.NormaliseText), StringComparer.OrdinalIgnoreCase) : null;
        var other = 0;

        var values = new LearningColumn.Builder[reader.Columns.Count];
        for (var c = 0; c < values.Length; c++) values[c] = new();
        var labels = new List<bool>();
        var lines = new List<long>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var blank = 0;
        var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
        while (reader.ReadBatch(batch))
        {
            for (var r = 0; r < batch.Count; r++)
            {
                var label = batch[r, column].Trim();
                if (label.IsEmpty) { blank++; continue; }
                if (positive is null)
                {
                    if (!ValueParsers.TryParseNumber(label, out var amount)) { unparsable++; continue; }
                    AddRow(false); // labelled once the threshold is known
                    amounts.Add(amount);
                    continue;
                }
                var text = label.ToString();
                seen[text] = seen.GetValueOrDefault(text) + 1;
                var won = positive.Holds(text, new SourceLocation(source, batch.LineOf(r), column + 1, reader.Columns[column]));
                if (!won && negatives is not null && !negatives.Contains(ValueParsers.NormaliseText(text))) { other++; continue; }
                AddRow(won);

                void AddRow(bool label)
                {
                    labels.Add(label);
                    lines.Add(batch.LineOf(r));
                    for (var c = 0; c < values.Length; c++) values[c].Add(batch[r, c].Trim());
                }
            }
        }

        string? labelling = null;
        if (outcome.BestShare is { } share)
            labelling = LabelTopShare(amounts, share, labels, reader.Columns[column], unparsable, source);

        var name = reader.Columns[column];
        var wins = labels.Count(l => l);
        if (labels.Count == 0)
            throw new InputException($"column '{name}' of {source} is empty in every row: there is no outcome to learn from", new SourceLocation(source, 1, column + 1, name));
        if (wins == 0 && positive is not null)
            throw new InputException($"--positive {string.Join(",", outcome.PositiveValues)}: no row of {source} has that value in column '{name}'{DidYouMean.Hint(outcome.PositiveValues[0], seen.Keys)}. Values seen: {ValuesSeen(seen)}", new SourceLocation(source, 1, column + 1, name));
        // A misspelt --negative turns the losses into skipped rows: then the absent value, not "one class", is the news.
        // With nothing skipped (e.g. joined accounts that all won a deal) the single class is.
        if (wins == labels.Count && other == 0) throw OneClass();
        if (negatives is not null && negatives.FirstOrDefault(n => !seen.ContainsKey(n)) is { } absent)
            throw new InputException($"--negative {absent}: no row of {source} has that value in column '{name}'{DidYouMean.Hint(absent, seen.Keys)}. Values seen: {ValuesSeen(seen)}", new SourceLocation(source, 1, column + 1, name));
        if (wins == labels.Count) throw OneClass();
        return new LearningData(source, reader.Columns, [.. values.Select(v => v.Build())], [.. labels], [.. lines], column, blank, other, excluded, labelling);

        InputException OneClass() => new($"column '{name}' of {source} has one class only: all {labels.Count:N0} rows with an outcome are positive ({ValuesSeen(seen)}); learning needs wins and losses", new SourceLocation(source, 1, column + 1, name));
    }

    /// <summary>Marks the top <paramref name="share"/> of rows by amount as wins (ties at the threshold too) and says so.</summary>
    private static string LabelTopShare(List<double> amounts, double share, List<bool> labels, string name, int unparsable, string source)
    {
        if (amounts.Count == 0)
            throw new InputException($"--value '{name}': no row of {source} has a number in that column", new SourceLocation(source, 1));
        var sorted = amounts.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        var threshold = sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
        for (var i = 0; i < amounts.Count; i++) labels[i] = amounts[i] >= threshold;
        return string.Create(CultureInfo.InvariantCulture, $"best = {name} >= {threshold:#,0.##}, the top {share * 100:0.##}% of {amounts.Count:N0} rows with a value")
            + (unparsable > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {unparsable:N0} {(unparsable == 1 ? "row" : "rows")} whose {name} is not a number skipped") : "");
    }

    private static string ValuesSeen(Dictionary<string, int> seen) =>
        string.Join(", ", seen.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20).Select(kv => $"{kv.Key} ({kv.Value:N0})"))
        + (seen.Count > 20 ? $", ... ({seen.Count} values in all)" : "");

    private static string Listed(IReadOnlyList<string> columns) =>
        string.Join(", ", columns.Take(40)) + (columns.Count > 40 ? $", ... ({columns.Count} in all)" : "");

    /// <summary>Positive values as text, or one numeric comparison (<c>&gt;=0.6</c>, <c>&lt;10</c>).</summary>
    internal sealed class PositiveTest
    {
        private readonly HashSet<string> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly string? _comparison;
        private readonly double _threshold;

        private PositiveTest(IReadOnlyList<string> values)
        {
            foreach (var v in values)
            {
                var text = ValueParsers.NormaliseText(v);
                var op = new[] { ">=", "<=", ">", "<" }.FirstOrDefault(o => text.StartsWith(o, StringComparison.Ordinal));
                if (op is null) { _values.Add(text); continue; }
                if (values.Count > 1 || !double.TryParse(text[op.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out _threshold))
                    throw new InputException($"--positive '{v}': a comparison is one operator and a number, alone, e.g. --positive \">=0.6\"");
                _comparison = op;
            }
            if (_values.Count == 0 && _comparison is null) throw new InputException("--positive needs at least one value, e.g. --positive Won");
        }

        public static PositiveTest Create(IReadOnlyList<string> values) => new(values);

        public bool Holds(string value, SourceLocation at)
        {
            if (_comparison is null) return _values.Contains(ValueParsers.NormaliseText(value));
            if (!ValueParsers.TryParseNumber(value, out var x))
                throw new InputException($"outcome '{value}' is not a number, but --positive {_comparison}{_threshold.ToString(CultureInfo.InvariantCulture)} compares numbers", at);
            return _comparison switch { ">=" => x >= _threshold, "<=" => x <= _threshold, ">" => x > _threshold, _ => x < _threshold };
        }
    }
}
