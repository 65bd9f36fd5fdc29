using System.Globalization;

namespace Icp.Data.Sql;

/// <summary>
/// What differs between SQL engines: quoting, and the handful of functions the compiled profile needs
/// (regex, lists for set fields, integer division). Everything else is ANSI.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>Dialects by their <c>--dialect</c> name.</summary>
    public static IReadOnlyDictionary<string, SqlDialect> ByName { get; } = new Dictionary<string, SqlDialect>(StringComparer.OrdinalIgnoreCase)
    {
        ["duckdb"] = DuckDb,
    };

    public abstract string Name { get; }

    /// <summary>A quoted identifier: any column name, including reserved words and quotes, is safe.</summary>
    public virtual string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A string literal: quotes doubled; no other escapes, so semicolons and <c>--</c> stay inert text.</summary>
    public virtual string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public virtual string Literal(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    public virtual string Literal(DateOnly date) => $"DATE '{date:yyyy-MM-dd}'";

    /// <summary>The column as text, whatever its declared type.</summary>
    public abstract string AsText(string column);

    /// <summary>Text with leading and trailing white space removed.</summary>
    public abstract string Trim(string text);

    /// <summary>Lower-cased text with white-space runs collapsed to one space (the form <c>in</c> compares).</summary>
    public abstract string Normalise(string trimmed);

    /// <summary>A finite double parsed from trimmed text (thousands separators allowed), else NULL.</summary>
    public abstract string TryNumber(string trimmed);

    /// <summary>A date from ISO text (<c>2024-03-01</c>, with or without a time, <c>2024-03</c>, <c>2024</c>), else NULL.</summary>
    public abstract string TryDate(string trimmed);

    /// <summary>True/false from the accepted spellings, else NULL.</summary>
    public abstract string TryBool(string trimmed);

    /// <summary>Whether <paramref name="pattern"/> matches anywhere in the text.</summary>
    public abstract string RegexMatches(string text, string pattern);

    /// <summary>The trimmed, non-empty tokens of a set value: <c>a; b</c> with <paramref name="separator"/>, or a JSON array.</summary>
    public abstract string Tokens(string trimmed, char separator);

    /// <summary>Whether <paramref name="list"/> contains <paramref name="value"/> (NULL when the value is NULL).</summary>
    public abstract string ListContains(string list, string value);

    /// <summary>A list literal of normalised strings.</summary>
    public abstract string TextList(IEnumerable<string> values);

    /// <summary>A list literal of numbers.</summary>
    public abstract string NumberList(IEnumerable<double> values);

    /// <summary>How many distinct listed values appear among the tokens (compared normalised).</summary>
    public abstract string CountFound(string tokens, string list);

    /// <summary>The first token (as written) whose normalised form is in the list.</summary>
    public abstract string FirstFound(string tokens, string list);

    /// <summary>Integer division, truncating.</summary>
    public abstract string IntegerDivide(string a, string b);

    /// <summary>Concatenation of the non-NULL parts with <paramref name="separator"/>.</summary>
    public virtual string JoinNonNull(string separator, IEnumerable<string> parts) => $"concat_ws({Literal(separator)}, {string.Join(", ", parts)})";

    /// <summary>The start of the final select list: every source column, leaving out <paramref name="helperColumns"/>.</summary>
    public abstract string SelectSourceColumns(IReadOnlyList<string> helperColumns);
}

/// <summary>DuckDB: RE2 regexes, native lists, <c>//</c> integer division, <c>SELECT * EXCLUDE</c>.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";
    public override string AsText(string column) => $"CAST({column} AS VARCHAR)";
    // The ASCII white space .NET trims too (space, \t, \n, \v, \f, \r); a character set, not a regex: it runs per field.
    public override string Trim(string text) => $"trim({text}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))";
    public override string Normalise(string trimmed) => $"lower(regexp_replace({trimmed}, '\\s+', ' ', 'g'))";
    // No subquery here: DuckDB turns a per-row scalar subquery into a join, which costs memory and row order.
    public override string TryNumber(string trimmed) =>
        $"CASE WHEN isfinite(TRY_CAST(replace({trimmed}, ',', '') AS DOUBLE)) THEN TRY_CAST(replace({trimmed}, ',', '') AS DOUBLE) END";
    public override string TryDate(string trimmed) =>
        $"CASE WHEN regexp_full_match({trimmed}, '\\d{{4}}-\\d{{2}}-\\d{{2}}([T ].*)?') THEN TRY_CAST(left({trimmed}, 10) AS DATE) " +
        $"WHEN regexp_full_match({trimmed}, '\\d{{4}}-\\d{{2}}') THEN TRY_CAST({trimmed} || '-01' AS DATE) " +
        $"WHEN regexp_full_match({trimmed}, '\\d{{4}}') THEN TRY_CAST({trimmed} || '-01-01' AS DATE) END";
    public override string TryBool(string trimmed) =>
        $"CASE WHEN list_contains(['true', 'yes', 'y', 't', '1'], lower({trimmed})) THEN true " +
        $"WHEN list_contains(['false', 'no', 'n', 'f', '0'], lower({trimmed})) THEN false END";
    public override string RegexMatches(string text, string pattern) => $"regexp_matches({text}, {Literal(pattern)})";
    public override string Tokens(string trimmed, char separator)
    {
        // As the in-process scorer reads sets: "[...]" is a JSON array of (usually quoted) strings, else separated text.
        var unquote = "CASE WHEN starts_with(t, '\"') THEN CASE WHEN length(t) > 1 AND ends_with(t, '\"') THEN t[2:-2] ELSE t[2:-1] END ELSE t END";
        var json = $"list_transform(list_transform(string_split({trimmed}[2:-2], ','), t -> {Trim("t")}), t -> {Trim(unquote)})";
        var separated = $"list_transform(string_split({trimmed}, {Literal(separator.ToString())}), t -> {Trim("t")})";
        return $"list_filter(CASE WHEN length({trimmed}) > 1 AND starts_with({trimmed}, '[') AND ends_with({trimmed}, ']') THEN {json} ELSE {separated} END, t -> t <> '')";
    }

    public override string ListContains(string list, string value) => $"list_contains({list}, {value})";
    public override string TextList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]::VARCHAR[]";
    public override string NumberList(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Literal)) + "]::DOUBLE[]";
    public override string CountFound(string tokens, string list) =>
        $"length(list_distinct(list_filter(list_transform({tokens}, t -> {Normalise("t")}), t -> list_contains({list}, t))))";
    public override string FirstFound(string tokens, string list) => $"list_filter({tokens}, t -> list_contains({list}, {Normalise("t")}))[1]";
    public override string IntegerDivide(string a, string b) => $"(({a}) // ({b}))";
    public override string SelectSourceColumns(IReadOnlyList<string> helperColumns) =>
        $"* EXCLUDE ({string.Join(", ", helperColumns.Select(Identifier))})";
}
