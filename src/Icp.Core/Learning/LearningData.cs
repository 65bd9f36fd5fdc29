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
/// <para>With <see cref="BestShare"/> and <see cref="ValueColumn"/> both, <see cref="Column"/> is the outcome column again and the
/// wins are the top share by <see cref="ValueColumn"/> among the positive rows ("the top quartile of won accounts by
/// lifetime value"); every other row with an outcome is a loss, and positive rows without a number are skipped and counted.</para>
/// <para>With <see cref="Churned"/>, churned customers are losses whatever their outcome (see <see cref="ChurnSpec"/>).</para>
/// </summary>
public sealed record OutcomeSpec(string Column, IReadOnlyList<string> PositiveValues, IReadOnlyList<string>? NegativeValues = null, double? BestShare = null,
    string? ValueColumn = null, ChurnSpec? Churned = null);

/// <summary>
/// Churned customers (<c>--churned Churn=Yes</c>): a row whose <see cref="Column"/> holds one of <see cref="Values"/> (trimmed,
/// case-insensitive) is a loss whatever its outcome says, even a blank one, since a won account that churned is not a good
/// customer. They are the strongest negatives: in the logistic fit a churned row weighs <see cref="Weight"/> plain losses.
/// Win rates, intervals and disqualifier evidence count it once, as a loss. The column is left out of the features.
/// </summary>
public sealed record ChurnSpec(string Column, IReadOnlyList<string> Values, double Weight = ChurnSpec.DefaultWeight)
{
    /// <summary>Twice a plain loss: strong enough to move a segment's points, not so strong that a few churns outweigh its wins.</summary>
    public const double DefaultWeight = 2;

    /// <summary>Set by <see cref="OutcomeJoin"/> when the column is its churn flag: every value was found among all the deals,
    /// and an account shows only its first, so the joined rows need not hold each value.</summary>
    public bool ValuesFoundInDeals { get; init; }
}

/// <summary>
/// A table held in memory for learning: feature columns as text (column-major), one win/loss label per row and the
/// line each row came from. Rows with a blank outcome are counted and left out.
/// </summary>
public sealed class LearningData
{
    private LearningData(string sourceName, IReadOnlyList<string> columns, LearningColumn[] values, bool[] labels, long[] lines,
        int outcomeColumn, int blankOutcomes, int otherOutcomes, IReadOnlyList<int> excludedColumns, string? labelling, LabelExtras extras)
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
        _extras = extras;
    }

    private readonly LabelExtras _extras;

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

    /// <summary>True for a churned customer (<see cref="ChurnSpec"/>), always a loss; all false without <c>--churned</c>.</summary>
    public bool[] Churned => _extras.Rows;

    /// <summary>Churned rows, all losses.</summary>
    public int ChurnedRows => _extras.Count;

    /// <summary>Churned rows whose outcome was a win (a won account that churned is not a good customer).</summary>
    public int WonThenChurned => _extras.Won;

    /// <summary>Columns that made the labels besides <see cref="OutcomeColumn"/> (the churn column, the value ranked among wins), with why
    /// each is no feature.</summary>
    public IReadOnlyDictionary<int, string> LabelColumns => _extras.LabelColumns;

    /// <summary>The weight of each of <paramref name="rows"/> in the logistic fit, or null when every row weighs 1 (no churned row).</summary>
    public double[]? RowWeights(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_extras.Count == 0 || _extras.Weight == 1) return null;
        var weights = new double[rows.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = _extras.Rows[rows[i]] ? _extras.Weight : 1;
        return weights;
    }

    /// <summary>This data with <paramref name="labelling"/> added to <see cref="Labelling"/> (e.g. how deals were joined).</summary>
    public LearningData WithLabelling(string labelling) =>
        new(SourceName, Columns, [.. Values], Labels, Lines, OutcomeColumn, BlankOutcomes, OtherOutcomes, ExcludedColumns,
            Labelling is null ? labelling : Labelling + "; " + labelling, _extras);

    /// <summary>What <see cref="ChurnSpec"/> (and a ranked value column) added to the labels.</summary>
    private sealed record LabelExtras(bool[] Rows, int Count, int Won, double Weight, IReadOnlyDictionary<int, string> LabelColumns);

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
        // Three ways to label: an outcome with positive values; the top share by a value column (--value alone); or the top
        // share by a value among the positive rows (--value with --positive). Ranked rows are labelled once the threshold is known.
        var valueColumn = -1;
        if (outcome.ValueColumn is { } valueName)
        {
            if (outcome.BestShare is null) throw new ArgumentException("a value column ranks rows only with a best share", nameof(outcome));
            valueColumn = resolver.Find(valueName);
            if (valueColumn < 0)
                throw new InputException($"--value '{valueName}' is not a column of {source}{DidYouMean.Hint(valueName, reader.Columns)}. Columns: {Listed(reader.Columns)}", new SourceLocation(source, 1));
            if (valueColumn == column)
                throw new InputException($"--value '{valueName}' is the --outcome column: the value that ranks the wins needs its own column", new SourceLocation(source, 1, column + 1, reader.Columns[column]));
        }
        var positive = outcome.BestShare is null || valueColumn >= 0 ? PositiveTest.Create(outcome.PositiveValues) : null;
        var churnColumn = -1;
        HashSet<string>? churnValues = null;
        if (outcome.Churned is { } churn)
        {
            churnColumn = resolver.Find(churn.Column);
            if (churnColumn < 0)
                throw new InputException($"--churned '{churn.Column}' is not a column of {source}{DidYouMean.Hint(churn.Column, reader.Columns)}. Columns: {Listed(reader.Columns)}", new SourceLocation(source, 1));
            if (churnColumn == column || churnColumn == valueColumn)
                throw new InputException($"--churned '{churn.Column}' is the {(churnColumn == valueColumn || positive is null ? "--value" : "--outcome")} column: churn needs a column of its own (e.g. --churned Churn=Yes, or status=Cancelled)",
                    new SourceLocation(source, 1, churnColumn + 1, reader.Columns[churnColumn]));
            churnValues = new HashSet<string>(churn.Values.Select(ValueParsers.NormaliseText), StringComparer.OrdinalIgnoreCase);
        }
        var amounts = new List<(int Row, double Amount)>();
        var unparsable = 0;
        var negatives = outcome.NegativeValues is { Count: > 0 } given ? new HashSet<string>(given.Select(ValueParsers.NormaliseText), StringComparer.OrdinalIgnoreCase) : null;
        var other = 0;

        var values = new LearningColumn.Builder[reader.Columns.Count];
        for (var c = 0; c < values.Length; c++) values[c] = new();
        var labels = new List<bool>();
        var churned = new List<bool>();
        var lines = new List<long>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var churnSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int blank = 0, positives = 0, wonThenChurned = 0;
        var batch = new RowBatch(reader.Columns.Count, ScoringPipeline.BatchRows);
        while (reader.ReadBatch(batch))
        {
            for (var r = 0; r < batch.Count; r++)
            {
                var isChurned = false;
                if (churnValues is not null && batch[r, churnColumn].Trim() is { IsEmpty: false } churnText)
                {
                    var text = churnText.ToString();
                    churnSeen[text] = churnSeen.GetValueOrDefault(text) + 1;
                    isChurned = churnValues.Contains(ValueParsers.NormaliseText(text));
                }
                var label = batch[r, column].Trim();
                if (positive is null)
                {
                    if (isChurned) { AddRow(false); continue; } // a loss, and not ranked: churned customers are not the best
                    if (label.IsEmpty) { blank++; continue; }
                    if (!ValueParsers.TryParseNumber(label, out var amount)) { unparsable++; continue; }
                    AddRow(false);
                    amounts.Add((labels.Count - 1, amount));
                    continue;
                }
                if (label.IsEmpty)
                {
                    if (isChurned) AddRow(false);
                    else blank++;
                    continue;
                }
                var outcomeText = label.ToString();
                seen[outcomeText] = seen.GetValueOrDefault(outcomeText) + 1;
                var won = positive.Holds(outcomeText, new SourceLocation(source, batch.LineOf(r), column + 1, reader.Columns[column]));
                if (won) positives++;
                if (isChurned)
                {
                    if (won) wonThenChurned++;
                    AddRow(false);
                    continue;
                }
                if (!won && negatives is not null && !negatives.Contains(ValueParsers.NormaliseText(outcomeText))) { other++; continue; }
                if (won && valueColumn >= 0)
                {
                    if (!ValueParsers.TryParseNumber(batch[r, valueColumn].Trim(), out var amount)) { unparsable++; continue; }
                    AddRow(false);
                    amounts.Add((labels.Count - 1, amount));
                    continue;
                }
                AddRow(won);

                void AddRow(bool label)
                {
                    labels.Add(label);
                    churned.Add(isChurned);
                    lines.Add(batch.LineOf(r));
                    for (var c = 0; c < values.Length; c++) values[c].Add(batch[r, c].Trim());
                }
            }
        }

        var name = reader.Columns[column];
        if (positive is not null && positives == 0 && labels.Count > 0)
            throw new InputException($"--positive {string.Join(",", outcome.PositiveValues)}: no row of {source} has that value in column '{name}'{DidYouMean.Hint(outcome.PositiveValues[0], seen.Keys)}. Values seen: {ValuesSeen(seen)}", new SourceLocation(source, 1, column + 1, name));
        if (churnValues is not null && !outcome.Churned!.ValuesFoundInDeals && churnValues.FirstOrDefault(v => !churnSeen.ContainsKey(v)) is { } absentChurn)
        {
            var churnName = reader.Columns[churnColumn];
            throw new InputException($"--churned {churnName}={absentChurn}: no row of {source} has that value in column '{churnName}'{DidYouMean.Hint(absentChurn, churnSeen.Keys)}. Values seen: {(churnSeen.Count == 0 ? "(none: the column is empty)" : ValuesSeen(churnSeen))}",
                new SourceLocation(source, 1, churnColumn + 1, churnName));
        }

        var labelling = new List<string>();
        var churnedRows = churned.Count(c => c);
        // Nothing to rank: say no row has a number, unless churned rows are all there is (then that is the news, below).
        if (outcome.BestShare is { } share && (amounts.Count > 0 || unparsable > 0 || (churnedRows == 0 && positive is null)))
            labelling.Add(valueColumn < 0
                ? LabelTopShare(amounts, share, labels, name, unparsable, source)
                : LabelTopShareOfWins(amounts, share, labels, reader.Columns[valueColumn], unparsable, source));
        var labelColumns = new Dictionary<int, string>();
        if (valueColumn >= 0) labelColumns[valueColumn] = "ranks the wins (--value)";
        if (outcome.Churned is { } spec)
        {
            labelColumns[churnColumn] = "defines churn (--churned)";
            labelling.Add(string.Create(CultureInfo.InvariantCulture, $"churned = {reader.Columns[churnColumn]} is {string.Join(" or ", spec.Values)}: {churnedRows:N0} {(churnedRows == 1 ? "row" : "rows")}, losses whatever their outcome")
                + (positive is null ? "" : string.Create(CultureInfo.InvariantCulture, $" ({wonThenChurned:N0} won, then churned)"))
                + string.Create(CultureInfo.InvariantCulture, $"; a churned row weighs {spec.Weight:0.##} losses in the points fit"));
        }

        var wins = labels.Count(l => l);
        if (labels.Count == 0)
            throw new InputException($"column '{name}' of {source} is empty in every row: there is no outcome to learn from", new SourceLocation(source, 1, column + 1, name));
        if (wins == 0 && churnedRows > 0)
            throw new InputException($"no row of {source} is a win once churned customers count as losses: {churnedRows:N0} churned" + (positive is null ? "" : $", {wonThenChurned:N0} of them won") + "; learning needs wins and losses", new SourceLocation(source, 1, churnColumn + 1, reader.Columns[churnColumn]));
        if (wins == 0 && positive is not null && valueColumn < 0)
            throw new InputException($"--positive {string.Join(",", outcome.PositiveValues)}: no row of {source} has that value in column '{name}'{DidYouMean.Hint(outcome.PositiveValues[0], seen.Keys)}. Values seen: {ValuesSeen(seen)}", new SourceLocation(source, 1, column + 1, name));
        // A misspelt --negative turns the losses into skipped rows: then the absent value, not "one class", is the news.
        // With nothing skipped (e.g. joined accounts that all won a deal) the single class is.
        if (wins == labels.Count && other == 0) throw OneClass();
        // Only when rows were skipped for it: accounts that all won a deal, ranked by value, need no loss outcome.
        if (negatives is not null && other > 0 && negatives.FirstOrDefault(n => !seen.ContainsKey(n)) is { } absent)
            throw new InputException($"--negative {absent}: no row of {source} has that value in column '{name}'{DidYouMean.Hint(absent, seen.Keys)}. Values seen: {ValuesSeen(seen)}", new SourceLocation(source, 1, column + 1, name));
        if (wins == labels.Count) throw OneClass();
        var churnWeight = outcome.Churned?.Weight ?? 1;
        return new LearningData(source, reader.Columns, [.. values.Select(v => v.Build())], [.. labels], [.. lines], column, blank, other, excluded,
            labelling.Count == 0 ? null : string.Join("; ", labelling), new LabelExtras([.. churned], churnedRows, wonThenChurned, churnWeight, labelColumns));

        InputException OneClass() => new($"column '{name}' of {source} has one class only: all {labels.Count:N0} rows with an outcome are positive ({ValuesSeen(seen)}); learning needs wins and losses", new SourceLocation(source, 1, column + 1, name));
    }

    /// <summary>Marks the top <paramref name="share"/> of ranked rows by amount as wins (ties at the threshold too) and says so.</summary>
    private static string LabelTopShare(List<(int Row, double Amount)> amounts, double share, List<bool> labels, string name, int unparsable, string source)
    {
        var threshold = Threshold(amounts, share, labels, $"--value '{name}': no row of {source} has a number in that column", source);
        return string.Create(CultureInfo.InvariantCulture, $"best = {name} >= {threshold:#,0.##}, the top {share * 100:0.##}% of {amounts.Count:N0} rows with a value")
            + (unparsable > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {unparsable:N0} {(unparsable == 1 ? "row" : "rows")} whose {name} is not a number skipped") : "");
    }

    /// <summary>As <see cref="LabelTopShare"/>, the ranked rows being the won ones: the other rows are losses already.</summary>
    private static string LabelTopShareOfWins(List<(int Row, double Amount)> amounts, double share, List<bool> labels, string name, int unparsable, string source)
    {
        var threshold = Threshold(amounts, share, labels, $"--value '{name}': no won row of {source} has a number in that column", source);
        return string.Create(CultureInfo.InvariantCulture, $"best = top {share * 100:0.##}% of {amounts.Count:N0} won rows by {name} (>= {threshold:#,0.##}), every other row a loss")
            + (unparsable > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {unparsable:N0} won {(unparsable == 1 ? "row" : "rows")} whose {name} is not a number skipped") : "");
    }

    private static double Threshold(List<(int Row, double Amount)> amounts, double share, List<bool> labels, string none, string source)
    {
        if (amounts.Count == 0) throw new InputException(none, new SourceLocation(source, 1));
        var sorted = amounts.Select(a => a.Amount).ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        var threshold = sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
        foreach (var (row, amount) in amounts) labels[row] = amount >= threshold;
        return threshold;
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
