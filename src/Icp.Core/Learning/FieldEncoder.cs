using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Icp.Core.Values;

namespace Icp.Core.Learning;

/// <summary>What a level of a field stands for.</summary>
public enum LevelKind
{
    /// <summary>One category (or several merged ones).</summary>
    Values,
    /// <summary>Every category too rare to stand alone.</summary>
    Other,
    /// <summary>An empty or unreadable value.</summary>
    Missing,
    /// <summary>A number range <c>[Low, High)</c>; for dates, an age range in days.</summary>
    Range,
    /// <summary>One token of a list field is present.</summary>
    Token,
}

/// <summary>One level of a learned field: a category, a bin, a token, "other" or "missing".</summary>
public sealed record Level(LevelKind Kind, IReadOnlyList<string> Values, double? Low = null, double? High = null);

/// <summary>
/// Turns one column's text into level indices: categories with "other" and "missing", number or age bins, or the tokens
/// of a list. Built from training rows only, so the hold-out never shapes the levels it is tested on.
/// </summary>
public sealed class FieldEncoder
{
    private readonly Dictionary<string, int> _categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly double[] _cuts;
    private readonly int _other = -1;
    private readonly int _missing = -1;
    private readonly int _firstRange = -1;
    private readonly DateOnly _asOf;

    private FieldEncoder(int column, string columnName, FieldKind kind, List<Level> levels, double[] cuts, DateOnly asOf)
    {
        Column = column;
        ColumnName = columnName;
        Kind = kind;
        Levels = levels;
        _cuts = cuts;
        _asOf = asOf;
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            switch (level.Kind)
            {
                case LevelKind.Values or LevelKind.Token: foreach (var v in level.Values) _categories[Key(v)] = i; break;
                case LevelKind.Other: _other = i; break;
                case LevelKind.Missing: _missing = i; break;
                case LevelKind.Range when _firstRange < 0: _firstRange = i; break;
                default: break;
            }
        }
    }

    public int Column { get; }
    public string ColumnName { get; }
    public FieldKind Kind { get; }
    public IReadOnlyList<Level> Levels { get; }

    /// <summary>True for list fields, where a row can hold several levels at once (and none).</summary>
    public bool IsMultiValued => Kind == FieldKind.Set;

    /// <summary>Adds the indices (plus <paramref name="offset"/>) of the levels <paramref name="value"/> falls in.</summary>
    /// <remarks><see cref="LevelsByCode"/> gives the same levels per distinct value by another route: change the two together.</remarks>
    public void Encode(string value, List<int> into, int offset)
    {
        var level = Kind switch
        {
            FieldKind.Category => value.Length == 0 ? _missing : _categories.TryGetValue(Key(value), out var c) ? c : _other,
            FieldKind.Set => -2,
            _ => Number(value) is { } x ? _firstRange + Bin(_cuts, x) : _missing,
        };
        if (level == -2)
        {
            if (value.Length == 0) { if (_missing >= 0) into.Add(offset + _missing); return; }
            foreach (var token in Tokens(value))
                if (_categories.TryGetValue(Key(token), out var t) && !into.Contains(offset + t)) into.Add(offset + t);
            return;
        }
        if (level >= 0) into.Add(offset + level);
    }

    /// <summary>
    /// What encoders derive from a column's distinct values (keys, list tokens, numbers), derived once per column: the
    /// learner builds several encoders per column, and a column can hold hundreds of thousands of distinct texts.
    /// </summary>
    private sealed class Derived(LearningColumn column)
    {
        private KeySpace? _keys;
        private KeySpace? _tokens;
        private readonly Dictionary<(FieldKind, DateOnly), (double?[] Numbers, int[] Order)> _numbers = [];

        /// <summary>Each distinct value's <see cref="Key"/> (the value itself when already normalised, to save memory).</summary>
        public KeySpace Keys => _keys ??= new([.. column.Distinct.Select(v => IsNormal(v) ? v : Key(v))], [.. Enumerable.Range(0, column.Distinct.Count + 1)]);

        /// <summary>Each distinct value's list tokens, as keys.</summary>
        public KeySpace Tokens => _tokens ??= TokenKeys();

        private KeySpace TokenKeys()
        {
            // Tokens repeat down a column (a tech stack has a few dozen): one string per token text, not per value.
            var pool = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var tokens = new List<string>();
            var starts = new int[column.Distinct.Count + 1];
            for (var code = 0; code < column.Distinct.Count; code++)
            {
                var value = column.Distinct[code];
                if (value.StartsWith('[')) tokens.AddRange(FieldEncoder.Tokens(value).Select(Key));
                else
                {
                    // What Tokens and Key give for a value split on ';', without a string per piece.
                    foreach (var range in value.AsSpan().Split(';'))
                    {
                        var token = value.AsSpan(range).Trim();
                        if (token.Length == 0) continue;
                        if (token.Length == value.Length && IsNormal(value)) tokens.Add(value);
                        else if (ValueParsers.NeedsCollapsing(token)) tokens.Add(Key(token.ToString()));
                        else if (pool.TryGetValue(token, out var known)) tokens.Add(known);
                        else { var text = token.ToString(); pool[text] = text; tokens.Add(text); }
                    }
                }
                starts[code + 1] = tokens.Count;
            }
            return new([.. tokens], starts);
        }

        /// <summary>Each distinct value as a number (null: none), and the codes with a number in ascending order of it.</summary>
        public (double?[] Numbers, int[] Order) Numbers(FieldEncoder probe)
        {
            lock (_numbers)
            {
                if (_numbers.TryGetValue((probe.Kind, probe._asOf), out var known)) return known;
                var numbers = column.Distinct.Select(probe.Number).ToArray();
                var order = Enumerable.Range(0, numbers.Length).Where(c => numbers[c] is not null).ToArray();
                Array.Sort(order.Select(c => numbers[c]!.Value).ToArray(), order);
                return _numbers[(probe.Kind, probe._asOf)] = (numbers, order);
            }
        }
    }

    /// <summary>True when <paramref name="value"/> is its own <see cref="Key"/>, as most are: no copy needed.</summary>
    private static bool IsNormal(string value) =>
        value.AsSpan().Trim().Length == value.Length && !ValueParsers.NeedsCollapsing(value);

    /// <summary>A column's keys per distinct value, and each key as a dense id (keys equal but for case share one).</summary>
    private sealed class KeySpace
    {
        private readonly string[] _keys;
        private readonly int[] _ids;
        private readonly int[] _starts;

        /// <param name="keys">The keys of every distinct value, end to end (one array: a column may hold a million values).</param>
        /// <param name="starts">Where each distinct value's keys start in <paramref name="keys"/>, plus the end.</param>
        public KeySpace(string[] keys, int[] starts)
        {
            var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            _ids = new int[keys.Length];
            for (var k = 0; k < keys.Length; k++)
            {
                if (!ids.TryGetValue(keys[k], out var id)) ids[keys[k]] = id = ids.Count;
                _ids[k] = id;
            }
            (_keys, _starts, Ids) = (keys, starts, ids);
        }

        public IReadOnlyDictionary<string, int> Ids { get; }
        public int Count => Ids.Count;
        public int Codes => _starts.Length - 1;
        public ReadOnlySpan<string> KeysOf(int code) => _keys.AsSpan(_starts[code], _starts[code + 1] - _starts[code]);
        public ReadOnlySpan<int> IdsOf(int code) => _ids.AsSpan(_starts[code], _starts[code + 1] - _starts[code]);
    }

    private static readonly ConditionalWeakTable<LearningColumn, Derived> DerivedByColumn = [];

    private static Derived Of(LearningColumn column) => DerivedByColumn.GetValue(column, c => new Derived(c));

    private LearningColumn? _column;
    private int[][] _levelsByCode = [];
    private int[] _levelByCode = [];
    private (int[] Levels, bool[] ByLevel)? _wanted;

    /// <summary>
    /// Like <see cref="Encode(string, List{int}, int)"/> for row <paramref name="row"/> of <paramref name="data"/>, but each distinct value is
    /// encoded once and remembered: the hot loops over millions of rows then parse nothing.
    /// </summary>
    public void EncodeRow(LearningData data, int row, List<int> into, int offset)
    {
        var levels = LevelsOfRow(data, row);
        foreach (var l in levels) into.Add(offset + l);
    }

    /// <summary>The levels row <paramref name="row"/> falls in (none, one, or several tokens of a list).</summary>
    public int[] LevelsOfRow(LearningData data, int row)
    {
        ArgumentNullException.ThrowIfNull(data);
        return LevelsByCode(data)[data.Values[Column].Codes[row]];
    }

    /// <summary>The levels of each distinct value of the column (by <see cref="LearningColumn.Codes"/>), encoded once.</summary>
    internal int[][] LevelsByCode(LearningData data)
    {
        var column = data.Values[Column];
        if (!ReferenceEquals(column, _column))
        {
            var byCode = new int[column.Distinct.Count][];
            var derived = Of(column);
            // Single-valued levels share one array each: a column with many distinct values costs no array per value.
            var single = Enumerable.Range(0, Levels.Count).Select(l => new[] { l }).ToArray();
            int[] One(int level) => level >= 0 ? single[level] : [];
            if (Kind is FieldKind.Number or FieldKind.Date)
            {
                var numbers = derived.Numbers(this).Numbers;
                for (var code = 0; code < byCode.Length; code++)
                    byCode[code] = One(numbers[code] is { } x ? _firstRange + Bin(_cuts, x) : _missing);
            }
            else
            {
                // As Encode does, by key id: a lookup per level, not per distinct value.
                var space = IsMultiValued ? derived.Tokens : derived.Keys;
                var levelOf = new int[space.Count];
                Array.Fill(levelOf, -1);
                foreach (var (key, level) in _categories) if (space.Ids.TryGetValue(key, out var id)) levelOf[id] = level;
                var list = new List<int>();
                for (var code = 0; code < byCode.Length; code++)
                {
                    var ids = space.IdsOf(code);
                    if (column.Distinct[code].Length == 0) byCode[code] = One(_missing);
                    else if (!IsMultiValued) byCode[code] = One(levelOf[ids[0]] is var l and >= 0 ? l : _other);
                    else
                    {
                        list.Clear();
                        foreach (var id in ids) if (levelOf[id] is var t and >= 0 && !list.Contains(t)) list.Add(t);
                        byCode[code] = list.Count == 1 ? single[list[0]] : [.. list];
                    }
                }
            }
            _levelByCode = IsMultiValued ? [] : [.. byCode.Select(levels => levels.Length == 0 ? -1 : levels[0])];
            (_levelsByCode, _column) = (byCode, column);
        }
        return _levelsByCode;
    }

    /// <summary>For a single-valued field: the level of each distinct value of the column, -1 for none.</summary>
    internal int[] LevelByCode(LearningData data)
    {
        LevelsByCode(data);
        return _levelByCode;
    }

    /// <summary>Which of this field's levels are among <paramref name="levels"/>, by level index.</summary>
    internal bool[] Wanted(IReadOnlyList<int> levels)
    {
        var wanted = new bool[Levels.Count];
        foreach (var l in levels) wanted[l] = true;
        return wanted;
    }

    /// <summary>True when row <paramref name="row"/> falls in any of <paramref name="levels"/>.</summary>
    public bool RowIn(LearningData data, int row, IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(levels);
        // Callers ask about one criterion row after row: remember which levels it wants.
        if (_wanted is not { } known || !known.Levels.SequenceEqual(levels)) _wanted = known = ([.. levels], Wanted(levels));
        foreach (var l in LevelsOfRow(data, row)) if (known.ByLevel[l]) return true;
        return false;
    }

    internal double? Number(string value)
    {
        if (value.Length == 0) return null;
        if (Kind == FieldKind.Number) return ValueParsers.TryParseNumber(value, out var x) ? x : null;
        if (ValueParsers.TryParseDate(value, out var d)) return _asOf.DayNumber - d.DayNumber;
        return null;
    }

    /// <summary>
    /// Builds the encoder for one column from <paramref name="rows"/>. Numbers and dates start from up to twenty quantile
    /// bins; with <paramref name="supervised"/> adjacent bins whose win rates cannot be told apart are merged.
    /// </summary>
    public static FieldEncoder Build(LearningData data, int column, FieldKind kind, IReadOnlyList<int> rows, DateOnly asOf, bool supervised, int minSupport)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        var values = data.Values[column];
        var name = data.Columns[column];
        var levels = new List<Level>();
        var missing = 0;
        // Counted once per distinct value: what follows parses, normalises and sorts distinct values, not rows.
        var counts = values.CountByCode(LearningColumn.Span(rows), data.Labels);
        if (kind is FieldKind.Category or FieldKind.Set)
        {
            var space = kind == FieldKind.Set ? Of(values).Tokens : Of(values).Keys;
            // Rows per key, and where the rows first show it (row, then token): the tie-break a pass over the rows gives.
            var rowsOf = new int[space.Count];
            var first = new (int Row, int Token)[space.Count];
            var display = new string[space.Count];
            var distinctKeys = 0;
            for (var code = 0; code < values.Distinct.Count; code++)
            {
                var n = counts.Rows[code];
                if (n == 0) continue;
                if (values.Distinct[code].Length == 0) { missing += n; continue; }
                var keys = space.KeysOf(code);
                var ids = space.IdsOf(code);
                for (var t = 0; t < keys.Length; t++)
                {
                    if (keys[t].Length == 0) continue;
                    var (id, at) = (ids[t], (counts.First[code], t));
                    // A key is its display text too (the normalised value), as the rows first spell it.
                    if (rowsOf[id] == 0) distinctKeys++;
                    if (rowsOf[id] == 0 || at.CompareTo(first[id]) < 0) (first[id], display[id]) = (at, keys[t]);
                    rowsOf[id] += n;
                }
            }
            var kept = Enumerable.Range(0, space.Count).Where(id => rowsOf[id] >= minSupport)
                .OrderByDescending(id => rowsOf[id]).ThenBy(id => first[id]).Take(kind == FieldKind.Set ? 30 : 25).ToList();
            if (kind == FieldKind.Category && supervised)
                foreach (var group in GroupIndistinct(space, counts, kept, [.. kept.Select(id => display[id])])) levels.Add(new Level(LevelKind.Values, group));
            else
                foreach (var id in kept) levels.Add(new Level(kind == FieldKind.Set ? LevelKind.Token : LevelKind.Values, [display[id]]));
            if (kind == FieldKind.Category && kept.Count < distinctKeys) levels.Add(new Level(LevelKind.Other, []));
            if (missing > 0) levels.Add(new Level(LevelKind.Missing, []));
            return new FieldEncoder(column, name, kind, levels, [], asOf);
        }

        var probe = new FieldEncoder(column, name, kind, [], [], asOf);
        var (numbers, order) = Of(values).Numbers(probe); // each distinct text parsed and sorted once per column
        var sorted = new List<(double X, int Rows, int Wins)>();
        foreach (var code in order)
            if (counts.Rows[code] > 0) sorted.Add((numbers[code]!.Value, counts.Rows[code], counts.Wins[code]));
        for (var code = 0; code < numbers.Length; code++) if (numbers[code] is null) missing += counts.Rows[code];
        var points = new SortedPoints(sorted);
        var cuts = QuantileCuts(points, minSupport);
        // Ages are whole days, so 'within' and 'older_than' in the profile draw exactly these bins.
        if (kind == FieldKind.Date) cuts = [.. cuts.Select(Math.Ceiling).Distinct()];
        var quantiles = Ranges(column, name, kind, cuts, missing, asOf);
        if (!supervised) return quantiles;
        var merged = Ranges(column, name, kind, MergeIndistinct(points, cuts, minSupport), missing, asOf);
        merged.Unmerged = quantiles; // the field-selection test wants the bins before merging, and the sort is done
        return merged;
    }

    private static FieldEncoder Ranges(int column, string name, FieldKind kind, double[] cuts, int missing, DateOnly asOf)
    {
        var levels = new List<Level>();
        for (var i = 0; i <= cuts.Length; i++)
            levels.Add(new Level(LevelKind.Range, [], i == 0 ? null : cuts[i - 1], i == cuts.Length ? null : cuts[i]));
        if (missing > 0) levels.Add(new Level(LevelKind.Missing, []));
        return new FieldEncoder(column, name, kind, levels, cuts, asOf);
    }

    /// <summary>For a supervised number or date field: the same field with its quantile bins before merging.</summary>
    public FieldEncoder? Unmerged { get; private set; }

    private const int Quantiles = 20;

    private static double[] QuantileCuts(SortedPoints points, int minSupport)
    {
        var cuts = new List<double>();
        var n = points.Count;
        if (n == 0) return [];
        var last = 0;
        // Twenty quantiles find a boundary within 5% of the rows; merging then removes the cuts the data does not support.
        for (var q = 1; q < Quantiles; q++)
        {
            var cut = Round(points.At(Math.Min(n - 1, q * n / Quantiles)));
            if (cuts.Count > 0 && cut <= cuts[^1]) continue;
            // Rows below the cut since the previous one, and above it up to the end: both must have support.
            var below = points.Below(cut) - last;
            var above = n - points.Below(cut);
            if (below < minSupport || above < minSupport) continue;
            cuts.Add(cut);
            last += below;
        }
        return [.. cuts];
    }

    /// <summary>
    /// Greedy bottom-up merging: join the two neighbouring bins that are least distinguishable until every neighbouring
    /// pair differs at 1% with a Bonferroni correction for the pairs looked at, so noise does not survive as a split.
    /// </summary>
    private static double[] MergeIndistinct(SortedPoints points, double[] cuts, int minSupport)
    {
        var list = cuts.ToList();
        var threshold = Distinct(cuts.Length);
        // Count once per starting bin, then merge counts: no pass over the rows per merge.
        var bins = Counts(points, list);
        while (list.Count > 0)
        {
            var best = -1;
            var bestZ = double.MaxValue;
            for (var i = 0; i + 1 < bins.Count; i++)
            {
                var z = Math.Abs(Statistics.TwoProportionZ(bins[i], bins[i + 1]));
                if (bins[i].Trials < minSupport || bins[i + 1].Trials < minSupport) z = -1;
                if (z < bestZ) (best, bestZ) = (i, z);
            }
            if (bestZ >= threshold) break;
            list.RemoveAt(best);
            bins[best] = new Proportion(bins[best].Successes + bins[best + 1].Successes, bins[best].Trials + bins[best + 1].Trials);
            bins.RemoveAt(best + 1);
        }
        return [.. list];
    }

    /// <summary>The |z| two neighbouring groups must reach to stay apart, among <paramref name="pairs"/> neighbouring pairs.</summary>
    private static double Distinct(int pairs)
    {
        var alpha = 0.01 / Math.Max(1, pairs);
        double lo = 0, hi = 10;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Statistics.ChiSquareSurvival(mid * mid, 1) > alpha) lo = mid; else hi = mid;
        }
        return hi;
    }

    /// <summary>Categories in groups of indistinguishable win rates: sorted by win rate, neighbours merged as for bins.</summary>
    private static List<string[]> GroupIndistinct(KeySpace space, CodeCounts counts, List<int> keyIds, List<string> categories)
    {
        var category = new int[space.Count];
        Array.Fill(category, -1);
        for (var i = 0; i < keyIds.Count; i++) category[keyIds[i]] = i;
        var wins = new int[categories.Count];
        var seen = new int[categories.Count];
        for (var code = 0; code < space.Codes; code++)
        {
            // An empty value has no key id among the categories: its key is empty.
            if (counts.Rows[code] == 0 || category[space.IdsOf(code)[0]] is not (>= 0 and var c)) continue;
            seen[c] += counts.Rows[code];
            wins[c] += counts.Wins[code];
        }
        var groups = Enumerable.Range(0, categories.Count)
            .OrderByDescending(c => (double)wins[c] / Math.Max(1, seen[c])).ThenBy(c => c)
            .Select(c => (Members: new List<int> { c }, Counts: new Proportion(wins[c], seen[c])))
            .ToList();
        var threshold = Distinct(groups.Count - 1);
        while (groups.Count > 1)
        {
            var best = -1;
            var bestZ = double.MaxValue;
            for (var i = 0; i + 1 < groups.Count; i++)
            {
                var z = Math.Abs(Statistics.TwoProportionZ(groups[i].Counts, groups[i + 1].Counts));
                if (z < bestZ) (best, bestZ) = (i, z);
            }
            if (bestZ >= threshold) break;
            var (a, b) = (groups[best], groups[best + 1]);
            groups[best] = ([.. a.Members, .. b.Members], new Proportion(a.Counts.Successes + b.Counts.Successes, a.Counts.Trials + b.Counts.Trials));
            groups.RemoveAt(best + 1);
        }
        // Within a group, the most common category first (the order the data showed them).
        return [.. groups.Select(g => g.Members.Order().Select(m => categories[m]).ToArray())];
    }

    private static List<Proportion> Counts(SortedPoints points, List<double> cuts)
    {
        var wins = new int[cuts.Count + 1];
        var rows = new int[cuts.Count + 1];
        // The points are sorted: walk them and the cuts together.
        var b = 0;
        for (var i = 0; i < points.X.Length; i++)
        {
            while (b < cuts.Count && points.X[i] >= cuts[b]) b++;
            rows[b] += points.Rows[i];
            wins[b] += points.Wins[i];
        }
        return [.. rows.Select((n, i) => new Proportion(wins[i], n))];
    }

    private static int Bin(double[] cuts, double x)
    {
        var b = 0;
        while (b < cuts.Length && x >= cuts[b]) b++;
        return b;
    }

    /// <summary>The rows of a number column in ascending order (as given), as distinct values with their rows and wins.</summary>
    private sealed class SortedPoints
    {
        public SortedPoints(List<(double X, int Rows, int Wins)> points)
        {
            X = [.. points.Select(p => p.X)];
            Rows = [.. points.Select(p => p.Rows)];
            Wins = [.. points.Select(p => p.Wins)];
            _before = new int[X.Length + 1];
            for (var i = 0; i < X.Length; i++) _before[i + 1] = _before[i] + Rows[i];
        }

        public double[] X { get; }
        public int[] Rows { get; }
        public int[] Wins { get; }

        /// <summary>Rows before each distinct value, and all rows at the end.</summary>
        private readonly int[] _before;

        public int Count => _before[^1];

        /// <summary>The value of the row at <paramref name="position"/> when the rows are sorted.</summary>
        public double At(int position)
        {
            // The last distinct value with fewer rows before it than the position, plus one.
            int lo = 0, hi = X.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_before[mid + 1] <= position) lo = mid + 1; else hi = mid;
            }
            return X[lo];
        }

        /// <summary>Rows whose value is below <paramref name="cut"/>.</summary>
        public int Below(double cut)
        {
            int lo = 0, hi = X.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (X[mid] < cut) lo = mid + 1; else hi = mid;
            }
            return _before[lo];
        }
    }

    /// <summary>Three significant digits: cut points people can read (and type) without changing the bins much.</summary>
    private static double Round(double x)
    {
        if (x == 0 || double.IsNaN(x) || double.IsInfinity(x)) return x;
        var digits = 2 - (int)Math.Floor(Math.Log10(Math.Abs(x)));
        if (digits >= 0) return Math.Round(x, Math.Min(digits, 10));
        var scale = Math.Pow(10, -digits);
        return Math.Round(x / scale) * scale;
    }

    internal static string Key(string value) => ValueParsers.NormaliseText(value);

    /// <summary>The tokens of a list value: <c>a; b</c> or a JSON array of strings.</summary>
    internal static IEnumerable<string> Tokens(string value)
    {
        if (value.StartsWith('['))
        {
            string[]? items = null;
            try { items = JsonSerializer.Deserialize<string[]>(value); }
            catch (JsonException) { }
            if (items is not null) return items.Select(ValueParsers.NormaliseText).Where(t => t.Length > 0);
        }
        return value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ValueParsers.NormaliseText);
    }

    internal static string Describe(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
