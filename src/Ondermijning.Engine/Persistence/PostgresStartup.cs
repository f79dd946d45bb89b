using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// Several instances behind a load balancer start at once on one PostgreSQL database: a new one, or one that a new
/// release migrates. Left to themselves they race: both try to create the database, or both apply the same migration,
/// and all but one stop. Here one instance at a time prepares the database; the others wait and then find it ready.
/// </summary>
public static class PostgresStartup
{
    /// <summary>Advisory locks are per database, so instances of different deployments on one server do not wait for each other.</summary>
    private const long InitialisationLockKey = 0x4f6e6465726d696e; // "Ondermin"

    /// <summary>
    /// Creates the database if it is missing, then waits for this instance's turn to prepare it, which lasts until the
    /// result is disposed. The turn is an advisory lock on a connection of its own, outside the pool, so that it ends
    /// with that connection: also when the process dies halfway, and never stays behind in a pooled session.
    /// </summary>
    internal static async Task<IAsyncDisposable> TakeTurnAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(database, cancellationToken);
        return await TurnAsync(database.GetConnectionString()!, InitialisationLockKey, cancellationToken);
    }

    private static async Task EnsureDatabaseExistsAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment ago (the unique violation is on pg_database's name when both CREATEs overlap).
        }
    }

    /// <summary>
    /// Waits for this instance's turn at whatever <paramref name="key"/> names, until the result is disposed: an advisory
    /// lock on a connection of its own, outside the pool, so that it ends with that connection.
    /// </summary>
    public static async Task<IAsyncDisposable> TurnAsync(string connectionString, long key, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
