using System.Globalization;
using DuckDB.NET.Data;

namespace Icp.Bench.EndToEnd;

/// <summary>
/// Case (d): DuckDB in-process running the hand-written SQL equivalent of the profile
/// (<c>bench/profiles/bench.duckdb.sql</c>) from the same CSV to a CSV with the same added columns.
/// </summary>
internal static class DuckDbBaseline
{
    /// <summary>The script with its placeholders filled in.</summary>
    public static string Script(string sqlFile, string data, string output, int threads) =>
        File.ReadAllText(sqlFile)
            .Replace("{{DATA}}", Literal(data), StringComparison.Ordinal)
            .Replace("{{OUT}}", Literal(output), StringComparison.Ordinal)
            .Replace("{{THREADS}}", threads.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static void Run(string script)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = script;
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new BenchmarkFailedException($"DuckDB could not run the SQL: {e.Message}");
        }
    }

    public static string Version()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version()";
        return command.ExecuteScalar()?.ToString() ?? "unknown";
    }

    // Inside a single-quoted SQL string literal only the quote itself needs escaping.
    private static string Literal(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}
