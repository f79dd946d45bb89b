using System.Diagnostics;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Benchmark;

public sealed record BulkResult(int Cases, IReadOnlyDictionary<string, long> RowsPerTable, TimeSpan Elapsed)
{
    public long Rows => RowsPerTable.Values.Sum();
}

/// <summary>
/// Writes <see cref="SampleChain"/> with each database's fastest honest path (SQLite: prepared inserts in one transaction;
/// PostgreSQL: binary COPY, one per table) into the schema the engine's migrations made, then lets the database
/// gather statistics, as a DBA would after a load.
/// </summary>
public static class BulkLoad
{
    public static async Task<BulkResult> LoadAsync(BenchDatabase database, IServiceProvider engine, int cases)
    {
        await using var scope = engine.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        var tables = BulkTables.For(db, database.Provider);
        var definition = scope.ServiceProvider.GetRequiredService<WorkflowCatalog>().Get(new DefinitionKey(new WorkflowId("ondermijning"), 1));
        var chain = new SampleChain(tables, definition, cases, scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant());

        var clock = Stopwatch.StartNew();
        var rows = database.Provider == StorageProvider.PostgreSql
            ? await LoadPostgresAsync(database, tables, chain)
            : await LoadSqliteAsync(database, tables, chain);
        await ReadBackAsync(db, tables.All.Where(t => rows.GetValueOrDefault(t) > 0));
        return new BulkResult(cases, tables.All.ToDictionary(t => t.Name, t => rows.GetValueOrDefault(t)), clock.Elapsed);
    }

    private static async Task<Dictionary<BulkTable, long>> LoadPostgresAsync(BenchDatabase database, BulkTables tables, SampleChain chain)
    {
        // COPY of millions of rows (index and foreign-key upkeep included) takes longer than the default 30 s command timeout.
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(database.Location) { CommandTimeout = 0 }.ConnectionString);
        builder.UseNodaTime();
        await using var source = builder.Build();
        // One COPY per table, all open at once on their own connections, fed by one pass over the chain. A COPY checks its
        // foreign keys when it completes, so the cases' COPY completes (and commits) first and the others find their cases.
        var copies = new Dictionary<BulkTable, (NpgsqlConnection Connection, NpgsqlBinaryImporter Copy)>();
        try
        {
            foreach (var table in tables.All)
            {
                var connection = await source.OpenConnectionAsync();
                copies[table] = (connection, await connection.BeginBinaryImportAsync(
                    $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"));
            }
            var rows = new Dictionary<BulkTable, long>();
            foreach (var row in chain.Rows())
            {
                var copy = copies[row.Table].Copy;
                copy.StartRow();
                foreach (var value in row.Values)
                    if (value is null) copy.WriteNull();
                    else copy.Write(value);
                rows[row.Table] = rows.GetValueOrDefault(row.Table) + 1;
            }
            foreach (var table in tables.All) await copies[table].Copy.CompleteAsync();
            // VACUUM as well: it sets the visibility map, without which no index-only scan skips the table rows.
            await using var analyze = source.CreateCommand("VACUUM ANALYZE");
            await analyze.ExecuteNonQueryAsync();
            return rows;
        }
        finally
        {
            foreach (var (connection, copy) in copies.Values)
            {
                await copy.DisposeAsync();
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<Dictionary<BulkTable, long>> LoadSqliteAsync(BenchDatabase database, BulkTables tables, SampleChain chain)
    {
        // Not from the pool the measurements use: the larger page cache a load gets stays with this connection.
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(database.SqliteConnectionString) { Pooling = false }.ToString());
        await sqlite.OpenAsync();
        await using (var cache = sqlite.CreateCommand())
        {
            // The default 2 MB page cache makes every index of a growing table a disk read per insert.
            cache.CommandText = "PRAGMA cache_size = -262144;";
            await cache.ExecuteNonQueryAsync();
        }
        var rows = new Dictionary<BulkTable, long>();
        await using (var transaction = sqlite.BeginTransaction())
        {
            var inserts = tables.All.ToDictionary(t => t, t =>
            {
                var insert = sqlite.CreateCommand();
                insert.CommandText = $"INSERT INTO {t.Name} ({string.Join(", ", t.Columns.Select(c => $"\"{c}\""))}) " +
                                     $"VALUES ({string.Join(", ", t.Columns.Select((_, i) => $"$p{i}"))})";
                for (var i = 0; i < t.Columns.Count; i++) insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
                insert.Prepare();
                return insert;
            });
            foreach (var row in chain.Rows())
            {
                var insert = inserts[row.Table];
                for (var i = 0; i < row.Values.Length; i++) insert.Parameters[i].Value = row.Values[i] ?? DBNull.Value;
                insert.ExecuteNonQuery();
                rows[row.Table] = rows.GetValueOrDefault(row.Table) + 1;
            }
            await transaction.CommitAsync();
            foreach (var insert in inserts.Values) await insert.DisposeAsync();
        }
        await using (var analyze = sqlite.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }
        return rows;
    }

    /// <summary>
    /// EF Core reads a row of every table back, so a value stored in a form the engine would not have written (a Guid
    /// as a blob, a date in another format) fails the load here instead of skewing a figure later.
    /// </summary>
    private static async Task ReadBackAsync(OndermijningDbContext db, IEnumerable<BulkTable> written)
    {
        var read = typeof(BulkLoad).GetMethod(nameof(ReadOneAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var table in written)
            await (Task)read.MakeGenericMethod(table.EntityType).Invoke(null, [db])!;
        var first = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        if (await db.Cases.FindAsync(first) is null) throw new InvalidOperationException($"EF Core cannot find case {first} by its key.");
    }

    private static Task<T> ReadOneAsync<T>(OndermijningDbContext db) where T : class => db.Set<T>().AsNoTracking().FirstAsync();
}
