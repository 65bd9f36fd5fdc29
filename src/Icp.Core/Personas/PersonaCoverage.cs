namespace Icp.Core.Personas;

/// <summary>One account's contacts per persona.</summary>
public sealed record AccountCoverage(string Account, int Contacts, IReadOnlyList<int> PerPersona)
{
    /// <summary>True when every persona has at least one contact.</summary>
    public bool Complete => PerPersona.All(n => n > 0);
}

/// <summary>Which personas each account has contacts for: the buying-committee gap list.</summary>
public sealed class PersonaCoverage(IReadOnlyList<string> personas)
{
    private readonly Dictionary<string, (int Contacts, int[] PerPersona)> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public IReadOnlyList<string> Personas { get; } = personas;

    /// <summary>Counts one contact of <paramref name="account"/> matching persona index <paramref name="persona"/> (-1 for none).</summary>
    public void Add(string account, int persona)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!_accounts.TryGetValue(account, out var entry))
        {
            entry = (0, new int[Personas.Count]);
            _order.Add(account);
        }
        if (persona >= 0) entry.PerPersona[persona]++;
        _accounts[account] = (entry.Contacts + 1, entry.PerPersona);
    }

    /// <summary>Accounts in first-seen order.</summary>
    public IReadOnlyList<AccountCoverage> Accounts =>
        [.. _order.Select(a => new AccountCoverage(a, _accounts[a].Contacts, _accounts[a].PerPersona))];
}
