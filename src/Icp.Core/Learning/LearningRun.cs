using System.Globalization;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Core.Values;

namespace Icp.Core.Learning;

/// <summary>Settings of <c>icp learn</c>.</summary>
/// <param name="Seed">Seeds the hold-out split (and the baselines), so a run can be repeated byte for byte.</param>
/// <param name="Holdout">Share of rows kept back for the evaluation, 0-0.9.</param>
/// <param name="AsOf">The date recency counts back from; default: the latest date in the data's date columns.</param>
/// <param name="DateColumn">When given, the hold-out is the most recent rows by this column (train on the past, test on the future).</param>
/// <param name="Capacity">Accounts sales can work: tier A's threshold is set so about this many rows reach it.</param>
/// <param name="MaxSignals">At most this many soft signals (12 by default).</param>
/// <param name="Compare">A hand-written profile to score on the same evaluation rows, as one more baseline.</param>
public sealed record LearnOptions(int Seed = 42, double Holdout = 0.25, DateOnly? AsOf = null, string? DateColumn = null, int? Capacity = null, int MaxSignals = 12,
    ComparedProfile? Compare = null);

/// <summary>The user's own profile, compared with the learned one (<c>--compare</c>); <paramref name="AsOf"/> dates its recency criteria.</summary>
public sealed record ComparedProfile(Profile Profile, string Name, DateOnly AsOf);

/// <summary>A model's ranking quality on the evaluation rows.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Auc">Area under the ROC curve: the chance that a random win outranks a random loss.</param>
/// <param name="TopDecileLift">Win rate of the top tenth by score over the base rate.</param>
/// <param name="AucLow">Lower end of the AUC's 95% confidence interval (DeLong).</param>
/// <param name="AucHigh">Upper end of that interval.</param>
/// <param name="PValueVsProfile">For a baseline: p-value of DeLong's paired test that it ranks the rows as well as the learned profile.</param>
public sealed record ModelScore(string Model, double Auc, double TopDecileLift, double AucLow, double AucHigh, double? PValueVsProfile);

/// <summary>Wins among the evaluation rows that landed in one tier, and how many of its rows were churned customers (all losses).</summary>
public sealed record TierOutcome(string Tier, Proportion WinRate, int Churned = 0);

/// <summary>How the learned profile did on rows it was not learned from, next to the baselines on the same rows.</summary>
/// <param name="Method">How rows were split, in words.</param>
/// <param name="TrainRows">Training rows (per fold, on average, under cross-validation).</param>
/// <param name="TestRows">Rows scored by a model that did not learn from them.</param>
/// <param name="Models">The learned profile first, then naive Bayes, then any other baselines.</param>
/// <param name="Tiers">Win rate of the evaluation rows per tier of the learned profile.</param>
/// <param name="Note">Why the requested split was not used, when it was not.</param>
/// <param name="Scores">Per model (in the order of <paramref name="Models"/>), its score of every evaluation row.</param>
/// <param name="Labels">Whether each evaluation row was a win.</param>
/// <param name="Calibration">The learned profile's score as a win probability, fitted on the evaluation rows.</param>
/// <param name="Churned">Whether each evaluation row was a churned customer (a loss); null without <c>--churned</c>.</param>
public sealed record Evaluation(string Method, int TrainRows, int TestRows, IReadOnlyList<ModelScore> Models, IReadOnlyList<TierOutcome> Tiers, string? Note,
    IReadOnlyList<double[]> Scores, bool[] Labels, IReadOnlyList<CalibrationStep> Calibration, bool[]? Churned = null)
{
    public ModelScore Profile => Models[0];
}

/// <summary>Everything one <c>icp learn</c> run produced: the profile text, what it is made of, and how well it ranks.</summary>
/// <remarks><c>Churned</c>: rows of churned customers (<c>--churned</c>), counted as losses; <c>WonThenChurned</c>: those whose outcome was a win.</remarks>
public sealed record LearningResult(string ProfileYaml, LearnedProfile Profile, Evaluation Evaluation, IReadOnlyList<LeftOutColumn> LeftOut,
    IReadOnlyList<TierThreshold> Tiers, DateOnly? AsOf, int Rows, int Wins, int BlankOutcomes, int OtherOutcomes, int Churned = 0, int WonThenChurned = 0);

/// <summary>
/// The whole learning procedure with its honest evaluation: guard the columns, split (stratified hold-out, time-based,
/// or k-fold cross-validation when the hold-out would be too small), learn on the training rows, score the held-out
/// rows with the written profile through the real scorer, compare with naive Bayes and any other baselines on the same
/// split, and finally learn the profile that is written from all rows.
/// </summary>
public static class LearningRun
{
    public const string NaiveBayesName = "naive Bayes (Laplace)";
    private const int MinimumPerClass = 5;
    private const int HoldoutMinimumPerClass = 10;

    public static LearningResult Run(LearningData data, LearnOptions options, IReadOnlyList<IBaselineModel> baselines)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baselines);
        if (options.Holdout is <= 0 or > 0.9) throw new InputException($"--holdout must be above 0 and at most 0.9, got {options.Holdout.ToString(CultureInfo.InvariantCulture)}");
        if (options.Capacity is <= 0) throw new InputException($"--capacity must be a positive number of accounts, got {options.Capacity}");
        var wins = data.Wins;
        var losses = data.RowCount - wins;
        if (Math.Min(wins, losses) < MinimumPerClass)
            throw new InputException($"{data.SourceName} has {wins} wins and {losses} losses: learning needs at least {MinimumPerClass} of each", new SourceLocation(data.SourceName, 1, data.OutcomeColumn + 1, data.Columns[data.OutcomeColumn]));

        var (candidates, leftOut) = Candidates(data);
        if (candidates.Count == 0)
            throw new InputException($"{data.SourceName} has no column to learn from: {string.Join("; ", leftOut.Select(l => $"{l.Column}: {l.Reason}"))}", new SourceLocation(data.SourceName, 1));
        var asOf = options.AsOf ?? LatestDate(data, candidates);
        var learner = new LearnerOptions(asOf ?? DateOnly.MinValue, options.MaxSignals);
        var batch = new RowBatch(data.Columns.Count, ScoringPipeline.BatchRows);

        var evaluation = Evaluate(data, candidates, options, learner, baselines, batch);
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        var final = ProfileLearner.Learn(data, candidates, all, learner);
        final = final with { LeftOut = [.. leftOut, .. final.LeftOut] };
        if (final.IsEmpty)
            throw new InputException($"no criterion could be learned from {data.SourceName}: no column tells wins from losses clearly enough, in levels of {learner.MinSupport(data.RowCount)} rows or more (best: "
                + string.Join(", ", final.Fields.OrderBy(f => f.PValue).Take(5).Select(f => $"{f.Column} {Statistics.FormatP(f.PValue)}"))
                + "); no profile written. More rows, or other columns, may show a difference.", new SourceLocation(data.SourceName, 1));
        var name = ProfileName(data.SourceName);
        var description = $"Learned from {FileName(data.SourceName)}: {final.Signals.Count} signals, {final.Disqualifiers.Count} disqualifiers.";
        var scores = ScoreRows(ProfileWriter.Write(final, name, description, [], [new("A", 1)], asOf ?? DateOnly.MinValue), data, batch, all, asOf);
        var tiers = Tiers(scores.Scores, options.Capacity);
        var header = Header(data, options, asOf, evaluation, final);
        var yaml = ProfileWriter.Write(final, name, description, header, tiers, asOf ?? DateOnly.MinValue);
        return new LearningResult(yaml, final, evaluation, final.LeftOut, tiers, asOf, data.RowCount, wins, data.BlankOutcomes, data.OtherOutcomes, data.ChurnedRows, data.WonThenChurned);
    }

    /// <summary>Columns worth learning from with their kinds, and the others with the reason each was left out.</summary>
    public static (List<(int Column, FieldKind Kind)> Candidates, List<LeftOutColumn> LeftOut) Candidates(LearningData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var candidates = new List<(int, FieldKind)>();
        var leftOut = new List<LeftOutColumn>();
        for (var c = 0; c < data.Columns.Count; c++)
        {
            if (c == data.OutcomeColumn) continue;
            if (data.LabelColumns.TryGetValue(c, out var labelReason)) { leftOut.Add(new(data.Columns[c], labelReason)); continue; }
            if (data.ExcludedColumns.Contains(c)) { leftOut.Add(new(data.Columns[c], "excluded by --exclude-columns")); continue; }
            var (kind, reason) = ColumnGuards.Inspect(data, c);
            if (kind is { } k) candidates.Add((c, k));
            else leftOut.Add(new(data.Columns[c], reason!));
        }
        return (candidates, leftOut);
    }

    private static Evaluation Evaluate(LearningData data, List<(int Column, FieldKind Kind)> candidates, LearnOptions options, LearnerOptions learner,
        IReadOnlyList<IBaselineModel> baselines, RowBatch batch)
    {
        var (folds, method, note) = Split(data, options);
        var compared = options.Compare is { } c
            ? CompiledProfile.Compile(c.Profile, new ColumnResolver(data.Columns, data.SourceName), new ScoringOptions(c.AsOf))
            : null;
        var first = compared is null ? 2 : 3; // learned, naive Bayes, [the user's profile], other baselines
        var models = first + baselines.Count;
        var testRows = folds.SelectMany(f => f.Test).ToArray();
        var scores = new double[models][];
        for (var m = 0; m < models; m++) scores[m] = new double[testRows.Length];
        var tierNames = new string[testRows.Length];
        var at = 0;
        var trainRows = 0;
        foreach (var (train, test) in folds)
        {
            trainRows += train.Length;
            var learned = ProfileLearner.Learn(data, candidates, train, learner);
            var scored = learned.IsEmpty ? (Scores: new int[test.Length], Tiers: Enumerable.Repeat("D", test.Length).ToArray()) : ScoreFold(data, batch, learner, learned, train, test);
            // The baselines read every candidate field with plain (unsupervised) levels learned from the same training rows.
            var fields = candidates.Select(c => FieldEncoder.Build(data, c.Column, c.Kind, train, learner.AsOf, supervised: false, learner.MinSupport(train.Length))).ToList();
            var bayes = NaiveBayes.Fit(data, fields, train);
            var trainMatrix = baselines.Count == 0 ? null : FeatureMatrix.Build(data, fields, train);
            var testMatrix = baselines.Count == 0 ? null : FeatureMatrix.Build(data, fields, test);
            var other = baselines.Select(b => b.FitAndScore(trainMatrix!, testMatrix!, options.Seed)).ToList();
            var ownScores = compared is null ? [] : ScoreRows(compared, data, batch, test).Scores;
            for (var i = 0; i < test.Length; i++)
            {
                scores[0][at + i] = scored.Scores[i];
                tierNames[at + i] = scored.Tiers[i];
                scores[1][at + i] = bayes.Score(data, test[i]);
                if (compared is not null) scores[2][at + i] = ownScores[i];
                for (var b = 0; b < other.Count; b++) scores[first + b][at + i] = other[b][i];
            }
            at += test.Length;
        }
        var labels = testRows.Select(r => data.Labels[r]).ToArray();
        var names = new[] { "learned profile", NaiveBayesName }.Concat(options.Compare is { } own ? [$"your profile ({own.Name})"] : []).Concat(baselines.Select(b => b.Name)).ToList();
        var results = names.Select((n, m) =>
        {
            var (_, low, high) = AucUncertainty.Interval(scores[m], labels);
            return new ModelScore(n, Statistics.Auc(scores[m], labels), Statistics.TopDecileLift(scores[m], labels), low, high,
                m == 0 ? null : AucUncertainty.DifferencePValue(scores[0], scores[m], labels));
        }).ToList();
        var churned = data.ChurnedRows == 0 ? null : testRows.Select(r => data.Churned[r]).ToArray();
        var byTier = tierNames.Select((t, i) => (Tier: t, Won: labels[i], Churned: churned?[i] ?? false)).GroupBy(x => x.Tier)
            .Select(g => new TierOutcome(g.Key, new Proportion(g.Count(x => x.Won), g.Count()), g.Count(x => x.Churned)))
            .OrderBy(t => t.Tier == "excluded" ? 1 : 0).ThenBy(t => t.Tier, StringComparer.Ordinal).ToList();
        return new Evaluation(method, trainRows / folds.Count, testRows.Length, results, byTier, note, scores, labels, Calibration.Fit(scores[0], labels), churned);
    }

    /// <summary>Scores the test rows with a fold's profile, its tiers set from its own training rows.</summary>
    private static (int[] Scores, string[] Tiers) ScoreFold(LearningData data, RowBatch batch, LearnerOptions learner, LearnedProfile learned, int[] train, int[] test)
    {
        var trainScores = ScoreRows(ProfileWriter.Write(learned, "fold", "", [], [new("A", 1)], learner.AsOf), data, batch, train, learner.AsOf).Scores;
        var tiers = Tiers(trainScores, null);
        return ScoreRows(ProfileWriter.Write(learned, "fold", "", [], tiers, learner.AsOf), data, batch, test, learner.AsOf);
    }

    private static (List<(int[] Train, int[] Test)> Folds, string Method, string? Note) Split(LearningData data, LearnOptions options)
    {
        var random = new Random(options.Seed);
        var positives = Shuffled(Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r]).ToArray(), random);
        var negatives = Shuffled(Enumerable.Range(0, data.RowCount).Where(r => !data.Labels[r]).ToArray(), random);
        string? note = null;
        if (options.DateColumn is { } dateColumn)
        {
            var column = new ColumnResolver(data.Columns, data.SourceName).Find(dateColumn);
            if (column < 0)
                throw new InputException($"--date '{dateColumn}' is not a column of {data.SourceName}{DidYouMean.Hint(dateColumn, data.Columns)}", new SourceLocation(data.SourceName, 1));
            var dated = Enumerable.Range(0, data.RowCount)
                .Select(r => (Row: r, Ok: ValueParsers.TryParseDate(data.Values[column][r], out var d), Date: d))
                .ToList();
            if (dated.Count(x => x.Ok) == 0)
                throw new InputException($"--date '{data.Columns[column]}': no value in {data.SourceName} is a date", new SourceLocation(data.SourceName, 1, column + 1, data.Columns[column]));
            var ordered = dated.Where(x => x.Ok).OrderBy(x => x.Date).ThenBy(x => x.Row).Select(x => x.Row).ToArray();
            var cut = ordered.Length - (int)Math.Round(ordered.Length * options.Holdout);
            var test = ordered[cut..];
            var testWins = test.Count(r => data.Labels[r]);
            if (Math.Min(testWins, test.Length - testWins) >= HoldoutMinimumPerClass)
            {
                var train = dated.Where(x => !x.Ok).Select(x => x.Row).Concat(ordered[..cut]).Order().ToArray();
                var from = dated.Where(x => x.Ok).Select(x => x.Date).OrderBy(d => d).ElementAt(cut);
                return ([(train, test)], $"time-based hold-out: the {test.Length:N0} most recent rows by {data.Columns[column]} (from {from:yyyy-MM-dd})", null);
            }
            note = $"the most recent {options.Holdout * 100:0}% by {data.Columns[column]} hold {testWins} wins and {test.Length - testWins} losses, too few to measure";
        }
        var testPositives = (int)Math.Round(positives.Length * options.Holdout);
        var testNegatives = (int)Math.Round(negatives.Length * options.Holdout);
        if (note is null && Math.Min(testPositives, testNegatives) >= HoldoutMinimumPerClass)
        {
            var test = positives[..testPositives].Concat(negatives[..testNegatives]).Order().ToArray();
            var train = positives[testPositives..].Concat(negatives[testNegatives..]).Order().ToArray();
            return ([(train, test)], $"stratified hold-out: {options.Holdout * 100:0}% of rows (seed {options.Seed})", null);
        }
        note ??= $"a {options.Holdout * 100:0}% hold-out would hold {testPositives} wins and {testNegatives} losses, too few to measure";
        var k = Math.Min(5, Math.Min(positives.Length, negatives.Length));
        var folds = new List<(int[], int[])>();
        for (var f = 0; f < k; f++)
        {
            var test = positives.Where((_, i) => i % k == f).Concat(negatives.Where((_, i) => i % k == f)).Order().ToArray();
            var train = Enumerable.Range(0, data.RowCount).Except(test).ToArray();
            folds.Add((train, test));
        }
        return (folds, $"{k}-fold stratified cross-validation (seed {options.Seed})", note + $": {k}-fold cross-validation instead, every row scored by a profile learned without it");
    }

    private static int[] Shuffled(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }

    /// <summary>Tier thresholds from score quantiles: A the top fifth (or <paramref name="capacity"/> rows), B the top half, C the top four fifths.</summary>
    public static IReadOnlyList<TierThreshold> Tiers(IReadOnlyList<int> scores, int? capacity)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sorted = scores.Where(s => s >= 0).OrderDescending().ToArray();
        if (sorted.Length == 0) return [new("A", 1)];
        int At(double share) => sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
        var a = capacity is { } n ? sorted[Math.Clamp(n - 1, 0, sorted.Length - 1)] : At(0.2);
        var b = At(0.5);
        var c = At(0.8);
        var tiers = new List<TierThreshold> { new("A", Math.Max(1, a)) };
        if (Math.Min(b, tiers[^1].Minimum - 1) is var bb && bb >= 1) tiers.Add(new("B", bb));
        if (tiers.Count == 2 && Math.Min(c, tiers[^1].Minimum - 1) is var cc && cc >= 1) tiers.Add(new("C", cc));
        return tiers;
    }

    /// <summary>Scores rows with the profile text through the real loader, compiler and evaluator; excluded rows score -1.</summary>
    private static (int[] Scores, string[] Tiers) ScoreRows(string yaml, LearningData data, RowBatch batch, IReadOnlyList<int> rows, DateOnly? asOf)
    {
        var loaded = ProfileLoader.Parse(yaml, "learned profile");
        // The writer's output must always load: a failure here is a bug in icp, not in the user's data.
        var profile = loaded.Profile ?? throw new InvalidOperationException(
            "icp learn wrote a profile it cannot load: " + string.Join("; ", loaded.Errors.Select(e => e.ToString())) + "\n" + yaml);
        return ScoreRows(CompiledProfile.Compile(profile, new ColumnResolver(data.Columns, data.SourceName), new ScoringOptions(asOf ?? DateOnly.MinValue)), data, batch, rows);
    }

    private static (int[] Scores, string[] Tiers) ScoreRows(CompiledProfile compiled, LearningData data, RowBatch batch, IReadOnlyList<int> rows)
    {
        var profile = compiled.Profile;
        var evaluator = compiled.CreateEvaluator();
        var scores = new int[rows.Count];
        var tiers = new string[rows.Count];
        var thresholds = profile.Tiers;
        // The rows go through the scorer a batch at a time, as they would from a file: no second copy of the table.
        for (var start = 0; start < rows.Count; start += batch.Capacity)
        {
            batch.Clear();
            var end = Math.Min(rows.Count, start + batch.Capacity);
            for (var i = start; i < end; i++)
            {
                batch.BeginRow(data.Lines[rows[i]]);
                for (var c = 0; c < data.Columns.Count; c++) batch.AddField(data.Values[c][rows[i]]);
                batch.EndRow();
            }
            for (var i = start; i < end; i++)
            {
                var result = evaluator.Evaluate(batch, i - start);
                scores[i] = result.Excluded ? -1 : result.Score;
                tiers[i] = result.Excluded ? "excluded" : result.Tier < thresholds.Tiers.Length ? thresholds.Tiers[result.Tier].Name : thresholds.Floor;
            }
        }
        return (scores, tiers);
    }

    private static DateOnly? LatestDate(LearningData data, List<(int Column, FieldKind Kind)> candidates)
    {
        DateOnly? latest = null;
        foreach (var (column, _) in candidates.Where(c => c.Kind == FieldKind.Date))
            foreach (var v in data.Values[column].Distinct)
                if (ValueParsers.TryParseDate(v, out var d) && (latest is null || d > latest)) latest = d;
        return latest;
    }

    private static List<string> Header(LearningData data, LearnOptions options, DateOnly? asOf, Evaluation evaluation, LearnedProfile final)
    {
        var outcome = data.Columns[data.OutcomeColumn];
        var lines = new List<string>
        {
            $"Learned by 'icp learn' from {FileName(data.SourceName)}: {data.RowCount:N0} rows with an outcome in '{outcome}', {data.Wins:N0} wins ({100.0 * data.Wins / data.RowCount:0.0}%)"
                + (data.BlankOutcomes > 0 ? $"; {data.BlankOutcomes:N0} rows with a blank outcome skipped" : "")
                + (data.OtherOutcomes > 0 ? $"; {data.OtherOutcomes:N0} rows with an outcome neither won nor lost skipped" : "") + ".",
            $"Seed {options.Seed}; as of {(asOf is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(no dates in the data)")}.",
            $"Evaluation, {evaluation.Method}: AUC {evaluation.Profile.Auc:0.000} (naive Bayes {evaluation.Models[1].Auc:0.000}), top-decile lift {evaluation.Profile.TopDecileLift:0.00}.",
        };
        lines.Add("Win probability by score on those rows (isotonic fit): " + Calibration.Describe(evaluation.Calibration) + ".");
        if (data.Labelling is { } labelling) lines.Add("Outcome: " + labelling + ".");
        if (evaluation.Note is { } note) lines.Add("Note: " + note + ".");
        if (final.Note is { } weak) lines.Add("Note: " + weak + ".");
        lines.Add("Left out:" + (final.LeftOut.Count == 0 ? " nothing." : ""));
        lines.AddRange(final.LeftOut.Select(l => $"  {l.Column}: {l.Reason}"));
        lines.Add("Evidence beside each criterion, over all rows: support, wins and win rate (95% Wilson interval), lift over the base rate.");
        lines.Add("Points: an L2-regularised logistic model on the binned fields, scaled so the best combination is about 100.");
        lines.Add("");
        return lines;
    }

    private static string FileName(string source) => source == "stdin" ? source : Path.GetFileName(source);

    private static string ProfileName(string source)
    {
        var stem = source == "stdin" ? "stdin" : Path.GetFileNameWithoutExtension(source);
        var cleaned = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        return "learned-" + (cleaned.Length == 0 ? "profile" : cleaned);
    }
}
