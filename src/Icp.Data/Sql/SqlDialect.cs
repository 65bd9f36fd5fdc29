using System.Globalization;

namespace Icp.Data.Sql;

/// <summary>
/// What differs between SQL engines: quoting, and the handful of functions the compiled profile needs
/// (regex, lists for set fields, integer division). Everything else is ANSI.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    public static SqlDialect Snowflake { get; } = new SnowflakeDialect();

    public static SqlDialect BigQuery { get; } = new BigQueryDialect();

    public static SqlDialect Spark { get; } = new SparkDialect();

    /// <summary>Dialects by their <c>--dialect</c> name.</summary>
    public static IReadOnlyDictionary<string, SqlDialect> ByName { get; } = new Dictionary<string, SqlDialect>(StringComparer.OrdinalIgnoreCase)
    {
        ["duckdb"] = DuckDb,
        ["postgres"] = Postgres,
        ["snowflake"] = Snowflake,
        ["bigquery"] = BigQuery,
        ["spark"] = Spark,
    };

    public abstract string Name { get; }

    /// <summary>A quoted identifier: any column name, including reserved words and quotes, is safe.</summary>
    public virtual string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A table or view name, optionally qualified (<c>crm.accounts</c>), each part quoted.</summary>
    public string QualifiedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(".", name.Split('.').Select(Identifier));
    }

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
    public virtual string TryBool(string trimmed) =>
        $"CASE WHEN lower({trimmed}) IN ('true', 'yes', 'y', 't', '1') THEN true " +
        $"WHEN lower({trimmed}) IN ('false', 'no', 'n', 'f', '0') THEN false END";

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

    /// <summary>The column type for a result written back into a table.</summary>
    public virtual string TypeName(SqlType type) => type switch
    {
        SqlType.Integer => "INTEGER",
        SqlType.Boolean => "BOOLEAN",
        _ => "VARCHAR",
    };

    /// <summary>
    /// The statements that add the result columns to <paramref name="table"/> when missing and fill them from
    /// <paramref name="select"/>, matched on <paramref name="keys"/>. This default is <c>UPDATE ... FROM</c>;
    /// warehouses override it with <c>MERGE</c>.
    /// </summary>
    public virtual IReadOnlyList<string> WriteBack(string table, IReadOnlyList<string> keys, IReadOnlyList<WriteBackColumn> columns, string select)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(columns);
        return
        [
            .. AddColumns(table, columns),
            $"UPDATE {table} AS icp__target SET {Assignments(columns)}\nFROM (\n{select}\n) AS icp__result\nWHERE {KeysMatch(keys)}",
        ];
    }

    protected virtual IEnumerable<string> AddColumns(string table, IReadOnlyList<WriteBackColumn> columns) =>
        columns.Select(c => $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {Identifier(c.Column)} {TypeName(c.Type)}");

    protected string Assignments(IReadOnlyList<WriteBackColumn> columns) =>
        string.Join(", ", columns.Select(c => $"{Identifier(c.Column)} = icp__result.{Identifier(c.Result)}"));

    protected string KeysMatch(IReadOnlyList<string> keys) =>
        string.Join(" AND ", keys.Select(k => $"icp__target.{Identifier(k)} = icp__result.{Identifier(k)}"));

    /// <summary>
    /// The first stage's select-list head and FROM clause. By default every source column is carried along as
    /// itself (<c>*</c>) and the helper columns are left out at the end.
    /// </summary>
    public virtual (string Head, string From) SourceStage(string relation) => ("*", relation);

    /// <summary>How a stage is introduced in the WITH list: <c>name AS (...)</c> unless the engine needs a hint.</summary>
    public virtual string StageAs => "AS";

    /// <summary>
    /// Appended to each stage: where a planner would inline the stages into one expression tree (repeating every
    /// helper at each use), a fence keeps each stage evaluated once per row.
    /// </summary>
    public virtual string StageFence => "";

    /// <summary>The start of the final select list: every source column, leaving out <paramref name="helperColumns"/>.</summary>
    public abstract string SelectSourceColumns(IReadOnlyList<string> helperColumns);
}

/// <summary>The SQL type of a result column.</summary>
public enum SqlType
{
    Integer,
    Text,
    Boolean,
}

/// <summary>A table column that receives the result column <paramref name="Result"/> of the scoring SELECT.</summary>
public sealed record WriteBackColumn(string Column, string Result, SqlType Type);
