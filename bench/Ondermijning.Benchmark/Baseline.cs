using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>
/// The database's own limit: single-row insert-and-commit, one transaction per row, from as many connections as the
/// workload has clients. Nothing the engine does can be faster than this with the same durability settings.
/// </summary>
public static class Baseline
{
    public static async Task<double> InsertsPerSecondAsync(BenchDatabase database, int rows, int connections)
    {
        await database.CreateAsync();
        await ExecuteAsync(database, database.Provider == StorageProvider.PostgreSql
            ? "CREATE TABLE baseline (id bigserial PRIMARY KEY, payload text NOT NULL)"
            : "PRAGMA journal_mode=WAL; CREATE TABLE baseline (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");

        var perConnection = rows / connections;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => InsertAsync(database, perConnection))));
        return perConnection * connections / clock.Elapsed.TotalSeconds;
    }

    private static async Task InsertAsync(BenchDatabase database, int rows)
    {
        if (database.Provider == StorageProvider.PostgreSql)
        {
            await using var pg = new NpgsqlConnection(database.Location);
            await pg.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO baseline (payload) VALUES ($1)", pg);
            insert.Parameters.Add(new NpgsqlParameter { Value = "" });
            await insert.PrepareAsync();
            for (var i = 0; i < rows; i++)
            {
                insert.Parameters[0].Value = $"row {i}";
                await insert.ExecuteNonQueryAsync();
            }
            return;
        }
        await using var sqlite = new SqliteConnection(database.SqliteConnectionString);
        await sqlite.OpenAsync();
        await using (var pragma = sqlite.CreateCommand())
        {
            // What the engine runs with: SQLite's default, stated so that the comparison cannot drift.
            pragma.CommandText = "PRAGMA synchronous=FULL;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var command = sqlite.CreateCommand();
        command.CommandText = "INSERT INTO baseline (payload) VALUES ($payload)";
        var payload = command.Parameters.Add("$payload", SqliteType.Text);
        for (var i = 0; i < rows; i++)
        {
            payload.Value = $"row {i}";
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(BenchDatabase database, string sql)
    {
        if (database.Provider == StorageProvider.PostgreSql)
        {
            await using var pg = new NpgsqlConnection(database.Location);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            await command.ExecuteNonQueryAsync();
            return;
        }
        await using var sqlite = new SqliteConnection(database.SqliteConnectionString);
        await sqlite.OpenAsync();
        await using var create = sqlite.CreateCommand();
        create.CommandText = sql;
        await create.ExecuteNonQueryAsync();
    }
}
