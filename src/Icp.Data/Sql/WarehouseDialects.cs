using System.Text;

namespace Icp.Data.Sql;

/// <summary>
/// Warehouses that cannot run here: Snowflake, BigQuery and Spark SQL. Their SQL is pinned by approved golden
/// files (tests/Icp.Data.Tests/Sql/Golden); docs/sql.md says what was and was not run on a real engine.
/// Each writes results back with <c>MERGE</c>.
/// </summary>
internal abstract class WarehouseDialect : SqlDialect
{
    public override IReadOnlyList<string> WriteBack(string table, IReadOnlyList<string> keys, IReadOnlyList<WriteBackColumn> columns, string select)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(columns);
        return
        [
            .. AddColumns(table, columns),
            $"MERGE INTO {table} AS icp__target\nUSING (\n{select}\n) AS icp__result\nON {KeysMatch(keys)}\nWHEN MATCHED THEN UPDATE SET {Assignments(columns)}",
        ];
    }

    /// <summary>A literal for engines whose strings treat the backslash as an escape character.</summary>
    protected static string BackslashEscaped(string text, string quoteEscape)
    {
        var output = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            output.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => quoteEscape,
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => c.ToString(),
            });
        }
        return output.Append('\'').ToString();
    }

    /// <summary>A regex with a leading <c>(?i)</c> split off, for engines that take case-insensitivity as a flag.</summary>
    protected static (string Pattern, bool IgnoreCase) LeadingCaseFlag(string pattern) =>
        pattern.StartsWith("(?i)", StringComparison.Ordinal) ? (pattern[4..], true) : (pattern, false);
}

/// <summary>
/// Snowflake: <c>TRY_TO_DOUBLE</c> / <c>TRY_TO_DATE</c>, arrays with <c>FILTER</c> / <c>TRANSFORM</c>, POSIX
/// regexes (no <c>\b</c>, no lookarounds; <c>(?i)</c> becomes the <c>'i'</c> flag), backslash escapes in strings.
/// Quoted identifiers are case-sensitive: map fields to the columns as stored (usually upper case) with <c>--column</c>.
/// </summary>
internal sealed class SnowflakeDialect : WarehouseDialect
{
    public override string Name => "snowflake";
    public override string Literal(string text) => BackslashEscaped(text, "''");
    public override string AsText(string column) => $"CAST({column} AS VARCHAR)";
    public override string Trim(string text) => $"trim({text}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))";
    public override string Normalise(string trimmed) => $"lower(regexp_replace({trimmed}, {Literal("\\s+")}, ' '))";
    public override string TryNumber(string trimmed)
    {
        var number = $"try_to_double(replace({trimmed}, ',', ''))";
        return $"CASE WHEN {number} BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN {number} END";
    }

    public override string TryDate(string trimmed) =>
        $"CASE WHEN regexp_like({trimmed}, {Literal("\\d{4}-\\d{2}-\\d{2}([T ].*)?")}) THEN try_to_date(left({trimmed}, 10), 'YYYY-MM-DD') " +
        $"WHEN regexp_like({trimmed}, {Literal("\\d{4}-\\d{2}")}) THEN try_to_date({trimmed} || '-01', 'YYYY-MM-DD') " +
        $"WHEN regexp_like({trimmed}, {Literal("\\d{4}")}) THEN try_to_date({trimmed} || '-01-01', 'YYYY-MM-DD') END";


    public override string RegexMatches(string text, string pattern)
    {
        var (body, ignoreCase) = LeadingCaseFlag(pattern);
        foreach (var construct in new[] { "\\b", "\\B", "(?=", "(?!", "(?<", "(?i", "(?:" })
            if (body.Contains(construct, StringComparison.Ordinal))
                throw new NotSupportedException($"the regex \"{pattern}\" uses {construct}, which Snowflake's POSIX regexes lack");
        return $"(regexp_instr({text}, {Literal(body)}, 1, 1, 0, {(ignoreCase ? "'i'" : "'c'")}) > 0)";
    }

    public override string Tokens(string trimmed, char separator)
    {
        var unquote = "CASE WHEN startswith(t, '\"') THEN CASE WHEN length(t) > 1 AND endswith(t, '\"') THEN substr(t, 2, length(t) - 2) ELSE substr(t, 2) END ELSE t END";
        var json = $"transform(transform(split(substr({trimmed}, 2, length({trimmed}) - 2), ','), t -> {Trim("t::VARCHAR")}), t -> {Trim(unquote)})";
        var separated = $"transform(split({trimmed}, {Literal(separator.ToString())}), t -> {Trim("t::VARCHAR")})";
        return $"filter(CASE WHEN length({trimmed}) > 1 AND startswith({trimmed}, '[') AND endswith({trimmed}, ']') THEN {json} ELSE {separated} END, t -> t::VARCHAR <> '')";
    }

    public override string ListContains(string list, string value) => $"array_contains({value}::VARIANT, {list})";
    public override string TextList(IEnumerable<string> values) => "array_construct(" + string.Join(", ", values.Select(Literal)) + ")";
    public override string NumberList(IEnumerable<double> values) => "array_construct(" + string.Join(", ", values.Select(v => $"{Literal(v)}::DOUBLE")) + ")";
    public override string CountFound(string tokens, string list) =>
        $"array_size(array_distinct(filter(transform({tokens}, t -> {Normalise("t::VARCHAR")}), t -> array_contains(t::VARIANT, {list}))))";
    public override string FirstFound(string tokens, string list) => $"filter({tokens}, t -> array_contains({Normalise("t::VARCHAR")}::VARIANT, {list}))[0]::VARCHAR";
    public override string IntegerDivide(string a, string b) => $"floor(({a}) / ({b}))";
    // CONCAT_WS is NULL when any part is; a compacted array skips the NULL parts.
    public override string JoinNonNull(string separator, IEnumerable<string> parts) => $"array_to_string(array_construct_compact({string.Join(", ", parts)}), {Literal(separator)})";
    public override string SelectSourceColumns(IReadOnlyList<string> helperColumns) => $"* EXCLUDE ({string.Join(", ", helperColumns.Select(Identifier))})";
}

/// <summary>
/// BigQuery (GoogleSQL): back-quoted identifiers, <c>SAFE_CAST</c>, RE2 regexes as in DuckDB, arrays through
/// <c>UNNEST</c> subqueries, <c>SELECT * EXCEPT</c>.
/// </summary>
internal sealed class BigQueryDialect : WarehouseDialect
{
    public override string Name => "bigquery";
    public override string Identifier(string name) => "`" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";
    public override string Literal(string text) => BackslashEscaped(text, "\\'");
    public override string TypeName(SqlType type) => type switch { SqlType.Integer => "INT64", SqlType.Boolean => "BOOL", _ => "STRING" };
    public override string AsText(string column) => $"CAST({column} AS STRING)";
    public override string Trim(string text) => $"trim({text}, code_points_to_string([32, 9, 10, 11, 12, 13]))";
    public override string Normalise(string trimmed) => $"lower(regexp_replace({trimmed}, {Literal("\\s+")}, ' '))";
    public override string TryNumber(string trimmed)
    {
        var number = $"safe_cast(replace({trimmed}, ',', '') AS FLOAT64)";
        return $"CASE WHEN NOT is_inf({number}) AND NOT is_nan({number}) THEN {number} END";
    }

    public override string TryDate(string trimmed) =>
        $"CASE WHEN regexp_contains({trimmed}, {Literal("^\\d{4}-\\d{2}-\\d{2}([T ].*)?$")}) THEN safe_cast(left({trimmed}, 10) AS DATE) " +
        $"WHEN regexp_contains({trimmed}, {Literal("^\\d{4}-\\d{2}$")}) THEN safe_cast({trimmed} || '-01' AS DATE) " +
        $"WHEN regexp_contains({trimmed}, {Literal("^\\d{4}$")}) THEN safe_cast({trimmed} || '-01-01' AS DATE) END";


    public override string RegexMatches(string text, string pattern) => $"regexp_contains({text}, {Literal(pattern)})";

    public override string Tokens(string trimmed, char separator)
    {
        var isJson = $"length({trimmed}) > 1 AND starts_with({trimmed}, '[') AND ends_with({trimmed}, ']')";
        var inner = Trim("e");
        var unquote = $"CASE WHEN starts_with({inner}, '\"') THEN CASE WHEN length({inner}) > 1 AND ends_with({inner}, '\"') " +
                      $"THEN substr({inner}, 2, length({inner}) - 2) ELSE substr({inner}, 2) END ELSE {inner} END";
        var parts = $"split(CASE WHEN {isJson} THEN substr({trimmed}, 2, length({trimmed}) - 2) ELSE {trimmed} END, CASE WHEN {isJson} THEN ',' ELSE {Literal(separator.ToString())} END)";
        var token = $"CASE WHEN {isJson} THEN {Trim(unquote)} ELSE {inner} END";
        return $"CASE WHEN {trimmed} IS NOT NULL THEN ARRAY(SELECT t FROM (SELECT {token} AS t, n FROM UNNEST({parts}) AS e WITH OFFSET AS n) WHERE t <> '' ORDER BY n) END";
    }

    public override string ListContains(string list, string value) => $"({value} IN UNNEST({list}))";
    public override string TextList(IEnumerable<string> values) => "ARRAY<STRING>[" + string.Join(", ", values.Select(Literal)) + "]";
    public override string NumberList(IEnumerable<double> values) => "ARRAY<FLOAT64>[" + string.Join(", ", values.Select(Literal)) + "]";
    public override string CountFound(string tokens, string list) =>
        $"(SELECT count(DISTINCT {Normalise("t")}) FROM UNNEST({tokens}) AS t WHERE {Normalise("t")} IN UNNEST({list}))";
    public override string FirstFound(string tokens, string list) =>
        $"(SELECT t FROM UNNEST({tokens}) AS t WITH OFFSET AS n WHERE {Normalise("t")} IN UNNEST({list}) ORDER BY n LIMIT 1)";
    public override string IntegerDivide(string a, string b) => $"div({a}, {b})";
    public override string JoinNonNull(string separator, IEnumerable<string> parts) => $"array_to_string([{string.Join(", ", parts)}], {Literal(separator)})";
    public override string SelectSourceColumns(IReadOnlyList<string> helperColumns) => $"* EXCEPT ({string.Join(", ", helperColumns.Select(Identifier))})";
}

/// <summary>
/// Spark SQL (3.4 and later, ANSI mode or not): back-quoted identifiers, <c>try_cast</c> / <c>try_to_date</c>,
/// Java regexes with <c>RLIKE</c>, higher-order array functions. Spark has no <c>SELECT * EXCEPT</c>, so the source
/// row travels as one struct, as in PostgreSQL.
/// </summary>
internal sealed class SparkDialect : WarehouseDialect
{
    public override string Name => "spark";
    public override string Identifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
    public override string Literal(string text) => BackslashEscaped(text, "\\'");
    public override string TypeName(SqlType type) => type switch { SqlType.Integer => "INT", SqlType.Boolean => "BOOLEAN", _ => "STRING" };
    public override string AsText(string column) => $"CAST({column} AS STRING)";
    public override string Trim(string text) => $"trim(BOTH concat(' ', chr(9), chr(10), chr(11), chr(12), chr(13)) FROM {text})";
    public override string Normalise(string trimmed) => $"lower(regexp_replace({trimmed}, {Literal("\\s+")}, ' '))";
    public override string TryNumber(string trimmed)
    {
        var number = $"try_cast(replace({trimmed}, ',', '') AS DOUBLE)";
        return $"CASE WHEN NOT isnan({number}) AND abs({number}) <> double('Infinity') THEN {number} END";
    }

    public override string TryDate(string trimmed) =>
        $"CASE WHEN startswith({trimmed}, '0000') THEN NULL " +
        $"WHEN {trimmed} RLIKE {Literal("^\\d{4}-\\d{2}-\\d{2}([T ].*)?$")} THEN try_to_date(left({trimmed}, 10), 'yyyy-MM-dd') " +
        $"WHEN {trimmed} RLIKE {Literal("^\\d{4}-\\d{2}$")} THEN try_to_date({trimmed} || '-01', 'yyyy-MM-dd') " +
        $"WHEN {trimmed} RLIKE {Literal("^\\d{4}$")} THEN try_to_date({trimmed} || '-01-01', 'yyyy-MM-dd') END";


    public override string RegexMatches(string text, string pattern) => $"({text} RLIKE {Literal(pattern)})";

    public override string Tokens(string trimmed, char separator)
    {
        // split() takes a regex: the separator is quoted with \Q...\E.
        var unquote = "CASE WHEN startswith(t, '\"') THEN CASE WHEN length(t) > 1 AND endswith(t, '\"') THEN substr(t, 2, length(t) - 2) ELSE substr(t, 2) END ELSE t END";
        var json = $"transform(transform(split(substr({trimmed}, 2, length({trimmed}) - 2), ','), t -> {Trim("t")}), t -> {Trim(unquote)})";
        var separated = $"transform(split({trimmed}, {Literal("\\Q" + separator + "\\E")}), t -> {Trim("t")})";
        return $"filter(CASE WHEN length({trimmed}) > 1 AND startswith({trimmed}, '[') AND endswith({trimmed}, ']') THEN {json} ELSE {separated} END, t -> t <> '')";
    }

    public override string ListContains(string list, string value) => $"array_contains({list}, {value})";
    public override string TextList(IEnumerable<string> values) => "array(" + string.Join(", ", values.Select(Literal)) + ")";
    public override string NumberList(IEnumerable<double> values) => "array(" + string.Join(", ", values.Select(v => $"CAST({Literal(v)} AS DOUBLE)")) + ")";
    public override string CountFound(string tokens, string list) =>
        $"size(array_distinct(filter(transform({tokens}, t -> {Normalise("t")}), t -> array_contains({list}, t))))";
    public override string FirstFound(string tokens, string list) => $"try_element_at(filter({tokens}, t -> array_contains({list}, {Normalise("t")})), 1)";
    public override string IntegerDivide(string a, string b) => $"(({a}) div ({b}))";
    public override (string Head, string From) SourceStage(string relation) => ("struct(icp__src.*) AS icp__row", $"{relation} AS icp__src");
    public override string SelectSourceColumns(IReadOnlyList<string> helperColumns) => "icp__row.*";
}
