using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Ondermijning.Engine.Persistence;

/// <summary>The embedded default: one SQLite file in WAL mode.</summary>
public sealed class SqliteOndermijningDbContext(DbContextOptions<SqliteOndermijningDbContext> options) : OndermijningDbContext(options)
{
    /// <summary>One gate per database file for the writers of this process.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);

    private bool _holdsGate;

    /// <summary>Saves through the writers' gate (<see cref="WriteAsync"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Callers that save "whatever is pending" (the access log after a read) should not queue behind writers for nothing.
        if (!ChangeTracker.HasChanges()) return 0;
        var saved = 0;
        await WriteAsync(async () => saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        return saved;
    }

    /// <summary>
    /// SQLite has one writer at a time. Writers of this process queue here instead of colliding on SQLITE_BUSY, which
    /// Microsoft.Data.Sqlite retries with sleeps: under concurrent load those sleeps, not the disk, made the slowest
    /// requests slow. Other processes on the same file still meet the busy timeout, and the queue waits no longer than
    /// that timeout either, so a lock held elsewhere turns into a 503 rather than a pile of waiting requests.
    /// </summary>
    protected internal override async Task WriteAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        // A write that already holds the gate may save inside it (the access log's append reads the chain head and saves
        // in one transaction); the gate is not re-entrant, and a context is used by one caller at a time.
        if (_holdsGate)
        {
            await write();
            return;
        }
        var connectionString = Database.GetConnectionString() ?? "";
        var gate = Writers.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        var timeout = TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout);
        if (!await gate.WaitAsync(timeout, cancellationToken))
            throw new SqliteException($"Another write to this database did not finish within {timeout.TotalSeconds} s.", 5); // SQLITE_BUSY
        try
        {
            _holdsGate = true;
            await write();
        }
        finally
        {
            _holdsGate = false;
            gate.Release();
        }
    }

    /// <summary>
    /// Every connection zeroes what a write frees (<see cref="SecureDelete"/>), so the overwritten values are gone from
    /// the pages; the write-ahead log still holds the pages as they were until a checkpoint copies the new ones back and
    /// truncates it. Waits for readers (up to the busy timeout), which the nightly purge can afford. It holds the write lock
    /// meanwhile, so it takes its turn at the writers' gate: the other writers of this process then wait there, not in
    /// SQLite's busy sleeps.
    /// </summary>
    protected internal override Task ReleaseErasedDataAsync(CancellationToken cancellationToken) =>
        WriteAsync(() => Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken), cancellationToken);

    protected internal override bool IsUniqueViolation(DbUpdateException exception) =>
        // SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY; a NOT NULL or CHECK failure is a refused value, not a repeat.
        exception.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    protected override void ConfigureTimeConventions(ModelConfigurationBuilder builder)
    {
        // Ticks since the Unix epoch: an integer that sorts and compares in SQL like the instant itself.
        builder.Properties<Instant>().HaveConversion<InstantTicksConverter>();
        // ISO text (yyyy-MM-dd) sorts chronologically and stays readable in the file.
        builder.Properties<LocalDate>().HaveConversion<LocalDateTextConverter>().HaveMaxLength(10);
    }

    private sealed class InstantTicksConverter() : ValueConverter<Instant, long>(
        v => v.ToUnixTimeTicks(), v => Instant.FromUnixTimeTicks(v));

    private sealed class LocalDateTextConverter() : ValueConverter<LocalDate, string>(
        v => LocalDatePattern.Iso.Format(v), v => LocalDatePattern.Iso.Parse(v).Value);

    /// <summary>
    /// SQLite leaves the old bytes of an updated or deleted row in the page's free space, readable with a hex editor;
    /// retention must not leave personal data behind that way. On for every connection, not only the purge's: every step
    /// rewrites the case row and would otherwise leave a copy of its personal data. Set per connection because it is not
    /// stored in the file.
    /// </summary>
    internal sealed class SecureDelete : DbConnectionInterceptor
    {
        private const string Pragma = "PRAGMA secure_delete=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
