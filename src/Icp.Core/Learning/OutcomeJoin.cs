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
    private RowBatch? _inner;
    private int _accountRows, _withDeals;
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
        var outcomeColumn = dealColumns.Find(outcome.Column);
        if (outcomeColumn < 0)
            throw new InputException($"--outcome '{outcome.Column}' is not a column of {deals.SourceName}{DidYouMean.Hint(outcome.Column, deals.Columns)}", new SourceLocation(deals.SourceName, 1));
        if (new ColumnResolver(accounts.Columns, accounts.SourceName).Find(outcome.Column) >= 0)
            throw new InputException($"--outcome '{outcome.Column}' is a column of both {accounts.SourceName} and {deals.SourceName}: rename one, or leave it out of the accounts file", new SourceLocation(accounts.SourceName, 1));
        var dateColumn = -1;
        if (spec.PerAccount == PerAccount.Latest)
        {
            if (spec.DateColumn is null) throw new InputException("--per-account latest needs --date-column, the deals' date column (e.g. close_date)");
            dateColumn = dealColumns.Find(spec.DateColumn);
            if (dateColumn < 0)
                throw new InputException($"--date-column '{spec.DateColumn}' is not a column of {deals.SourceName}{DidYouMean.Hint(spec.DateColumn, deals.Columns)}", new SourceLocation(deals.SourceName, 1));
        }
        Columns = [.. accounts.Columns, deals.Columns[outcomeColumn]];

        var positive = LearningData.PositiveTest.Create(outcome.PositiveValues);
        var negatives = outcome.NegativeValues is { Count: > 0 } given ? new HashSet<string>(given.Select(ValueParsers.NormaliseText), StringComparer.OrdinalIgnoreCase) : null;
        var batch = new RowBatch(deals.Columns.Count, ScoringPipeline.BatchRows);
        while (deals.ReadBatch(batch))
            for (var r = 0; r < batch.Count; r++)
            {
                var key = batch[r, dealKey].Trim().ToString();
                if (key.Length == 0) continue;
                _dealsWithKey++;
                if (_dealExamples.Count < ExamplesShown && !_dealExamples.Contains(key, StringComparer.OrdinalIgnoreCase)) _dealExamples.Add(key);
                var text = batch[r, outcomeColumn].Trim().ToString();
                var at = new SourceLocation(deals.SourceName, batch.LineOf(r), outcomeColumn + 1, deals.Columns[outcomeColumn]);
                // Rank: a win beats a loss beats an outcome that is neither (open deals) beats a blank one.
                var rank = text.Length == 0 ? 0 : positive.Holds(text, at) ? 3 : negatives is null || negatives.Contains(ValueParsers.NormaliseText(text)) ? 2 : 1;
                var date = DateOnly.MinValue;
                if (dateColumn >= 0)
                {
                    var dateText = batch[r, dateColumn].Trim();
                    if (dateText.IsEmpty) rank = -1; // no date: not a candidate for the latest outcome, still a matching deal
                    else if (!ValueParsers.TryParseDate(dateText, out date))
                        throw new InputException($"--date-column '{deals.Columns[dateColumn]}': '{dateText}' is not a date (e.g. 2026-01-31)",
                            new SourceLocation(deals.SourceName, batch.LineOf(r), dateColumn + 1, deals.Columns[dateColumn]));
                }
                var choice = new Choice(date, rank, text, 1);
                _outcomes[key] = _outcomes.TryGetValue(key, out var held)
                    ? (Better(choice, held) ? choice with { Deals = held.Deals + 1 } : held with { Deals = held.Deals + 1 })
                    : choice;
            }
    }

    public string SourceName => _accounts.SourceName;

    /// <summary>The accounts' columns and, last, the outcome column of the deals.</summary>
    public IReadOnlyList<string> Columns { get; }

    public double? Progress => _accounts.Progress;

    /// <summary>How the deals matched the accounts; complete once every account has been read.</summary>
    public OutcomeJoinSummary Summary => new(_accounts.Columns[_accountKey], _dealKeyColumn, _accountRows, _withDeals, _dealsWithKey, _dealsMatched);

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
                batch.AddField(choice.Rank < 0 ? "" : choice.Outcome);
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

    private readonly record struct Choice(DateOnly Date, int Rank, string Outcome, int Deals);
}
