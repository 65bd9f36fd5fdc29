using System.Globalization;
using DuckDB.NET.Data;
using Icp.Core;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Data.Tables;

namespace Icp.Data.Sql;

/// <summary>
/// <c>icp score --engine duckdb</c>: runs the compiled SQL inside an in-process DuckDB over a CSV, TSV or Parquet
/// file and writes CSV or Parquet. Output goes to a temporary file renamed into place, like every icp writer.
/// </summary>
public static class DuckDbScorer
{
    /// <summary>Scores <paramref name="input"/> into <paramref name="output"/>; returns the rows written.</summary>
    public static long Score(IReadOnlyList<Profile> profiles, string input, string output, ScoringOptions options, int threads)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(input)) throw new InputException($"file not found: {input}", new SourceLocation(input));
        // DuckDB does not keep the input order through the compiled stages on large inputs (10M Parquet rows came
        // out interleaved by chunk), so each row carries its input position and the output is sorted by it.
        var source = TableFormats.Detect(input) switch
        {
            TableFormat.Parquet => $"(SELECT * EXCLUDE (file_row_number), file_row_number AS {Order} FROM read_parquet({Quote(input)}, file_row_number = true))",
            TableFormat.Csv or TableFormat.Tsv => $"(SELECT *, row_number() OVER () AS {Order} FROM read_csv({Quote(input)}, header = true, all_varchar = true))",
            _ => throw new InputException($"--engine duckdb reads .csv, .tsv and .parquet files, not {Path.GetFileName(input)}", new SourceLocation(input)),
        };
        var format = TableFormats.Detect(output) switch
        {
            TableFormat.Parquet => "FORMAT PARQUET",
            TableFormat.Csv => "FORMAT CSV, HEADER",
            TableFormat.Tsv => "FORMAT CSV, HEADER, DELIMITER '\t'",
            _ => throw new InputException($"--engine duckdb writes .csv, .tsv and .parquet files, not {Path.GetFileName(output)}", new SourceLocation(output)),
        };
        var target = Path.GetFullPath(output);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.tmp-{Path.GetRandomFileName()}");
        try
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            Execute(connection, $"SET threads TO {threads.ToString(CultureInfo.InvariantCulture)}");
            Execute(connection, $"CREATE VIEW icp_input AS SELECT * FROM {source}");
            var select = ProfileSqlCompiler.Compile(profiles, SqlDialect.DuckDb, "icp_input", options);
            var rows = Execute(connection, $"COPY (SELECT * EXCLUDE ({Order}) FROM ({select}) ORDER BY {Order}) TO {Quote(temp)} ({format})");
            File.Move(temp, target, overwrite: true);
            return rows;
        }
        catch (DuckDBException e)
        {
            throw new InputException($"DuckDB could not score {input}: {FirstLine(e.Message)}", new SourceLocation(input), e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private const string Order = "icp__input_row";

    private static long Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static string Quote(string path) => SqlDialect.DuckDb.Literal(path);

    private static string FirstLine(string message) => message.Split('\n')[0];
}
