namespace Icp.Core.Learning;

/// <summary>Settings of one learning run. Defaults suit a few hundred to millions of rows.</summary>
/// <param name="AsOf">The date ages of date fields count back from.</param>
/// <param name="MaxSignals">At most this many soft signals in the profile.</param>
/// <param name="Ridge">L2 penalty of the logistic fit (per coefficient, on the summed log-likelihood).</param>
/// <param name="SelectionAlpha">Family-wise error rate for keeping a field: its p-value must be below this divided by the number of fields.</param>
/// <param name="LeakageAuc">A field whose values alone rank wins above losses with at least this AUC is suspected of being filled in after the outcome.</param>
public sealed record LearnerOptions(DateOnly AsOf, int MaxSignals = 12, double Ridge = 1.0, double SelectionAlpha = 0.001, double LeakageAuc = 0.95)
{
    /// <summary>Rows a category, bin or token needs to stand alone: 10, or 0.5% of the rows when that is more.</summary>
    public int MinSupport(int rows) => Math.Max(10, (int)Math.Ceiling(rows * 0.005));
}

/// <summary>
/// Learns a points profile from labelled rows: guards against leakage, proposes disqualifiers only on strong evidence,
/// keeps the fields that carry information, fits a regularised logistic model on their levels and turns it into integer
/// points. Deterministic: the same rows give the same profile.
/// </summary>
public static class ProfileLearner
{
    /// <summary>The points a profile's strongest combination adds up to, about.</summary>
    private const double PointsBudget = 100;
    private const int PointsStep = 1;
    private const double WeakAlpha = 0.05;
    private const int MinimumPoints = 3;

    public static LearnedProfile Learn(LearningData data, IReadOnlyList<(int Column, FieldKind Kind)> candidates, IReadOnlyList<int> rows, LearnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var minSupport = options.MinSupport(rows.Count);
        var wins = rows.Count(r => data.Labels[r]);
        var baseRate = (double)wins / rows.Count;
        var leftOut = new List<LeftOutColumn>();

        // 1. Levels per field, and the single-column leakage test.
        var fields = new List<FieldEncoder>();
        foreach (var (column, kind) in candidates)
        {
            var encoder = FieldEncoder.Build(data, column, kind, rows, options.AsOf, supervised: true, minSupport);
            if (encoder.Levels.Count(l => l.Kind != LevelKind.Missing) == 0)
            {
                leftOut.Add(new(data.Columns[column], $"no value occurs in {minSupport} rows or more"));
                continue;
            }
            if (!encoder.IsMultiValued && SingleFieldAuc(data, encoder, rows) is var auc && auc >= options.LeakageAuc)
            {
                leftOut.Add(new(data.Columns[column], $"suspected post-outcome: alone it ranks wins above losses with AUC {auc:0.000}"));
                continue;
            }
            fields.Add(encoder);
        }
        var names = FieldNames(fields);

        // 2. Disqualifiers: a level with no win in many rows, whose upper 95% bound is far below the base rate.
        var disqualifiers = new List<LearnedDisqualifier>();
        foreach (var field in fields.Where(f => f.Kind != FieldKind.Set))
        {
            var counts = LevelCounts(data, field, rows);
            var levels = Enumerable.Range(0, field.Levels.Count)
                .Where(l => field.Levels[l].Kind is LevelKind.Values or LevelKind.Range)
                .Where(l => counts[l].Successes == 0 && counts[l].Trials >= 30 && counts[l].Interval.High < baseRate / 3)
                .ToList();
            if (levels.Count == 0) continue;
            var evidence = Evidence(data, field, levels, rows, baseRate);
            var (_, high) = evidence.WinRate.Interval;
            disqualifiers.Add(new(new LearnedCriterion(field, names[field], levels, evidence),
                $"won {evidence.WinRate.Successes} of {evidence.WinRate.Trials:N0} (95% interval 0-{high * 100:0.0}%), base rate {baseRate * 100:0.0}%"));
        }
        var kept = rows.Where(r => !disqualifiers.Any(d => Holds(data, d.Criterion, r))).ToList();

        // 3. Field selection on unsupervised levels (quantile bins), so the supervised merging cannot flatter a noise column.
        var statistics = new List<FieldStatistics>();
        var selected = new List<FieldEncoder>();
        foreach (var field in fields)
        {
            double p;
            if (field.IsMultiValued)
            {
                var tokens = LevelCounts(data, field, kept);
                p = Enumerable.Range(0, field.Levels.Count).Where(l => field.Levels[l].Kind == LevelKind.Token)
                    .Select(l => Statistics.IndependencePValue([tokens[l], new Proportion(kept.Count(r => data.Labels[r]) - tokens[l].Successes, kept.Count - tokens[l].Trials)]) * field.Levels.Count)
                    .DefaultIfEmpty(1).Min();
            }
            else
            {
                var plain = field.Unmerged ?? FieldEncoder.Build(data, field.Column, field.Kind, kept, options.AsOf, supervised: false, minSupport);
                p = Statistics.IndependencePValue(LevelCounts(data, plain, kept));
            }
            var isSelected = p < options.SelectionAlpha / Math.Max(1, fields.Count);
            if (isSelected) selected.Add(field);
            statistics.Add(new FieldStatistics(field.ColumnName, names[field], field.Kind, Math.Min(1, p), isSelected,
                [.. LevelCounts(data, field, rows).Select((counts, l) => new LevelStatistics(LevelLabel(field, l), Evidence(counts, baseRate, rows.Count)))]));
        }
        string? note = null;
        if (selected.Count == 0 && disqualifiers.Count == 0)
        {
            // Small or weak data: rather than an empty profile, use what is suggestive and say how weak it is.
            var weak = statistics.Where(s => s.PValue < WeakAlpha).ToList();
            selected.AddRange(fields.Where(f => weak.Any(s => s.Column == f.ColumnName)));
            statistics = [.. statistics.Select(s => s with { Selected = s.PValue < WeakAlpha })];
            if (weak.Count > 0)
                note = $"weak evidence: no field passed the strict test (p < {options.SelectionAlpha / Math.Max(1, fields.Count):0.#####}), so fields with p < {WeakAlpha} were used ({string.Join(", ", weak.Select(s => $"{s.Column} {Statistics.FormatP(s.PValue)}"))}); expect the figures to move with more data";
        }

        // 4. One logistic model over the selected fields' levels, then integer points.
        var signals = selected.Count == 0 ? [] : Points(data, selected, names, kept, rows, baseRate, options);
        return new LearnedProfile(signals, disqualifiers, statistics, leftOut, baseRate, rows.Count, note);
    }

    private static List<LearnedSignal> Points(LearningData data, List<FieldEncoder> selected, Dictionary<FieldEncoder, string> names,
        List<int> kept, IReadOnlyList<int> rows, double baseRate, LearnerOptions options)
    {
        var offsets = new int[selected.Count];
        var features = 0;
        for (var f = 0; f < selected.Count; f++) { offsets[f] = features; features += selected[f].Levels.Count; }
        // Per distinct value of each field, its levels (tokens sorted), so a row's features come out sorted and unparsed.
        var codes = selected.Select(f => data.Values[f.Column].Codes).ToArray();
        var single = selected.Select(f => f.IsMultiValued ? null : f.LevelByCode(data)).ToArray();
        var multi = selected.Select(f => f.IsMultiValued ? f.LevelsByCode(data).Select(l => l.Order().ToArray()).ToArray() : null).ToArray();
        var patterns = new LogisticRegression.Patterns();
        var active = new int[features];
        foreach (var r in LearningColumn.Span(kept))
        {
            var n = 0;
            for (var f = 0; f < selected.Count; f++)
            {
                var code = codes[f][r];
                if (single[f] is { } levelOf)
                {
                    if (levelOf[code] >= 0) active[n++] = offsets[f] + levelOf[code];
                }
                else foreach (var l in multi[f]![code]) active[n++] = offsets[f] + l;
            }
            patterns.Add(active.AsSpan(0, n), data.Labels[r]);
        }
        var (weights, _) = LogisticRegression.Fit(patterns, features, options.Ridge);

        // Single-valued fields: points relative to the field's weakest level, so every point is earned, none taken away.
        // List fields: a token's own coefficient (having it versus not), which may be negative.
        var relative = new List<(int Field, int Level, double Value)>();
        double total = 0;
        for (var f = 0; f < selected.Count; f++)
        {
            var levels = selected[f].Levels;
            var w = weights.AsSpan(offsets[f], levels.Count);
            // A level with too few rows left after the disqualifiers has only its ridge prior to show: no points.
            var support = LevelCounts(data, selected[f], kept);
            var minSupport = options.MinSupport(kept.Count);
            if (selected[f].IsMultiValued)
            {
                for (var l = 0; l < levels.Count; l++)
                    if (levels[l].Kind == LevelKind.Token && support[l].Trials >= minSupport) { relative.Add((f, l, w[l])); total += Math.Max(0, w[l]); }
                continue;
            }
            var floor = double.MaxValue;
            for (var l = 0; l < levels.Count; l++) if (support[l].Trials >= minSupport) floor = Math.Min(floor, w[l]);
            if (floor == double.MaxValue) continue;
            var best = 0.0;
            for (var l = 0; l < levels.Count; l++)
            {
                if (support[l].Trials < minSupport) continue;
                relative.Add((f, l, w[l] - floor));
                best = Math.Max(best, w[l] - floor);
            }
            total += best;
        }
        if (total <= 0) return [];
        var scale = PointsBudget / total;

        var signals = new List<LearnedSignal>();
        foreach (var group in relative.Select(x => (x.Field, x.Level, x.Value, Points: PointsStep * (int)Math.Round(x.Value * scale / PointsStep, MidpointRounding.AwayFromZero)))
                                      // A point or two is below what the data can tell apart: noise, not a criterion.
                                      .Where(x => Math.Abs(x.Points) >= MinimumPoints)
                                      .GroupBy(x => (x.Field, x.Points)))
        {
            var field = selected[group.Key.Field];
            foreach (var levels in Mergeable(field, [.. group.Select(x => x.Level)]))
            {
                var coefficient = group.Where(x => levels.Contains(x.Level)).Average(x => x.Value);
                signals.Add(new LearnedSignal(new LearnedCriterion(field, names[field], levels, Evidence(data, field, levels, rows, baseRate)), group.Key.Points, coefficient));
            }
        }
        // Keep the signals that move most scores (points weighted by how evenly the criterion splits the rows), then fit
        // the model again on just those, so the points of the kept signals take over what the dropped ones explained.
        var chosen = signals
            .OrderByDescending(s => Math.Abs(s.Points) * Spread(s.Criterion.Evidence))
            .ThenBy(s => s.Criterion.FieldName, StringComparer.Ordinal)
            .Take(options.MaxSignals)
            .ToList();
        return [.. Refit(data, chosen, kept, options)
            .OrderBy(s => selected.IndexOf(s.Criterion.Field))
            .ThenByDescending(s => s.Points)
            .ThenBy(s => s.Criterion.Levels[0])];

        static double Spread(Evidence e)
        {
            var share = e.TotalRows == 0 ? 0 : (double)e.WinRate.Trials / e.TotalRows;
            return Math.Sqrt(share * (1 - share));
        }
    }

    /// <summary>Logistic fit on the chosen criteria themselves (one 0/1 feature each), turned into integer points.</summary>
    private static List<LearnedSignal> Refit(LearningData data, List<LearnedSignal> chosen, List<int> kept, LearnerOptions options)
    {
        if (chosen.Count == 0) return chosen;
        var codes = chosen.Select(s => data.Values[s.Criterion.Field.Column].Codes).ToArray();
        var levels = chosen.Select(s => s.Criterion.Field.LevelsByCode(data)).ToArray();
        var wanted = chosen.Select(s => s.Criterion.Field.Wanted(s.Criterion.Levels)).ToArray();
        var patterns = new LogisticRegression.Patterns();
        var active = new int[chosen.Count];
        foreach (var r in LearningColumn.Span(kept))
        {
            var n = 0;
            for (var s = 0; s < chosen.Count; s++)
                foreach (var l in levels[s][codes[s][r]])
                    if (wanted[s][l]) { active[n++] = s; break; }
            patterns.Add(active.AsSpan(0, n), data.Labels[r]);
        }
        var (weights, _) = LogisticRegression.Fit(patterns, chosen.Count, options.Ridge);
        // The best a row can earn: per single-valued field its best criterion (they exclude each other), plus every positive token.
        var total = chosen.Select((s, i) => (s, w: weights[i]))
            .GroupBy(x => x.s.Criterion.Field.IsMultiValued ? $"{x.s.Criterion.FieldName}\n{x.s.Criterion.Levels[0]}" : x.s.Criterion.FieldName)
            .Sum(g => Math.Max(0, g.Max(x => x.w)));
        if (total <= 0) return [];
        return [.. chosen.Select((s, i) => s with { Points = (int)Math.Round(weights[i] * PointsBudget / total, MidpointRounding.AwayFromZero), Coefficient = weights[i] })
            .Where(s => Math.Abs(s.Points) >= MinimumPoints)];
    }

    /// <summary>Levels that one criterion can express together: categories in one list; adjacent bins as one range; other, missing and tokens alone.</summary>
    private static IEnumerable<int[]> Mergeable(FieldEncoder field, List<int> levels)
    {
        levels.Sort();
        var values = levels.Where(l => field.Levels[l].Kind == LevelKind.Values).ToArray();
        if (values.Length > 0) yield return values;
        var run = new List<int>();
        foreach (var l in levels.Where(l => field.Levels[l].Kind == LevelKind.Range))
        {
            if (run.Count > 0 && run[^1] != l - 1) { yield return [.. run]; run.Clear(); }
            run.Add(l);
        }
        if (run.Count > 0) yield return [.. run];
        foreach (var l in levels.Where(l => field.Levels[l].Kind is LevelKind.Other or LevelKind.Missing or LevelKind.Token)) yield return [l];
    }

    /// <summary>Wins and rows per level over <paramref name="rows"/> (a list row counts once for each of its tokens).</summary>
    internal static Proportion[] LevelCounts(LearningData data, FieldEncoder field, IReadOnlyList<int> rows)
    {
        var won = new int[field.Levels.Count];
        var seen = new int[field.Levels.Count];
        // Per row through the per-value levels: no array as long as the column's distinct values (a million, at worst).
        var (levels, codes, labels) = (field.LevelsByCode(data), data.Values[field.Column].Codes, data.Labels);
        foreach (var r in LearningColumn.Span(rows))
            foreach (var l in levels[codes[r]]) { seen[l]++; if (labels[r]) won[l]++; }
        return [.. seen.Select((n, l) => new Proportion(won[l], n))];
    }

    internal static bool Holds(LearningData data, LearnedCriterion criterion, int row) => criterion.Field.RowIn(data, row, criterion.Levels);

    private static Evidence Evidence(LearningData data, FieldEncoder field, IReadOnlyList<int> levels, IReadOnlyList<int> rows, double baseRate)
    {
        int n = 0, won = 0;
        var wanted = field.Wanted(levels);
        var (levelsOf, codes, labels) = (field.LevelsByCode(data), data.Values[field.Column].Codes, data.Labels);
        foreach (var r in LearningColumn.Span(rows))
            foreach (var l in levelsOf[codes[r]])
            {
                if (!wanted[l]) continue;
                n++;
                if (labels[r]) won++;
                break;
            }
        return new Evidence(new Proportion(won, n), baseRate, rows.Count);
    }

    /// <summary>The evidence of single levels, from counts already made (levels of a field do not overlap, tokens aside).</summary>
    private static Evidence Evidence(Proportion counts, double baseRate, int rows) => new(counts, baseRate, rows);

    /// <summary>AUC of a field's in-sample level win rates: how well the field alone separates wins from losses.</summary>
    private static double SingleFieldAuc(LearningData data, FieldEncoder field, IReadOnlyList<int> rows)
    {
        // Every row of a level gets the level's win rate as its score, so the AUC follows from the level counts alone:
        // wins in a group beat the losses of every lower-rated group and tie with the losses of their own.
        var counts = LevelCounts(data, field, rows);
        var groups = counts.Where(c => c.Trials > 0).Select(c => (Rate: c.Rate, Wins: (double)c.Successes, Losses: (double)(c.Trials - c.Successes))).ToList();
        var unlevelled = rows.Count - counts.Sum(c => c.Trials);
        var allWins = 0;
        foreach (var r in LearningColumn.Span(rows)) if (data.Labels[r]) allWins++;
        var unlevelledWins = allWins - counts.Sum(c => c.Successes);
        if (unlevelled > 0) groups.Add((-1, unlevelledWins, unlevelled - unlevelledWins)); // rows in no level rank last
        var ordered = groups.GroupBy(g => g.Rate)
            .Select(g => (Rate: g.Key, Wins: g.Sum(x => x.Wins), Losses: g.Sum(x => x.Losses)))
            .OrderBy(g => g.Rate).ToList();
        double below = 0, pairs = 0, wins = 0, losses = 0;
        foreach (var g in ordered)
        {
            pairs += g.Wins * (below + 0.5 * g.Losses);
            below += g.Losses;
            wins += g.Wins;
            losses += g.Losses;
        }
        return wins == 0 || losses == 0 ? 0.5 : pairs / (wins * losses);
    }

    /// <summary>Unique profile field names for the fields, in their order.</summary>
    private static Dictionary<FieldEncoder, string> FieldNames(List<FieldEncoder> fields)
    {
        var names = new Dictionary<FieldEncoder, string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            var name = ColumnGuards.FieldName(field.ColumnName);
            var unique = name;
            for (var i = 2; !used.Add(unique); i++) unique = $"{name}_{i}";
            names[field] = unique;
        }
        return names;
    }

    /// <summary>A short human label for one level: "fintech", "50 to &lt; 500", "&lt; 50", "has Salesforce", "other", "(missing)".</summary>
    public static string LevelLabel(FieldEncoder field, int level)
    {
        ArgumentNullException.ThrowIfNull(field);
        var l = field.Levels[level];
        var unit = field.Kind == FieldKind.Date ? " days old" : "";
        return l.Kind switch
        {
            LevelKind.Values => string.Join(", ", l.Values),
            LevelKind.Token => "has " + l.Values[0],
            LevelKind.Other => "other",
            LevelKind.Missing => "(missing)",
            _ when l.Low is null && l.High is null => "any" + unit,
            _ when l.Low is null => $"< {FieldEncoder.Describe(l.High!.Value)}{unit}",
            _ when l.High is null => $">= {FieldEncoder.Describe(l.Low.Value)}{unit}",
            _ => $"{FieldEncoder.Describe(l.Low.Value)} to < {FieldEncoder.Describe(l.High!.Value)}{unit}",
        };
    }
}
