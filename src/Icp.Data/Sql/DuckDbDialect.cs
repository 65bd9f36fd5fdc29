namespace Icp.Data.Sql;

/// <summary>DuckDB: RE2 regexes, native lists, <c>//</c> integer division, <c>SELECT * EXCLUDE</c>.</summary>
internal sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";
    // DuckDB 1.5 may materialise the stages, and a materialised scan does not keep the input order: 10M Parquet
    // rows came out shuffled. Inlined stages stream in order, as icp score writes them.
    public override string StageAs => "AS NOT MATERIALIZED";
    public override string AsText(string column) => $"CAST({column} AS VARCHAR)";
    // The ASCII white space .NET trims too (space, \t, \n, \v, \f, \r); a character set, not a regex: it runs per field.
    public override string Trim(string text) => $"trim({text}, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13))";
    public override string Normalise(string trimmed) => $"lower(regexp_replace({trimmed}, '\\s+', ' ', 'g'))";
    // No subquery here: DuckDB turns a per-row scalar subquery into a join, which costs memory and row order.
    public override string TryNumber(string trimmed) =>
        $"CASE WHEN isfinite(TRY_CAST(replace({trimmed}, ',', '') AS DOUBLE)) THEN TRY_CAST(replace({trimmed}, ',', '') AS DOUBLE) END";
    public override string TryDate(string trimmed) =>
        // DuckDB knows a year 0; .NET (and the in-process scorer) starts at year 1.
        $"CASE WHEN starts_with({trimmed}, '0000') THEN NULL " +
        $"WHEN regexp_full_match({trimmed}, '\\d{{4}}-\\d{{2}}-\\d{{2}}([T ].*)?') THEN TRY_CAST(left({trimmed}, 10) AS DATE) " +
        $"WHEN regexp_full_match({trimmed}, '\\d{{4}}-\\d{{2}}') THEN TRY_CAST({trimmed} || '-01' AS DATE) " +
        $"WHEN regexp_full_match({trimmed}, '\\d{{4}}') THEN TRY_CAST({trimmed} || '-01-01' AS DATE) END";
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
