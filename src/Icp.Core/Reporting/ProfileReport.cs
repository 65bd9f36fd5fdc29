using System.Globalization;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Core.Values;
using static System.FormattableString;

namespace Icp.Core.Reporting;

/// <summary>
/// Validates a profile against outcomes: scores each deal's account, splits deals into in-ICP and out-of-ICP
/// (and per tier), and compares win rate, sales-cycle length and deal value with a test for each difference.
/// </summary>
public static class ProfileReport
{
    private const int ExamplesKept = 5;

    /// <summary>Builds the report.</summary>
    /// <param name="profile">The profile under test.</param>
    /// <param name="accounts">The rows the profile scores. Without <paramref name="deals"/> each row is also a deal.</param>
    /// <param name="deals">Deals with outcomes, joined to <paramref name="accounts"/> by <see cref="ReportOptions.Key"/>; null when the accounts rows are the deals.</param>
    /// <param name="options">Columns, join key, in-ICP definition and test settings.</param>
    /// <exception cref="InputException">a named column is missing, the data has no outcome at all, no deal matches an account, or (strict) a value does not parse.</exception>
    public static ValidationReport Build(Profile profile, ITableReader accounts, ITableReader? deals, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        var compiled = CompiledProfile.Compile(profile, new ColumnResolver(accounts.Columns, accounts.SourceName), options.Scoring);
        var segments = new Segmenter(profile, options.MinTier);
        var dealSource = deals ?? accounts;
        var fields = DealFields.Resolve(dealSource, options.Columns);
        var criteria = profile.Must.Select(m => ("must", m.Label ?? m.Condition.Describe()))
            .Concat(profile.Exclude.Select(e => ("exclude", e.Label ?? e.Condition.Describe())))
            .Concat(profile.Signals.Select(g => ("signal", g.Label ?? g.Condition.Describe()))).ToList();
        var tally = new Tally(segments, fields, options.Scoring.Strict, dealSource, options.Period, options.ReviewRows, criteria);
        var evaluator = compiled.CreateEvaluator();
        JoinSummary? join = null;

        if (deals is null)
        {
            var batch = new RowBatch(accounts.Columns.Count, ScoringPipeline.BatchRows);
            while (accounts.ReadBatch(batch))
                for (var r = 0; r < batch.Count; r++)
                    tally.Add(batch, r, Fit(evaluator, batch, r, batch[r, 0].ToString()));
        }
        else join = JoinAndTally(accounts, deals, options.Key, evaluator, tally);

        if (tally.Rows == 0) throw new InputException($"{dealSource.SourceName} has no deals to report on", new SourceLocation(dealSource.SourceName));
        if (fields.Outcome >= 0 && tally.TotalWon + tally.TotalLost == 0)
            throw new InputException(
                $"no outcome data: no value of '{dealSource.Columns[fields.Outcome]}' is {Words(fields.Won)} or {Words(fields.Lost)}"
                + $" (values seen: {string.Join(", ", tally.OutcomeValuesSeen.Take(10))}); name the outcome values with --won and --lost",
                new SourceLocation(dealSource.SourceName, 1, 0, dealSource.Columns[fields.Outcome]));
        return Assemble(profile, options, segments, fields, tally, join, dealSource.Columns);
    }

    private static string Words(IReadOnlyCollection<string> values) => string.Join(" / ", values);

    private static JoinSummary JoinAndTally(ITableReader accounts, ITableReader deals, string? key, FitEvaluator evaluator, Tally tally)
    {
        var (accountKey, dealKey) = ResolveKey(accounts, deals, key);
        var fits = new Dictionary<string, (AccountFit Fit, long Line)>(StringComparer.OrdinalIgnoreCase);
        var batch = new RowBatch(accounts.Columns.Count, ScoringPipeline.BatchRows);
        while (accounts.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++)
            {
                var id = batch[r, accountKey].Trim().ToString();
                if (id.Length == 0) continue; // an account without a key cannot own a deal
                if (!fits.TryAdd(id, (Fit(evaluator, batch, r, id), batch.LineOf(r))))
                    throw new InputException(
                        $"key '{id}' of column '{accounts.Columns[accountKey]}' appears twice (lines {fits[id].Line} and {batch.LineOf(r)}): each account needs its own key to join deals to",
                        new SourceLocation(accounts.SourceName, batch.LineOf(r), 0, accounts.Columns[accountKey]));
            }

        long rows = 0, blank = 0, matched = 0, unmatched = 0;
        var examples = new List<string>();
        var deal = new RowBatch(deals.Columns.Count, ScoringPipeline.BatchRows);
        while (deals.ReadBatch(deal))
            for (var r = 0; r < deal.Count; r++)
            {
                rows++;
                var id = deal[r, dealKey].Trim();
                if (id.IsEmpty) { blank++; continue; }
                if (!fits.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var match))
                {
                    unmatched++;
                    if (examples.Count < ExamplesKept && !examples.Contains(id.ToString())) examples.Add(id.ToString());
                    continue;
                }
                matched++;
                tally.Add(deal, r, match.Fit);
            }
        var summary = new JoinSummary(accounts.Columns[accountKey], deals.Columns[dealKey], rows, blank, matched, unmatched, examples);
        if (matched == 0 && rows > blank)
            throw new InputException(
                Invariant($"no deal matched an account: none of the {rows - blank:N0} values of '{summary.DealKeyColumn}' is a '{summary.KeyColumn}' of {accounts.SourceName}")
                + $" (e.g. '{examples[0]}'); check --key",
                new SourceLocation(deals.SourceName, 1, 0, summary.DealKeyColumn));
        return summary;
    }

    internal static (int Account, int Deal) ResolveKey(ITableReader accounts, ITableReader deals, string? key)
    {
        var accountColumns = new ColumnResolver(accounts.Columns, accounts.SourceName);
        var dealColumns = new ColumnResolver(deals.Columns, deals.SourceName);
        if (key is null)
        {
            for (var i = 0; i < accounts.Columns.Count; i++)
                if (dealColumns.Find(accounts.Columns[i]) is var d and >= 0) return (i, d);
            throw new InputException($"no column of {accounts.SourceName} is also a column of {deals.SourceName}: name the join key with --key ACCOUNT_COLUMN=DEAL_COLUMN",
                new SourceLocation(deals.SourceName, 1));
        }
        var parts = key.Split('=', 2, StringSplitOptions.TrimEntries);
        var (accountName, dealName) = parts.Length == 2 ? (parts[0], parts[1]) : (key.Trim(), key.Trim());
        var a = accountColumns.Find(accountName);
        if (a < 0) throw new InputException($"--key column '{accountName}' is not a column of {accounts.SourceName}{DidYouMean.Hint(accountName, accounts.Columns)}", new SourceLocation(accounts.SourceName, 1));
        var b = dealColumns.Find(dealName);
        if (b < 0) throw new InputException($"--key column '{dealName}' is not a column of {deals.SourceName}{DidYouMean.Hint(dealName, deals.Columns)}", new SourceLocation(deals.SourceName, 1));
        return (a, b);
    }

    private static ValidationReport Assemble(Profile profile, ReportOptions options, Segmenter segments, DealFields fields, Tally tally, JoinSummary? join, IReadOnlyList<string> columns)
    {
        var min = options.MinSegmentSize;
        var hasOutcome = fields.Outcome >= 0;
        var hasCycle = fields.Created >= 0 && fields.Closed >= 0;
        var mixedCurrencies = tally.Currencies.Count > 1;
        var hasValue = fields.Value >= 0 && !mixedCurrencies;

        SegmentReport Segment(string name, SegmentTally t) => new(name, t.Deals, t.Won, t.Lost, t.Open,
            hasOutcome ? new RateEstimate(Proportion.Wilson(t.Won, t.Won + t.Lost), t.Won + t.Lost < min) : null,
            hasCycle ? Median(t.CycleDays, min) : null,
            hasValue ? Median(t.Values, min) : null);

        var inIcp = Segment("in ICP", tally.InIcp);
        var outOfIcp = Segment("out of ICP", tally.OutOfIcp);
        var tiers = Enumerable.Range(0, segments.Count).Select(i => Segment(segments.Names[i], tally.BySegment[i])).ToList();

        var notAvailable = new List<string>();
        var warnings = new List<string>();
        var comparisons = new List<MetricComparison>();
        var oneClass = hasOutcome && (tally.TotalWon == 0 || tally.TotalLost == 0);
        if (hasOutcome) comparisons.Add(CompareWinRates(inIcp, outOfIcp, options, oneClass, fields));
        else notAvailable.Add($"win rate: no outcome column '{fields.OutcomeName}'");
        if (hasCycle) comparisons.Add(CompareMedians("cycle_days", tally.InIcp.CycleDays, tally.OutOfIcp.CycleDays, options, lowerIsBetter: true));
        else notAvailable.Add($"sales cycle: no {(fields.Created < 0 ? $"created-date column '{fields.CreatedName}'" : $"closed-date column '{fields.ClosedName}'")}");
        if (hasValue) comparisons.Add(CompareMedians("value", tally.InIcp.Values, tally.OutOfIcp.Values, options, lowerIsBetter: false));
        else if (fields.Value < 0) notAvailable.Add($"deal value: no value column '{fields.ValueName}'");
        else notAvailable.Add($"deal value: '{columns[fields.Value]}' mixes currencies ({string.Join(", ", tally.Currencies.Select(c => $"{c.Key} from line {c.Value}"))}); convert to one currency first");

        if (oneClass)
            warnings.Add(Invariant($"every closed deal is {(tally.TotalLost == 0 ? "won" : "lost")} ({tally.TotalWon + tally.TotalLost:N0} deals): win rates cannot tell segments apart"));
        if (tally.ClosedBeforeCreated > 0)
            warnings.Add(Invariant($"{tally.ClosedBeforeCreated:N0} deal(s) closed before they were created; left out of the sales cycle (see the data issues for their lines)"));
        if (hasOutcome && (hasCycle || hasValue))
            warnings.Add("sales cycle and deal value count won deals only");
        if (profile.ReviewBy is { } reviewBy && reviewBy < options.Scoring.AsOf)
            warnings.Add(Invariant($"the profile's review_by date {reviewBy:yyyy-MM-dd} has passed: it may be stale"));
        if (join is { MatchRate: < 0.9 })
            warnings.Add(Invariant($"only {join.MatchRate:0.0%} of deals with a '{join.DealKeyColumn}' matched an account (e.g. '{string.Join("', '", join.UnmatchedExamples)}')"));

        var (overall, overallText) = Overall(comparisons);
        var inMeans = options.MinTier is null ? "not excluded by the profile" : $"not excluded and tier {options.MinTier} or better";
        var drift = tally.Drift.Build(min, options.Alpha);
        var review = hasOutcome ? tally.OffIcp.Build() : null;
        var lifts = hasOutcome && !oneClass ? tally.Lifts.Build(min) : [];
        return new ValidationReport(profile.Name, profile.Version, inMeans, join, inIcp, outOfIcp, tiers, comparisons, overall, overallText,
            notAvailable, warnings, tally.Issues, drift, review, lifts);
    }

    private static MedianEstimate Median(List<double> values, int min) =>
        new(values.Count, Descriptive.Median(values), values.Count == 0 ? double.NaN : values.Average(), values.Count < min);

    private static MetricComparison CompareWinRates(SegmentReport inIcp, SegmentReport outOfIcp, ReportOptions options, bool oneClass, DealFields fields)
    {
        const string metric = "win_rate";
        if (oneClass)
            return new MetricComparison(metric, null, null, null, null, Verdict.NotEnoughData,
                $"every closed deal has the same outcome: win rate cannot tell in-ICP from out-of-ICP (is {Words(fields.Lost)} the right lost value?)");
        if (inIcp.WinRate!.TooFew || outOfIcp.WinRate!.TooFew)
            return new MetricComparison(metric, null, null, null, null, Verdict.NotEnoughData,
                Invariant($"too few closed deals to compare win rates (in-ICP {inIcp.Closed:N0}, out-of-ICP {outOfIcp.Closed:N0}; {options.MinSegmentSize} needed in each)"));
        double pin = inIcp.WinRate.Rate.Value, pout = outOfIcp.WinRate.Rate.Value;
        var test = Significance.TwoProportion(inIcp.Won, inIcp.Closed, outOfIcp.Won, outOfIcp.Closed);
        double? ratio = pout > 0 ? pin / pout : null;
        var figures = $"{Percent(pin)} vs {Percent(pout)}, {PValue(test.P)}";
        var verdict = Judge(test, options.Alpha, higherIsIcp: pin > pout);
        var text = verdict switch
        {
            Verdict.Outperforms => ratio is { } r ? Invariant($"in-ICP wins {r:0.0#}x as often ({figures})") : Invariant($"in-ICP wins more often ({figures})"),
            Verdict.Underperforms => $"in-ICP wins less often than out-of-ICP ({figures}): the profile is wrong or stale",
            _ => $"in-ICP does not outperform on win rate ({figures}): the profile is wrong or stale",
        };
        return new MetricComparison(metric, pin, pout, ratio, test, verdict, text);
    }

    private static MetricComparison CompareMedians(string metric, List<double> inValues, List<double> outValues, ReportOptions options, bool lowerIsBetter)
    {
        var what = lowerIsBetter ? "deals with a sales cycle" : "deals with a value";
        if (inValues.Count < options.MinSegmentSize || outValues.Count < options.MinSegmentSize)
            return new MetricComparison(metric, null, null, null, null, Verdict.NotEnoughData,
                Invariant($"too few {what} to compare (in-ICP {inValues.Count:N0}, out-of-ICP {outValues.Count:N0}; {options.MinSegmentSize} needed in each)"));
        double mIn = Descriptive.Median(inValues), mOut = Descriptive.Median(outValues);
        var test = Significance.MannWhitney(inValues, outValues);
        // The sign of z says which side ranks higher; "better" depends on whether a lower figure is good.
        var verdict = Judge(test, options.Alpha, higherIsIcp: lowerIsBetter ? test.Z < 0 : test.Z > 0);
        double? ratio = lowerIsBetter ? (mIn > 0 ? mOut / mIn : null) : (mOut > 0 ? mIn / mOut : null);
        string text;
        if (lowerIsBetter)
        {
            var figures = Invariant($"median {mIn:0.#} vs {mOut:0.#} days, {PValue(test.P)}");
            text = verdict switch
            {
                Verdict.Outperforms => $"in-ICP deals close faster ({figures})",
                Verdict.Underperforms => $"in-ICP deals close slower ({figures}): the profile is wrong or stale",
                _ => $"in-ICP does not outperform on sales cycle ({figures}): the profile is wrong or stale",
            };
        }
        else
        {
            var figures = $"median {DealValues.Format(mIn)} vs {DealValues.Format(mOut)}, {PValue(test.P)}";
            text = verdict switch
            {
                Verdict.Outperforms => ratio is { } r ? Invariant($"in-ICP deals are worth {r:0.0#}x as much ({figures})") : Invariant($"in-ICP deals are worth more ({figures})"),
                Verdict.Underperforms => $"in-ICP deals are worth less ({figures}): the profile is wrong or stale",
                _ => $"in-ICP does not outperform on deal value ({figures}): the profile is wrong or stale",
            };
        }
        return new MetricComparison(metric, mIn, mOut, ratio, test, verdict, text);
    }

    /// <summary>Significant and in the ICP's favour, significant against it, or no detectable difference.</summary>
    private static Verdict Judge(TestResult test, double alpha, bool higherIsIcp) =>
        double.IsNaN(test.P) ? Verdict.NotEnoughData
        : test.P >= alpha ? Verdict.DoesNotOutperform
        : higherIsIcp ? Verdict.Outperforms : Verdict.Underperforms;

    private static (Verdict, string) Overall(List<MetricComparison> comparisons)
    {
        var better = comparisons.Where(c => c.Verdict == Verdict.Outperforms).ToList();
        var worse = comparisons.Where(c => c.Verdict == Verdict.Underperforms).ToList();
        var tested = comparisons.Where(c => c.Verdict is Verdict.Outperforms or Verdict.Underperforms or Verdict.DoesNotOutperform).ToList();
        if (better.Count > 0 && worse.Count > 0)
            return (Verdict.Mixed, $"mixed: {string.Join("; ", better.Select(c => c.Text))}; but {string.Join("; ", worse.Select(c => c.Text))}");
        if (better.Count > 0) return (Verdict.Outperforms, $"in-ICP outperforms: {string.Join("; ", better.Select(c => c.Text))}");
        if (worse.Count > 0) return (Verdict.Underperforms, string.Join("; ", worse.Select(c => c.Text)));
        if (tested.Count > 0)
            return (Verdict.DoesNotOutperform, $"in-ICP does not outperform on any metric ({string.Join(", ", tested.Select(c => MetricWords(c.Metric)))}): the profile is wrong or stale");
        return (Verdict.NotEnoughData, "not enough data to judge the profile: " + string.Join("; ", comparisons.Select(c => c.Text)));
    }

    private static string MetricWords(string metric) => metric switch { "win_rate" => "win rate", "cycle_days" => "sales cycle", _ => "deal value" };

    /// <summary>A rate as a whole percentage: "41%".</summary>
    public static string Percent(double rate) => rate.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>"p&lt;0.001", "p=0.004", "p=0.31".</summary>
    public static string PValue(double p) =>
        double.IsNaN(p) ? "p=n/a" : p < 0.001 ? "p<0.001" : p < 0.01 ? $"p={p.ToString("0.000", CultureInfo.InvariantCulture)}" : $"p={p.ToString("0.00", CultureInfo.InvariantCulture)}";

    /// <summary>Maps a row's fit to a segment: each tier by index, then "excluded"; and whether it is in the ICP.</summary>
    private sealed class Segmenter
    {
        private readonly int _lastInTier;

        public Segmenter(Profile profile, string? minTier)
        {
            MinTier = minTier;
            Names = [.. profile.Tiers.Names, "excluded"];
            _lastInTier = Names.Count - 2;
            if (minTier is null) return;
            _lastInTier = profile.Tiers.Names.ToList().FindIndex(n => string.Equals(n, minTier, StringComparison.OrdinalIgnoreCase));
            if (_lastInTier < 0)
                throw new InputException($"--min-tier '{minTier}' is not a tier of profile '{profile.Name}' (tiers: {string.Join(", ", profile.Tiers.Names)})",
                    new SourceLocation(profile.SourceName));
        }

        public IReadOnlyList<string> Names { get; }
        public string? MinTier { get; }
        public int Count => Names.Count;
        public int Of(FitResult fit) => fit.Excluded ? Names.Count - 1 : fit.Tier;
        public bool IsIn(int segment) => segment <= _lastInTier;
    }

    /// <summary>The deal columns found in the data (-1 when absent) and the outcome values.</summary>
    private sealed record DealFields(int Outcome, int Created, int Closed, int Value, HashSet<string> Won, HashSet<string> Lost,
        string OutcomeName, string CreatedName, string ClosedName, string ValueName, int Owner)
    {
        public static DealFields Resolve(ITableReader deals, DealColumnNames names)
        {
            var columns = new ColumnResolver(deals.Columns, deals.SourceName);
            int Find(string? given, string fallback, string option)
            {
                if (given is null) return columns.Find(fallback);
                var index = columns.Find(given);
                if (index < 0)
                    throw new InputException($"{option} column '{given}' is not a column of {deals.SourceName}{DidYouMean.Hint(given, deals.Columns)}",
                        new SourceLocation(deals.SourceName, 1));
                return index;
            }
            var fields = new DealFields(
                Find(names.Outcome, DealColumnNames.DefaultOutcome, "--outcome"), Find(names.Created, DealColumnNames.DefaultCreated, "--created"),
                Find(names.Closed, DealColumnNames.DefaultClosed, "--closed"), Find(names.Value, DealColumnNames.DefaultValue, "--value"),
                new HashSet<string>(names.Won ?? DealColumnNames.DefaultWon, StringComparer.OrdinalIgnoreCase),
                new HashSet<string>(names.Lost ?? DealColumnNames.DefaultLost, StringComparer.OrdinalIgnoreCase),
                names.Outcome ?? DealColumnNames.DefaultOutcome, names.Created ?? DealColumnNames.DefaultCreated,
                names.Closed ?? DealColumnNames.DefaultClosed, names.Value ?? DealColumnNames.DefaultValue,
                Find(names.Owner, DealColumnNames.DefaultOwner, "--owner"));
            if (fields.Outcome < 0 && fields.Created < 0 && fields.Closed < 0 && fields.Value < 0)
                throw new InputException(
                    $"no outcome data at all: {deals.SourceName} has none of the columns {fields.OutcomeName}, {fields.CreatedName}, {fields.ClosedName}, {fields.ValueName};"
                    + " name yours with --outcome, --created, --closed and --value (or give the deals with --outcomes)",
                    new SourceLocation(deals.SourceName, 1));
            var overlap = fields.Won.Intersect(fields.Lost, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
            if (overlap is not null) throw new InputException($"'{overlap}' is both a --won and a --lost value");
            return fields;
        }
    }

    /// <summary>An account's verdict, with its name and exclusion reasons for the off-ICP review.</summary>
    private sealed record AccountFit(FitResult Fit, string Name, string Reasons, bool[] Holds);

    /// <summary>Scores one row and records which criteria hold, for the per-criterion lift.</summary>
    private static AccountFit Fit(FitEvaluator evaluator, RowBatch batch, int row, string name)
    {
        var explanation = evaluator.Explain(batch, row);
        var fit = explanation.Result;
        return new AccountFit(fit, name, fit.Excluded ? explanation.Reasons : "", [.. explanation.Criteria.Select(c => c.Outcome == Truth.True)]);
    }

    /// <summary>The exclusion part of a row's reasons, without the "excluded: " prefix the score columns carry.</summary>
    private static string Reason(string reasons) =>
        string.Join("; ", reasons.Split("; ").Where(r => r.StartsWith("excluded: ", StringComparison.Ordinal)).Select(r => r["excluded: ".Length..]));

    private sealed class SegmentTally
    {
        public long Deals, Won, Lost, Open;
        public List<double> CycleDays { get; } = [];
        public List<double> Values { get; } = [];
    }

    /// <summary>Reads each deal's outcome, dates and value and adds it to its segment and to in/out.</summary>
    private sealed class Tally(Segmenter segments, DealFields fields, bool strict, ITableReader source, DriftPeriod period, int reviewRows,
        IReadOnlyList<(string, string)> criteria)
    {
        public CriterionLiftTally Lifts { get; } = new(criteria);
        public DriftTally Drift { get; } = new(period);
        public SegmentTally[] BySegment { get; } = [.. Enumerable.Range(0, segments.Count).Select(_ => new SegmentTally())];
        public SegmentTally InIcp { get; } = new();
        public SegmentTally OutOfIcp { get; } = new();
        public DataIssues Issues { get; } = new();
        public long Rows, TotalWon, TotalLost, ClosedBeforeCreated;
        public SortedSet<string> OutcomeValuesSeen { get; } = new(StringComparer.OrdinalIgnoreCase);
        public SortedDictionary<string, long> Currencies { get; } = new(StringComparer.Ordinal);

        public OffIcpTally OffIcp { get; } = new(reviewRows);

        public void Add(RowBatch batch, int row, AccountFit account)
        {
            var fit = account.Fit;
            var segment = segments.Of(fit);
            Rows++;
            var line = batch.LineOf(row);
            var won = false;
            var lost = false;
            if (fields.Outcome >= 0)
            {
                var outcome = batch[row, fields.Outcome].Trim().ToString();
                won = fields.Won.Contains(outcome);
                lost = !won && fields.Lost.Contains(outcome);
                if (OutcomeValuesSeen.Count < 50 && outcome.Length > 0) OutcomeValuesSeen.Add(outcome);
            }
            var created = Date(batch, row, fields.Created, line);
            var closed = Date(batch, row, fields.Closed, line);
            double? cycle = null;
            if (created is { } c && closed is { } d)
            {
                if (d < c)
                {
                    ClosedBeforeCreated++;
                    Issues.Record(source.Columns[fields.Closed], "closed before created (left out of the sales cycle)", line);
                }
                else cycle = d.DayNumber - c.DayNumber;
            }
            var value = Amount(batch, row, line);
            // With outcomes, cycle and value describe wins: lost deals often carry no value and an arbitrary close date.
            var counts = fields.Outcome < 0 || won;
            foreach (var t in new[] { BySegment[segment], segments.IsIn(segment) ? InIcp : OutOfIcp })
            {
                t.Deals++;
                if (won) t.Won++; else if (lost) t.Lost++; else t.Open++;
                if (!counts) continue;
                if (cycle is { } days) t.CycleDays.Add(days);
                if (value is { } v) t.Values.Add(v);
            }
            if (won) TotalWon++;
            if (lost) TotalLost++;
            // A deal belongs to the period it closed in; an open one to the period it was created in.
            var when = closed ?? created;
            Drift.Add(when, fit.Score, fit.Excluded, segments.IsIn(segment), won, lost, counts ? cycle : null);
            if (won || lost) Lifts.Add(account.Holds, won, when is { } w ? DriftTally.PeriodOf(w, period) : null);
            if (fields.Outcome >= 0 && !won && !lost)
            {
                var owner = fields.Owner >= 0 ? batch[row, fields.Owner].Trim().ToString() : null;
                var id = source.Columns.Count > 0 ? batch[row, 0].ToString() : "";
                OffIcp.AddOpen(segments.IsIn(segment), owner, () => new OffIcpDeal(id, account.Name, owner, created,
                    fit.Excluded ? Reason(account.Reasons) : $"tier {segments.Names[segment]}, below {segments.MinTier}", line));
            }
        }


        private DateOnly? Date(RowBatch batch, int row, int column, long line)
        {
            if (column < 0) return null;
            var text = batch[row, column];
            if (text.Trim().IsEmpty) return null;
            if (ValueParsers.TryParseDate(text, out var date)) return date;
            Bad(source.Columns[column], "not a date", text, line, "a date like 2024-03-01");
            return null;
        }

        private double? Amount(RowBatch batch, int row, long line)
        {
            if (fields.Value < 0) return null;
            var text = batch[row, fields.Value];
            if (text.Trim().IsEmpty) return null;
            if (DealValues.TryParse(text, out var amount, out var currency))
            {
                if (currency.Length > 0) Currencies.TryAdd(currency, line);
                return amount;
            }
            Bad(source.Columns[fields.Value], "not a number", text, line, "a number like 1200.50 (a currency symbol or code is allowed)");
            return null;
        }

        private void Bad(string column, string problem, ReadOnlySpan<char> text, long line, string expected)
        {
            if (strict) throw new InputException($"'{text.ToString()}' is {problem}: expected {expected}", new SourceLocation(source.SourceName, line, 0, column));
            Issues.Record(column, problem, line);
        }
    }
}
