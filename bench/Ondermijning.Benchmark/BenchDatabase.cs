using Microsoft.Data.Sqlite;
using Npgsql;
using Ondermijning.Engine;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>
/// A fresh, empty database of one provider for one measurement, so no measurement sees another's rows. Disposing drops
/// it: a run loads up to a million cases, and repeated runs must not fill the server or the disk.
/// </summary>
public sealed record BenchDatabase(StorageProvider Provider, string Location) : IAsyncDisposable
{
    public static BenchDatabase Fresh(StorageProvider provider, BenchOptions options, string purpose) => provider switch
    {
        StorageProvider.PostgreSql => new(provider,
            new NpgsqlConnectionStringBuilder(options.Postgres) { Database = $"bench_{purpose}_{Guid.NewGuid():N}"[..40], MaxPoolSize = 200 }.ConnectionString),
        _ => new(provider, Path.Combine(options.WorkFolder, $"{purpose}-{Guid.NewGuid():N}.db")),
    };

    /// <summary>The connection string the engine uses for SQLite, so the baseline has the same busy timeout and pooling.</summary>
    public string SqliteConnectionString => EngineServices.SqliteConnectionString(Location);

    public IReadOnlyDictionary<string, string> ServiceSettings() => Provider switch
    {
        StorageProvider.PostgreSql => new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = Location,
        },
        _ => new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__SqlitePath"] = Location,
        },
    };

    public void Configure(StorageOptions storage)
    {
        storage.Provider = Provider;
        if (Provider == StorageProvider.PostgreSql) storage.ConnectionString = Location;
        else storage.SqlitePath = Location;
    }

    /// <summary>What "durable" means on this database, as the measurements ran.</summary>
    public async Task<string> DurabilityAsync()
    {
        if (Provider == StorageProvider.PostgreSql)
        {
            await using var pg = new NpgsqlConnection(Location);
            await pg.OpenAsync();
            return $"synchronous_commit={await ShowAsync(pg, "synchronous_commit")}, fsync={await ShowAsync(pg, "fsync")}, " +
                   $"wal_sync_method={await ShowAsync(pg, "wal_sync_method")}";
        }
        await using var sqlite = new SqliteConnection(SqliteConnectionString);
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        var journal = await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToInt32(await command.ExecuteScalarAsync());
        return $"journal_mode={journal}, synchronous={(synchronous == 2 ? "FULL" : synchronous.ToString())}";
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>PostgreSQL databases are created here for the raw measurements; the engine's migrations create their own.</summary>
    public async Task CreateAsync()
    {
        if (Provider == StorageProvider.PostgreSql) await OnServerAsync(name => $"CREATE DATABASE \"{name}\"");
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == StorageProvider.PostgreSql)
        {
            // FORCE ends the pooled connections this process still holds to it.
            await OnServerAsync(name => $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Location + suffix);
    }

    /// <summary>Runs a statement about this database from the server's maintenance database.</summary>
    private async Task OnServerAsync(Func<string, string> statement)
    {
        var builder = new NpgsqlConnectionStringBuilder(Location);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var server = new NpgsqlConnection(builder.ConnectionString);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(statement(name), server);
        await command.ExecuteNonQueryAsync();
    }
}
