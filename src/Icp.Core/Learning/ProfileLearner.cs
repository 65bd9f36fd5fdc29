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
    private const int Resamples = 5;
    private const int ResampleSeed = 20261123;
    private const int StableResamples = 4;
    /// <summary>
    /// A criterion of a selected field joins the profile when its score test, given the criteria already chosen, gives
    /// p &lt; 0.05 (chi-square, 1 degree of freedom). Its field has passed the strict test already; this only stops adding
    /// criteria that the others explain.
    /// </summary>
    private const double SignalChiSquare = 3.841;

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
        // The test is repeated on five bootstrap resamples of the rows: a field must pass in four of them too, so one that
        // passes only thanks to a few particular rows stays out. Resamples are as large as the data (Poisson weights), so
        // the repeat costs no power, unlike subsamples.
        var strict = options.SelectionAlpha / Math.Max(1, fields.Count);
        var resamples = PoissonResamples(kept.Count);
        var tests = new List<(FieldEncoder Field, double P, double[] ResampledP)>();
        foreach (var field in fields)
        {
            var levels = field.IsMultiValued ? field : field.Unmerged ?? FieldEncoder.Build(data, field.Column, field.Kind, kept, options.AsOf, supervised: false, minSupport);
            var counts = WeightedLevelCounts(data, levels, kept, resamples, out var totals);
            var resampledP = new double[Resamples];
            for (var b = 0; b < Resamples; b++) resampledP[b] = SelectionPValue(field, counts[b + 1], totals[b + 1]);
            tests.Add((field, SelectionPValue(field, counts[0], totals[0]), resampledP));
        }
        var alpha = tests.Any(t => Passes(t, strict)) || disqualifiers.Count > 0 ? strict : WeakAlpha;
        var statistics = new List<FieldStatistics>();
        var selected = new List<FieldEncoder>();
        foreach (var test in tests)
        {
            var isSelected = Passes(test, alpha);
            if (isSelected) selected.Add(test.Field);
            statistics.Add(new FieldStatistics(test.Field.ColumnName, names[test.Field], test.Field.Kind, Math.Min(1, test.P), isSelected,
                [.. LevelCounts(data, test.Field, rows).Select((counts, l) => new LevelStatistics(LevelLabel(test.Field, l), Evidence(counts, baseRate, rows.Count)))],
                test.ResampledP.Count(p => p < alpha)));
        }
        string? note = null;
        if (alpha == WeakAlpha && selected.Count > 0)
        {
            // Small or weak data: rather than an empty profile, use what is suggestive and say how weak it is.
            note = $"weak evidence: no field passed the strict test (p < {strict:0.#####} on all rows and on {StableResamples} of {Resamples} resamples), so fields with p < {WeakAlpha} were used ("
                + string.Join(", ", statistics.Where(s => s.Selected).Select(s => $"{s.Column} {Statistics.FormatP(s.PValue)}")) + "); expect the figures to move with more data";
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
        var rowWeights = data.RowWeights(kept);
        var keptRows = LearningColumn.Span(kept);
        for (var i = 0; i < keptRows.Length; i++)
        {
            var r = keptRows[i];
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
            patterns.Add(active.AsSpan(0, n), data.Labels[r], rowWeights?[i] ?? 1);
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

        // Candidate criteria: the levels of a field that earn the same points, and (single-valued fields) the levels that
        // earn at least so many, so one criterion can stand for "any of the better levels".
        var candidates = new List<(int Field, int[] Levels)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rounded = relative.Select(x => (x.Field, x.Level, Points: PointsStep * (int)Math.Round(x.Value * scale / PointsStep, MidpointRounding.AwayFromZero)))
            // A point or two is below what the data can tell apart: noise, not a criterion.
            .Where(x => Math.Abs(x.Points) >= MinimumPoints)
            .ToList();
        foreach (var group in rounded.GroupBy(x => x.Field))
        {
            var field = selected[group.Key];
            var sets = group.GroupBy(x => x.Points).Select(g => g.Select(x => x.Level).ToList()).ToList();
            if (!field.IsMultiValued)
                sets.AddRange(group.Select(x => x.Points).Where(p => p > 0).Distinct()
                    .Select(p => group.Where(x => x.Points >= p).Select(x => x.Level).ToList()));
            foreach (var set in sets)
                foreach (var levels in Mergeable(field, set))
                    if (seen.Add($"{group.Key}:{string.Join(',', levels)}")) candidates.Add((group.Key, levels));
        }
        // Choose the signals one at a time, each the criterion that adds most to those already chosen (score test), then
        // fit the model again on just those, so the points of the kept signals take over what the dropped ones explained.
        var chosen = Choose(candidates, offsets, features, patterns, options)
            .Select(c => new LearnedSignal(new LearnedCriterion(selected[c.Field], names[selected[c.Field]], c.Levels, Evidence(data, selected[c.Field], c.Levels, rows, baseRate)), 0, 0))
            .ToList();
        return [.. Refit(data, chosen, kept, rowWeights, options)
            .OrderBy(s => selected.IndexOf(s.Criterion.Field))
            .ThenByDescending(s => s.Points)
            .ThenBy(s => s.Criterion.Levels[0])];
    }

    /// <summary>
    /// Forward selection among the candidate criteria. A row's candidates follow from its levels, so the full model's
    /// patterns of levels, with their (weighted) rows and wins, collapse into patterns of candidates without another pass over the rows.
    /// </summary>
    private static List<(int Field, int[] Levels)> Choose(List<(int Field, int[] Levels)> candidates, int[] offsets, int features,
        LogisticRegression.Patterns levels, LearnerOptions options)
    {
        var byFeature = new List<int>[features];
        for (var f = 0; f < features; f++) byFeature[f] = [];
        for (var c = 0; c < candidates.Count; c++)
            foreach (var l in candidates[c].Levels) byFeature[offsets[candidates[c].Field] + l].Add(c);
        var patterns = new LogisticRegression.Patterns();
        var holds = new List<int>();
        for (var p = 0; p < levels.Count; p++)
        {
            holds.Clear();
            foreach (var f in levels.Features(p)) holds.AddRange(byFeature[f]);
            holds.Sort();
            patterns.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(holds), levels.Rows[p], levels.Wins[p]);
        }
        var order = ForwardSelection.Select(patterns, candidates.Count, options.MaxSignals, options.Ridge, SignalChiSquare);
        return [.. order.Select(c => candidates[c])];
    }

    /// <summary>Logistic fit on the chosen criteria themselves (one 0/1 feature each), turned into integer points.</summary>
    private static List<LearnedSignal> Refit(LearningData data, List<LearnedSignal> chosen, List<int> kept, double[]? rowWeights, LearnerOptions options)
    {
        if (chosen.Count == 0) return chosen;
        var codes = chosen.Select(s => data.Values[s.Criterion.Field.Column].Codes).ToArray();
        var levels = chosen.Select(s => s.Criterion.Field.LevelsByCode(data)).ToArray();
        var wanted = chosen.Select(s => s.Criterion.Field.Wanted(s.Criterion.Levels)).ToArray();
        var patterns = new LogisticRegression.Patterns();
        var active = new int[chosen.Count];
        var keptRows = LearningColumn.Span(kept);
        for (var i = 0; i < keptRows.Length; i++)
        {
            var r = keptRows[i];
            var n = 0;
            for (var s = 0; s < chosen.Count; s++)
                foreach (var l in levels[s][codes[s][r]])
                    if (wanted[s][l]) { active[n++] = s; break; }
            patterns.Add(active.AsSpan(0, n), data.Labels[r], rowWeights?[i] ?? 1);
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

    /// <summary>
    /// p-value of "the outcome does not depend on this field": over its levels, or for a list field the smallest over its
    /// tokens (having it versus not), Bonferroni-corrected for the number of tokens.
    /// </summary>
    private static double SelectionPValue(FieldEncoder field, Proportion[] counts, Proportion total)
    {
        if (!field.IsMultiValued) return Statistics.IndependencePValue(counts);
        var p = 1.0;
        for (var l = 0; l < field.Levels.Count; l++)
            if (field.Levels[l].Kind == LevelKind.Token)
                p = Math.Min(p, Statistics.IndependencePValue([counts[l], Minus(total, counts[l])]) * field.Levels.Count);
        return p;
    }

    private static bool Passes((FieldEncoder Field, double P, double[] ResampledP) test, double alpha) =>
        test.P < alpha && test.ResampledP.Count(p => p < alpha) >= StableResamples;

    /// <summary>
    /// Bootstrap weights, one set per resample: how often each row is drawn, Poisson(1) (the limit of n draws from n rows
    /// with replacement). Seeded, so the same rows give the same profile.
    /// </summary>
    private static byte[][] PoissonResamples(int rows)
    {
        var random = new Random(ResampleSeed);
        var limit = Math.Exp(-1);
        var weights = new byte[Resamples][];
        for (var b = 0; b < Resamples; b++)
        {
            weights[b] = new byte[rows];
            for (var r = 0; r < rows; r++)
            {
                var k = 0;
                for (var product = random.NextDouble(); product > limit && k < byte.MaxValue; product *= random.NextDouble()) k++;
                weights[b][r] = (byte)k;
            }
        }
        return weights;
    }

    /// <summary>Level counts over <paramref name="rows"/> once as they are ([0]) and once per resample ([1..]), with wins and rows in all.</summary>
    private static Proportion[][] WeightedLevelCounts(LearningData data, FieldEncoder field, List<int> rows, byte[][] resamples, out Proportion[] totals)
    {
        var sets = resamples.Length + 1;
        var won = new int[sets, field.Levels.Count];
        var seen = new int[sets, field.Levels.Count];
        var totalWon = new int[sets];
        var totalSeen = new int[sets];
        // Per row through the per-value levels, as LevelCounts does: this runs for every field over every kept row.
        var (levelsOf, codes, labels) = (field.LevelsByCode(data), data.Values[field.Column].Codes, data.Labels);
        for (var i = 0; i < rows.Count; i++)
        {
            var label = labels[rows[i]];
            var levels = levelsOf[codes[rows[i]]];
            for (var s = 0; s < sets; s++)
            {
                var weight = s == 0 ? 1 : resamples[s - 1][i];
                if (weight == 0) continue;
                totalSeen[s] += weight;
                if (label) totalWon[s] += weight;
                foreach (var l in levels) { seen[s, l] += weight; if (label) won[s, l] += weight; }
            }
        }
        totals = [.. Enumerable.Range(0, sets).Select(s => new Proportion(totalWon[s], totalSeen[s]))];
        return [.. Enumerable.Range(0, sets).Select(s => Enumerable.Range(0, field.Levels.Count).Select(l => new Proportion(won[s, l], seen[s, l])).ToArray())];
    }

    private static Proportion Minus(Proportion a, Proportion b) => new(a.Successes - b.Successes, a.Trials - b.Trials);

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
