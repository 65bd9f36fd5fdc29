using System.Globalization;
using Icp.Core;
using Icp.Core.Profiles;
using Icp.Core.Scoring;
using Icp.Core.Tables;
using Icp.Data.Tables;
using Npgsql;

namespace Icp.Data.Sql;

/// <summary>
/// <c>icp score --db postgres://...</c>: scores a PostgreSQL table with the compiled SQL, either streaming the
/// scored rows into a file or writing the results back into the table in one transaction.
/// </summary>
public static class PostgresScorer
{
    private static readonly SqlDialect Sql = SqlDialect.Postgres;

    /// <summary>
    /// An Npgsql connection string from a <c>postgres://user:password@host:port/database?sslmode=require</c> URL
    /// (or a connection string as it is). A password not in the URL comes from <c>PGPASSWORD</c>, as with psql.
    /// </summary>
    public static string ConnectionString(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return url.Contains('=', StringComparison.Ordinal) ? url
                : throw new InputException($"--db '{url}' is not a PostgreSQL URL like postgres://user@host:5432/database");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new InputException($"--db '{Redacted(url)}' is not a PostgreSQL URL like postgres://user@host:5432/database");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) builder.Username = Uri.UnescapeDataString(user[0]);
        var password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : Environment.GetEnvironmentVariable("PGPASSWORD");
        if (!string.IsNullOrEmpty(password)) builder.Password = password;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v)) : (pair, "");
            if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) && Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode))
                builder.SslMode = mode;
            else
                throw new InputException($"--db: unsupported URL parameter '{key}' (supported: sslmode)");
        }
        return builder.ConnectionString;
    }

    /// <summary>Scores <paramref name="table"/> and streams every row with its results into <paramref name="output"/>; returns the rows written.</summary>
    public static long Export(IReadOnlyList<Profile> profiles, string url, string table, string output, ScoringOptions options, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var select = ProfileSqlCompiler.Compile(profiles, Sql, table, options);
        return Run(url, table, connection =>
        {
            using var command = new NpgsqlCommand(select, connection) { CommandTimeout = 0 };
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            using var writer = TableWriters.Create(output, columns);
            var batch = new RowBatch(columns.Count, ScoringPipeline.BatchRows);
            long rows = 0;
            while (reader.Read())
            {
                batch.BeginRow(++rows);
                for (var c = 0; c < columns.Count; c++) batch.AddField(Text(reader, c));
                batch.EndRow();
                if (!batch.IsFull) continue;
                writer.Write(batch, null);
                batch.Clear();
                progress?.Invoke(rows);
            }
            writer.Write(batch, null);
            writer.Commit();
            progress?.Invoke(rows);
            return rows;
        });
    }

    /// <summary>
    /// Writes the results into <paramref name="table"/> as <paramref name="prefix"/><c>score</c>, <c>..._tier</c>,
    /// ..., matched on <paramref name="keys"/> (default: the table's primary key), in one transaction: a failed
    /// or killed run changes nothing, and a re-run overwrites the same columns with the same values.
    /// </summary>
    public static WriteBackResult WriteBack(IReadOnlyList<Profile> profiles, string url, string table, IReadOnlyList<string>? keys, string prefix, ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Run(url, table, connection =>
        {
            using var transaction = connection.BeginTransaction();
            var key = keys is { Count: > 0 } ? keys : PrimaryKey(connection, table);
            long updated = 0;
            foreach (var statement in ProfileSqlCompiler.CompileWriteBack(profiles, Sql, table, key, prefix, options))
            {
                using var command = new NpgsqlCommand(statement, connection, transaction) { CommandTimeout = 0 };
                updated = command.ExecuteNonQuery();
            }
            var tiers = new List<(string Tier, long Rows)>();
            using (var count = new NpgsqlCommand($"SELECT {Sql.Identifier(prefix + "tier")}, count(*) FROM {Sql.QualifiedName(table)} GROUP BY 1 ORDER BY 1", connection, transaction))
            using (var reader = count.ExecuteReader())
                while (reader.Read()) tiers.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1)));
            transaction.Commit();
            return new WriteBackResult(updated, key, tiers);
        });
    }

    private static IReadOnlyList<string> PrimaryKey(NpgsqlConnection connection, string table)
    {
        using var command = new NpgsqlCommand("""
            SELECT to_regclass(@table) IS NOT NULL,
                   ARRAY(SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                         WHERE i.indrelid = to_regclass(@table) AND i.indisprimary ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum))
            """, connection);
        command.Parameters.AddWithValue("table", Sql.QualifiedName(table));
        using var reader = command.ExecuteReader();
        reader.Read();
        if (!reader.GetBoolean(0)) throw new InputException($"--table {table}: no such table or view");
        var key = reader.GetFieldValue<string[]>(1);
        return key.Length > 0 ? key
            : throw new InputException($"--table {table} has no primary key: name the column(s) that identify a row with --key");
    }

    private static T Run<T>(string url, string table, Func<NpgsqlConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString(url));
            connection.Open();
            return work(connection);
        }
        catch (PostgresException e)
        {
            throw new InputException($"PostgreSQL could not score {table}: {e.MessageText}{(e.Hint is { } hint ? $" ({hint})" : "")}", new SourceLocation(Redacted(url)), e);
        }
        catch (NpgsqlException e)
        {
            throw new InputException($"cannot reach PostgreSQL at {Redacted(url)}: {e.InnerException?.Message ?? e.Message}", new SourceLocation(Redacted(url)), e);
        }
    }

    /// <summary>The URL without its password, for messages.</summary>
    private static string Redacted(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var colon = scheme < 0 || at < scheme ? -1 : url.IndexOf(':', scheme + 3, at - scheme - 3);
        return colon < 0 ? url : url[..(colon + 1)] + "***" + url[at..];
    }

    private static string Text(NpgsqlDataReader reader, int column)
    {
        if (reader.IsDBNull(column)) return "";
        return reader.GetValue(column) switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            DateTime { TimeOfDay.Ticks: 0 } d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        };
    }
}

/// <summary>What a write-back changed: rows updated, the key it matched on, and rows per tier afterwards.</summary>
public sealed record WriteBackResult(long Rows, IReadOnlyList<string> Key, IReadOnlyList<(string Tier, long Rows)> Tiers);
