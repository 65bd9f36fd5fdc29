namespace Icp.Core.Scoring;

/// <summary>
/// Finds the data column for a field: exact name, then case-insensitive, then ignoring spaces, '_' and '-'
/// ("Employee Count" matches employee_count).
/// </summary>
public sealed class ColumnResolver
{
    private readonly IReadOnlyList<string> _columns;

    public ColumnResolver(IReadOnlyList<string> columns, string sourceName)
    {
        _columns = columns;
        SourceName = sourceName;
    }

    public string SourceName { get; }

    /// <summary>The column index, or -1.</summary>
    public int Find(string name)
    {
        for (var i = 0; i < _columns.Count; i++) if (_columns[i] == name) return i;
        for (var i = 0; i < _columns.Count; i++) if (string.Equals(_columns[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        var key = Squash(name);
        for (var i = 0; i < _columns.Count; i++) if (Squash(_columns[i]) == key) return i;
        return -1;
    }

    /// <summary>The column index, or an <see cref="InputException"/> that lists the columns and suggests the closest.</summary>
    public int Require(string column, string field, SourceLocation profileLocation)
    {
        var index = Find(column);
        if (index >= 0) return index;
        var hint = DidYouMean.Hint(column, _columns);
        var listed = string.Join(", ", _columns.Take(40)) + (_columns.Count > 40 ? $", ... ({_columns.Count} in all)" : "");
        var what = column == field ? $"field '{field}'" : $"column '{column}' (field '{field}')";
        throw new InputException($"{what} used at {profileLocation} is not a column of {SourceName}{(hint.Length > 0 ? hint : ".")} Columns: {listed}", new SourceLocation(SourceName, 1));
    }

    private static string Squash(string s) =>
        string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '_' && c != '-')).ToLowerInvariant();
}
