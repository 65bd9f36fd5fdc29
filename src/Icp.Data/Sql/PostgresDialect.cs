using System.Text;

namespace Icp.Data.Sql;

/// <summary>
/// PostgreSQL (12 and later): POSIX "advanced" regexes, arrays with <c>unnest</c> subqueries for set fields, and
/// casts guarded by patterns, because PostgreSQL has no <c>TRY_CAST</c> and a failed cast aborts the statement.
/// </summary>
/// <remarks>
/// PostgreSQL cannot drop columns from <c>SELECT *</c>, so the source row travels through the stages as one
/// composite value, <c>icp__row</c>, that the final select expands back into its columns.
/// </remarks>
internal sealed class PostgresDialect : SqlDialect
{
    private const string Row = "icp__row";
    private const string Source = "icp__src";

    public override string Name => "postgres";
    public override string TypeName(SqlType type) => type switch { SqlType.Integer => "integer", SqlType.Boolean => "boolean", _ => "text" };
    public override string AsText(string column) => $"CAST({column} AS text)";
    public override string Trim(string text) => $"btrim({text}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))";
    public override string Normalise(string trimmed) => $"lower(regexp_replace({trimmed}, '\\s+', ' ', 'g'))";

    // The pattern admits exactly what casts to a number; exponents of at most three digits keep the numeric cast in
    // range, and the bounds keep the double cast from overflowing (NULL, as .NET's non-finite) or underflowing (0).
    public override string TryNumber(string trimmed)
    {
        var plain = $"replace({trimmed}, ',', '')";
        return $"CASE WHEN {plain} ~ '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{{1,3}})?$' THEN " +
               $"CASE WHEN abs(CAST({plain} AS numeric)) > 1.7976931348623157e308 THEN NULL " +
               $"WHEN abs(CAST({plain} AS numeric)) < 1e-300 THEN CAST(0 AS double precision) " +
               $"ELSE CAST(CAST({plain} AS numeric) AS double precision) END END";
    }

    // A date cast of "2023-02-30" raises an error, so the day is checked against the month's length first.
    public override string TryDate(string trimmed)
    {
        string Valid(string year, string month, string day) =>
            $"{month} BETWEEN 1 AND 12 AND {year} >= 1 AND {day} BETWEEN 1 AND " +
            $"CAST(extract(day FROM make_date({year}, {month}, 1) + interval '1 month' - interval '1 day') AS integer)";
        string Part(int start, int length) => $"CAST(substr({trimmed}, {start}, {length}) AS integer)";
        var (y, m, d) = (Part(1, 4), Part(6, 2), Part(9, 2));
        return $"CASE WHEN {trimmed} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([T ].*)?$' THEN CASE WHEN {Valid(y, m, d)} THEN make_date({y}, {m}, {d}) END " +
               $"WHEN {trimmed} ~ '^[0-9]{{4}}-[0-9]{{2}}$' THEN CASE WHEN {Valid(y, m, "1")} THEN make_date({y}, {m}, 1) END " +
               $"WHEN {trimmed} ~ '^[0-9]{{4}}$' THEN CASE WHEN {y} >= 1 THEN make_date({y}, 1, 1) END END";
    }


    public override string RegexMatches(string text, string pattern) => $"({text} ~ {Literal(PostgresRegex.Translate(pattern))})";

    public override string Tokens(string trimmed, char separator)
    {
        // As the in-process scorer reads sets: "[...]" is a JSON array of (usually quoted) strings, else separated text.
        // The tokens keep their order (WITH ORDINALITY): reasons name the first one that matched.
        var inner = Trim("e");
        var unquote = $"CASE WHEN left({inner}, 1) = '\"' THEN CASE WHEN length({inner}) > 1 AND right({inner}, 1) = '\"' " +
                      $"THEN substr({inner}, 2, length({inner}) - 2) ELSE substr({inner}, 2) END ELSE {inner} END";
        var isJson = $"length({trimmed}) > 1 AND left({trimmed}, 1) = '[' AND right({trimmed}, 1) = ']'";
        var parts = $"string_to_array(CASE WHEN {isJson} THEN substr({trimmed}, 2, length({trimmed}) - 2) ELSE {trimmed} END, " +
                    $"CASE WHEN {isJson} THEN ',' ELSE {Literal(separator.ToString())} END)";
        var token = $"CASE WHEN {isJson} THEN {Trim(unquote)} ELSE {inner} END";
        // An unknown value stays NULL (an ARRAY of no rows would be an empty, known set).
        return $"CASE WHEN {trimmed} IS NOT NULL THEN ARRAY(SELECT t FROM (SELECT {token} AS t, n FROM unnest({parts}) WITH ORDINALITY AS u(e, n)) AS k WHERE t <> '' ORDER BY n) END";
    }

    public override string ListContains(string list, string value) => $"({value} = ANY({list}))";
    public override string TextList(IEnumerable<string> values) => "CAST(ARRAY[" + string.Join(", ", values.Select(Literal)) + "] AS text[])";
    public override string NumberList(IEnumerable<double> values) => "CAST(ARRAY[" + string.Join(", ", values.Select(Literal)) + "] AS double precision[])";
    public override string CountFound(string tokens, string list) =>
        $"(SELECT count(DISTINCT {Normalise("t")}) FROM unnest({tokens}) AS u(t) WHERE {Normalise("t")} = ANY({list}))";
    public override string FirstFound(string tokens, string list) =>
        $"(SELECT t FROM unnest({tokens}) WITH ORDINALITY AS u(t, n) WHERE {Normalise("t")} = ANY({list}) ORDER BY n LIMIT 1)";
    public override string IntegerDivide(string a, string b) => $"(({a}) / ({b}))";
    // Without it PostgreSQL pulls each stage up into the next, and planning alone took 200 ms for a small profile.
    public override string StageFence => "\n    OFFSET 0";
    public override (string Head, string From) SourceStage(string relation) => ($"{Source} AS {Row}", $"{relation} AS {Source}");
    public override string SelectSourceColumns(IReadOnlyList<string> helperColumns) => $"({Row}).*";
}

/// <summary>
/// Rewrites a profile's .NET regex into PostgreSQL's advanced regex syntax, or says which construct PostgreSQL
/// lacks. Most syntax is shared; the word boundary differs (<c>\b</c> is a backspace there, <c>\y</c> a boundary).
/// </summary>
internal static class PostgresRegex
{
    public static string Translate(string pattern)
    {
        var output = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                output.Append(inClass ? $"\\{next}" : next switch
                {
                    'b' => "\\y",
                    'B' => "\\Y",
                    'z' => "\\Z",
                    'p' or 'P' or 'k' or 'G' or 'K' => throw Unsupported(pattern, $"\\{next}"),
                    _ => $"\\{next}",
                });
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
            }
            else if (c == '[')
            {
                inClass = true;
                output.Append(c);
                // A leading ']' (or '^]') is a literal, not the end of the class.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') output.Append(pattern[++i]);
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') output.Append(pattern[++i]);
                continue;
            }
            else if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                var rest = pattern.AsSpan(i + 2);
                var lookbehind = rest.StartsWith("<=") || rest.StartsWith("<!");
                if (!lookbehind && (rest.StartsWith("<") || rest.StartsWith("'") || rest.StartsWith("P<")))
                    throw Unsupported(pattern, "named groups");
                if (rest.Length > 0 && char.IsLetter(rest[0]) && !(i == 0 && IsLeadingOptions(rest)))
                    throw Unsupported(pattern, "inline options other than a leading (?i)");
            }
            output.Append(c);
        }
        return output.ToString();
    }

    private static bool IsLeadingOptions(ReadOnlySpan<char> rest)
    {
        var close = rest.IndexOf(')');
        // i and x mean the same in both; s is PostgreSQL's default (dot matches a newline). m differs, so it is refused.
        return close > 0 && rest[..close].IndexOfAnyExcept("isx") < 0;
    }

    private static NotSupportedException Unsupported(string pattern, string construct) =>
        new($"the regex \"{pattern}\" uses {construct}, which PostgreSQL's regexes lack; rewrite it for the postgres dialect");
}
