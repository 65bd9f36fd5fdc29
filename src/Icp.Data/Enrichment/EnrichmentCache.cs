using System.Globalization;
using System.Text.Json;
using Icp.Core;
using Microsoft.Data.Sqlite;

namespace Icp.Data.Enrichment;

/// <summary>
/// Answers of remote providers kept in a SQLite file between runs, keyed by provider and lookup key, "not found"
/// included (asking an API again about a company it does not know costs the same and tells nothing new). An
/// entry is fresh for the provider's TTL, measured on the injected clock, and only for the same provider
/// configuration (<see cref="IEnrichmentProvider.Fingerprint"/>): a changed field mapping asks again.
/// Not thread-safe: the waterfall reads and writes it from one thread.
/// </summary>
public sealed class EnrichmentCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private EnrichmentCache(string path, SqliteConnection connection, TimeProvider clock) => (Path, _connection, _clock) = (path, connection, clock);

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the cache at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">the file cannot be opened or is not an icp cache.</exception>
    public static EnrichmentCache Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS lookups (
                    provider    TEXT    NOT NULL,
                    lookup_key  TEXT    NOT NULL,
                    fingerprint TEXT    NOT NULL,
                    found       INTEGER NOT NULL,
                    fields      TEXT    NOT NULL,  -- JSON array of values, in the provider's field order
                    fetched_at  INTEGER NOT NULL,  -- Unix milliseconds, UTC
                    PRIMARY KEY (provider, lookup_key)
                ) WITHOUT ROWID;
                """);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InputException($"cannot use {path} as the enrichment cache: {e.Message} (delete it to start a fresh cache)", new SourceLocation(path), e);
        }
        return new EnrichmentCache(path, connection, clock ?? TimeProvider.System);
    }

    /// <summary>The cached answer when there is a fresh one for this provider configuration; otherwise null.</summary>
    public LookupOutcome? Get(IEnrichmentProvider provider, LookupKey key)
    {
        ArgumentNullException.ThrowIfNull(provider);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT fingerprint, found, fields, fetched_at FROM lookups WHERE provider = $p AND lookup_key = $k";
        command.Parameters.AddWithValue("$p", provider.Name);
        command.Parameters.AddWithValue("$k", key.ToString());
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.GetString(0) != provider.Fingerprint) return null;
        var found = reader.GetInt64(1) != 0;
        var fetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
        var age = _clock.GetUtcNow() - fetchedAt;
        if (age > (found ? provider.FoundTtl : provider.NotFoundTtl)) return null;
        if (!found) return new NotFound(fetchedAt);
        var values = JsonSerializer.Deserialize(reader.GetString(2), CacheJson.Default.StringArray);
        return values is { } v && v.Length == provider.Fields.Count ? new Found(v, fetchedAt) : null;
    }

    /// <summary>Stores answers (found and not found; failures are never stored) in one transaction.</summary>
    public void Put(IEnrichmentProvider provider, IEnumerable<(LookupKey Key, LookupOutcome Outcome)> answers)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(answers);
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO lookups (provider, lookup_key, fingerprint, found, fields, fetched_at) VALUES ($p, $k, $f, $found, $fields, $at)
            ON CONFLICT (provider, lookup_key) DO UPDATE SET fingerprint = $f, found = $found, fields = $fields, fetched_at = $at
            """;
        var p = command.Parameters.Add("$p", SqliteType.Text);
        var k = command.Parameters.Add("$k", SqliteType.Text);
        var f = command.Parameters.Add("$f", SqliteType.Text);
        var isFound = command.Parameters.Add("$found", SqliteType.Integer);
        var fields = command.Parameters.Add("$fields", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        p.Value = provider.Name;
        f.Value = provider.Fingerprint;
        foreach (var (key, outcome) in answers)
        {
            switch (outcome)
            {
                case Found found:
                    isFound.Value = 1;
                    fields.Value = JsonSerializer.Serialize(found.Values, CacheJson.Default.StringArray);
                    at.Value = found.FetchedAt.ToUnixTimeMilliseconds();
                    break;
                case NotFound missing:
                    isFound.Value = 0;
                    fields.Value = "[]";
                    at.Value = missing.FetchedAt.ToUnixTimeMilliseconds();
                    break;
                default:
                    continue;
            }
            k.Value = key.ToString();
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Entries held, for tests and the summary.</summary>
    public long Count()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM lookups";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class CacheJson : System.Text.Json.Serialization.JsonSerializerContext;
