using System.Globalization;
using Icp.Core.Reporting;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Core.Values;

namespace Icp.Core.Learning;

/// <summary>How an account with several deals gets one outcome.</summary>
public enum PerAccount
{
    /// <summary>A win if any deal is a win, else a loss if any deal is a loss.</summary>
    Best,

    /// <summary>The outcome of the deal with the latest date (deals without a date are not considered).</summary>
    Latest,
}

/// <summary>
/// Accounts plus a separate outcomes table (deals) joined on a key. <paramref name="Key"/> is a column both files have,
/// or <c>ACCOUNT_COLUMN=DEAL_COLUMN</c> as in <c>icp report</c>, or null for the first column both files have; keys are compared trimmed and case-insensitively.
/// </summary>
public sealed record OutcomeJoinSpec(string? Key, PerAccount PerAccount = PerAccount.Best, string? DateColumn = null);

/// <summary>How the deals matched the accounts.</summary>
/// <param name="AccountKeyColumn">The key column of the accounts file.</param>
/// <param name="DealKeyColumn">The key column of the outcomes file.</param>
/// <param name="Accounts">Account rows read.</param>
/// <param name="AccountsWithDeals">Accounts with at least one deal; the others are skipped.</param>
/// <param name="DealsWithKey">Deals with a non-blank key.</param>
/// <param name="DealsMatched">Deals whose key is an account's key.</param>
public sealed record OutcomeJoinSummary(string AccountKeyColumn, string DealKeyColumn, int Accounts, int AccountsWithDeals, long DealsWithKey, long DealsMatched)
{
    /// <summary>Accounts with deals ÷ accounts, 0-1.</summary>
    public double AccountMatchRate => Accounts == 0 ? 0 : (double)AccountsWithDeals / Accounts;

    /// <summary>Deals matched ÷ deals with a key, 0-1.</summary>
    public double DealMatchRate => DealsWithKey == 0 ? 0 : (double)DealsMatched / DealsWithKey;

    /// <summary>E.g. "72 of 85 accounts (84.7%) have deals; 8,800 of 8,800 deals (100.0%) matched an account".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{AccountsWithDeals:N0} of {Accounts:N0} accounts ({AccountMatchRate:0.0%}) have deals; {DealsMatched:N0} of {DealsWithKey:N0} deals with a key ({DealMatchRate:0.0%}) matched an account");
}

/// <summary>
/// The accounts table with one more column, the outcome of each account's deals (best or latest, see
/// <see cref="PerAccount"/>), read as an ordinary table so <see cref="LearningData.Read"/> labels it like any other.
/// With <see cref="OutcomeSpec.BestShare"/> alone the column is instead the sum of the deals' value column; with
/// <see cref="OutcomeSpec.ValueColumn"/> too, the outcome column is followed by the sum of that value over the account's won
/// deals. A <see cref="OutcomeSpec.Churned"/> column the accounts lack but the deals have is appended as well: an account
/// churned if any of its deals holds a churn value (the first such value is its entry).
/// The deals are read whole when this is created (one small entry per account key); accounts stream through, and
/// accounts without a deal are skipped and counted in <see cref="Summary"/>. The caller owns (and disposes) both readers.
/// </summary>
public sealed class OutcomeJoin : ITableReader
{
    private const int ExamplesShown = 3;
    private readonly ITableReader _accounts;
    private readonly int _accountKey;
    private readonly string _dealKeyColumn;
    private readonly Dictionary<string, Choice> _outcomes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _accountLines = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _dealExamples = [];
    private readonly List<string> _accountExamples = [];
    private readonly long _dealsWithKey;
    private readonly Mode _mode;
    private readonly bool _churnFromDeals;
    private RowBatch? _inner;
    private int _accountRows, _withDeals, _withoutValue;
    private long _dealsMatched;

    /// <summary>Reads every deal of <paramref name="deals"/> and prepares to join them to <paramref name="accounts"/>.</summary>
    /// <exception cref="InputException">a key, outcome or date column is missing, or a date does not parse.</exception>
    public OutcomeJoin(ITableReader accounts, ITableReader deals, OutcomeJoinSpec spec, OutcomeSpec outcome)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(outcome);
        _accounts = accounts;
        (_accountKey, var dealKey) = ProfileReport.ResolveKey(accounts, deals, spec.Key);
        _dealKeyColumn = deals.Columns[dealKey];
        var dealColumns = new ColumnResolver(deals.Columns, deals.SourceName);
        var accountColumns = new ColumnResolver(accounts.Columns, accounts.SourceName);
        _mode = outcome.BestShare is null ? Mode.Outcome : outcome.ValueColumn is null ? Mode.Value : Mode.WonValue;
        var outcomeOption = _mode == Mode.Value ? "--value" : "--outcome";
        var outcomeColumn = DealColumn(outcome.Column, outcomeOption);
        var valueColumn = _mode == Mode.WonValue ? DealColumn(outcome.ValueColumn!, "--value") : -1;
        if (valueColumn == outcomeColumn)
            throw new InputException($"--value '{outcome.ValueColumn}' is the --outcome column: the value that ranks the wins needs its own column", new SourceLocation(deals.SourceName, 1));
        var churnColumn = -1;
        HashSet<string>? churnValues = null;
        var churnSeen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (outcome.Churned is { } churn && accountColumns.Find(churn.Column) < 0)
        {
            // Not an account column: then an account churned if any of its deals says so.
            churnColumn = dealColumns.Find(churn.Column);
            if (churnColumn < 0)
                throw new InputException($"--churned '{churn.Column}' is not a column of {accounts.SourceName} nor of {deals.SourceName}{DidYouMean.Hint(churn.Column, [.. accounts.Columns, .. deals.Columns])}. Columns: {string.Join(", ", accounts.Columns)}; of the outcomes: {string.Join(", ", deals.Columns)}",
                    new SourceLocation(deals.SourceName, 1));
            if (churnColumn == outcomeColumn || churnColumn == valueColumn)
                throw new InputException($"--churned '{churn.Column}' is the {(churnColumn == outcomeColumn ? outcomeOption : "--value")} column: churn needs a column of its own (e.g. --churned Churn=Yes, or status=Cancelled)",
                    new SourceLocation(deals.SourceName, 1, churnColumn + 1, deals.Columns[churnColumn]));
            churnValues = new HashSet<string>(churn.Values.Select(ValueParsers.NormaliseText), StringComparer.OrdinalIgnoreCase);
            _churnFromDeals = true;
        }
        Outcome = _churnFromDeals ? outcome with { Churned = outcome.Churned! with { ValuesFoundInDeals = true } } : outcome;
        var dateColumn = -1;
        if (spec.PerAccount == PerAccount.Latest)
        {
            if (spec.DateColumn is null) throw new InputException("--per-account latest needs --date-column, the deals' date column (e.g. close_date)");
            dateColumn = dealColumns.Find(spec.DateColumn);
            if (dateColumn < 0)
                throw new InputException($"--date-column '{spec.DateColumn}' is not a column of {deals.SourceName}{DidYouMean.Hint(spec.DateColumn, deals.Columns)}", new SourceLocation(deals.SourceName, 1));
        }
        Columns = [.. accounts.Columns, deals.Columns[outcomeColumn], .. valueColumn >= 0 ? [deals.Columns[valueColumn]] : Array.Empty<string>(),
            .. churnColumn >= 0 ? [deals.Columns[churnColumn]] : Array.Empty<string>()];
        var summed = _mode == Mode.Value ? outcomeColumn : valueColumn;

        var positive = _mode == Mode.Value ? null : LearningData.PositiveTest.Create(outcome.PositiveValues);
        var negatives = outcome.NegativeValues is { Count: > 0 } given ? new HashSet<string>(given.Select(ValueParsers.NormaliseText), StringComparer.OrdinalIgnoreCase) : null;
        var batch = new RowBatch(deals.Columns.Count, ScoringPipeline.BatchRows);
        while (deals.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++)
            {
                var key = batch[r, dealKey].Trim().ToString();
                if (key.Length == 0) continue;
                _dealsWithKey++;
                if (_dealExamples.Count < ExamplesShown && !_dealExamples.Contains(key, StringComparer.OrdinalIgnoreCase)) _dealExamples.Add(key);
                var text = _mode == Mode.Value ? "" : batch[r, outcomeColumn].Trim().ToString();
                var at = new SourceLocation(deals.SourceName, batch.LineOf(r), outcomeColumn + 1, deals.Columns[outcomeColumn]);
                // Rank: a win beats a loss beats an outcome that is neither (open deals) beats a blank one.
                var rank = text.Length == 0 ? 0 : positive!.Holds(text, at) ? 3 : negatives is null || negatives.Contains(ValueParsers.NormaliseText(text)) ? 2 : 1;
                // The value sums over every deal (--value alone) or over the won ones (--value with --positive).
                var valued = summed >= 0 && (_mode == Mode.Value || rank == 3) && ValueParsers.TryParseNumber(batch[r, summed].Trim(), out var amount) ? amount : (double?)null;
                string? churned = null;
                if (churnValues is not null && batch[r, churnColumn].Trim().ToString() is { Length: > 0 } churnText)
                {
                    churnSeen[churnText] = churnSeen.GetValueOrDefault(churnText) + 1;
                    if (churnValues.Contains(ValueParsers.NormaliseText(churnText))) churned = churnText;
                }
                var date = DateOnly.MinValue;
                if (dateColumn >= 0)
                {
                    var dateText = batch[r, dateColumn].Trim();
                    if (dateText.IsEmpty) rank = -1; // no date: not a candidate for the latest outcome, still a matching deal
                    else if (!ValueParsers.TryParseDate(dateText, out date))
                        throw new InputException($"--date-column '{deals.Columns[dateColumn]}': '{dateText}' is not a date (e.g. 2026-01-31)",
                            new SourceLocation(deals.SourceName, batch.LineOf(r), dateColumn + 1, deals.Columns[dateColumn]));
                }
                var choice = new Choice(date, rank, text, 1, valued ?? 0, valued is not null, churned);
                _outcomes[key] = _outcomes.TryGetValue(key, out var held)
                    ? (Better(choice, held) ? choice : held) with
                    {
                        Deals = held.Deals + 1, Sum = held.Sum + choice.Sum, Valued = held.Valued || choice.Valued, Churned = held.Churned ?? choice.Churned,
                    }
                    : choice;
            }
        if (churnValues is not null && churnValues.FirstOrDefault(v => !churnSeen.ContainsKey(v)) is { } absent)
            throw new InputException($"--churned {deals.Columns[churnColumn]}={absent}: no deal of {deals.SourceName} has that value in column '{deals.Columns[churnColumn]}'{DidYouMean.Hint(absent, churnSeen.Keys)}. Values seen: "
                + (churnSeen.Count == 0 ? "(none: the column is empty)" : string.Join(", ", churnSeen.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20).Select(kv => $"{kv.Key} ({kv.Value:N0})"))),
                new SourceLocation(deals.SourceName, 1, churnColumn + 1, deals.Columns[churnColumn]));

        int DealColumn(string name, string option)
        {
            var found = dealColumns.Find(name);
            if (found < 0)
                throw new InputException($"{option} '{name}' is not a column of {deals.SourceName}{DidYouMean.Hint(name, deals.Columns)}", new SourceLocation(deals.SourceName, 1));
            if (accountColumns.Find(name) >= 0)
                throw new InputException($"{option} '{name}' is a column of both {accounts.SourceName} and {deals.SourceName}: rename one, or leave it out of the accounts file", new SourceLocation(accounts.SourceName, 1));
            return found;
        }
    }

    public string SourceName => _accounts.SourceName;

    /// <summary>The accounts' columns, then the outcome (or summed value) column of the deals, the summed won value and the churn flag when asked for.</summary>
    public IReadOnlyList<string> Columns { get; }

    public double? Progress => _accounts.Progress;

    /// <summary>The outcome to label the joined rows by (<see cref="LearningData.Read"/>): the one given, its churn values marked as found when they came from the deals.</summary>
    public OutcomeSpec Outcome { get; }

    /// <summary>How the deals matched the accounts; complete once every account has been read.</summary>
    public OutcomeJoinSummary Summary => new(_accounts.Columns[_accountKey], _dealKeyColumn, _accountRows, _withDeals, _dealsWithKey, _dealsMatched);

    /// <summary>Accounts whose value decides (every account with --value alone, a won one with --positive) but none of whose summed deals has a number: skipped.</summary>
    public int AccountsWithoutValue => _withoutValue;

    /// <summary>How the outcome was made from the deals, in words, e.g. "value = sum of close_value over each account's deals".</summary>
    public string Describe(PerAccount perAccount)
    {
        var outcome = Columns[_accounts.Columns.Count];
        var text = _mode switch
        {
            Mode.Value => $"value = sum of {outcome} over each account's deals",
            Mode.WonValue => $"the {(perAccount == PerAccount.Best ? "best" : "latest")} outcome of each account's deals, value = sum of {Columns[_accounts.Columns.Count + 1]} over its won deals",
            _ => $"the {(perAccount == PerAccount.Best ? "best" : "latest")} outcome of each account's deals",
        };
        // With --positive, LearningData already counts the won rows without a number; alone, they read as blank outcomes.
        if (_mode == Mode.Value && _withoutValue > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {_withoutValue:N0} {(_withoutValue == 1 ? "account" : "accounts")} whose deals have no number in {outcome} skipped");
        if (_churnFromDeals) text += $"; churned if any deal's {Columns[^1]} says so";
        return text;
    }

    public bool ReadBatch(RowBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        _inner ??= new RowBatch(_accounts.Columns.Count, batch.Capacity);
        while (batch.Count == 0)
        {
            if (!_accounts.ReadBatch(_inner)) { ThrowIfNothingMatched(); return false; }
            for (var r = 0; r < _inner.Count; r++)
            {
                _accountRows++;
                var key = _inner[r, _accountKey].Trim().ToString();
                if (key.Length == 0) continue; // an account without a key cannot own a deal
                if (!_accountLines.TryAdd(key, _inner.LineOf(r)))
                    throw new InputException(
                        $"key '{key}' of column '{_accounts.Columns[_accountKey]}' appears twice (lines {_accountLines[key]} and {_inner.LineOf(r)}): each account needs its own key to join deals to",
                        new SourceLocation(_accounts.SourceName, _inner.LineOf(r), _accountKey + 1, _accounts.Columns[_accountKey]));
                if (_accountExamples.Count < ExamplesShown) _accountExamples.Add(key);
                if (!_outcomes.TryGetValue(key, out var choice)) continue;
                _withDeals++;
                _dealsMatched += choice.Deals;
                batch.BeginRow(_inner.LineOf(r));
                for (var c = 0; c < _inner.ColumnCount; c++) batch.AddField(_inner[r, c]);
                if (_mode != Mode.Value) batch.AddField(choice.Rank < 0 ? "" : choice.Outcome);
                if (_mode != Mode.Outcome)
                {
                    // Counted only where the value decides: every account (--value alone), a won account (with --positive).
                    if (!choice.Valued && (_mode == Mode.Value || choice.Rank == 3)) _withoutValue++;
                    batch.AddField(choice.Valued ? choice.Sum.ToString("R", CultureInfo.InvariantCulture) : "");
                }
                if (_churnFromDeals) batch.AddField(choice.Churned ?? "");
                batch.EndRow();
            }
        }
        return true;
    }

    /// <summary>Nothing to release: the caller owns both readers.</summary>
    public void Dispose() { }

    private void ThrowIfNothingMatched()
    {
        if (_withDeals > 0) return;
        var summary = Summary;
        throw new InputException(
            $"no account matches any deal on --key: {summary}. Keys of '{summary.AccountKeyColumn}' in {_accounts.SourceName}: {Examples(_accountExamples)}; of '{summary.DealKeyColumn}' in the outcomes: {Examples(_dealExamples)}",
            new SourceLocation(_accounts.SourceName, 1, _accountKey + 1, summary.AccountKeyColumn));
    }

    private static string Examples(List<string> keys) => keys.Count == 0 ? "(none)" : "'" + string.Join("', '", keys) + "'";

    /// <summary>Latest mode compares dates first (every dated deal has rank ≥ 0); best mode has equal dates, so rank decides.</summary>
    private static bool Better(Choice candidate, Choice held) =>
        (candidate.Rank >= 0) != (held.Rank >= 0) ? candidate.Rank >= 0
        : candidate.Date != held.Date ? candidate.Date > held.Date
        : candidate.Rank > held.Rank;

    /// <summary>The chosen deal's date, rank and outcome, with totals over all the account's deals.</summary>
    private readonly record struct Choice(DateOnly Date, int Rank, string Outcome, int Deals, double Sum, bool Valued, string? Churned);

    private enum Mode { Outcome, Value, WonValue }
}
