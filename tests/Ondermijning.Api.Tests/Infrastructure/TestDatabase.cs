using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// Where one test's data lives: a fresh SQLite file or a fresh PostgreSQL database, chosen by
/// <c>ONDERMIJNING_TEST_PROVIDER</c> (<c>./test.sh</c> runs the suite once per provider). Hand the same value to two
/// factories or service processes to model a restart, a second deployment or a second node.
/// </summary>
public sealed record TestDatabase(StorageProvider Provider, string Location)
{
    public const string ProviderVariable = "ONDERMIJNING_TEST_PROVIDER";
    public const string PostgresVariable = "ONDERMIJNING_TEST_POSTGRES";

    /// <summary>Without the variable the suite runs on SQLite, the embedded default that needs no server.</summary>
    public static StorageProvider CurrentProvider =>
        Environment.GetEnvironmentVariable(ProviderVariable) is { Length: > 0 } value
            ? Enum.Parse<StorageProvider>(value, ignoreCase: true)
            : StorageProvider.Sqlite;

    /// <summary>The server <c>./test.sh</c> starts; a test that needs PostgreSQL fails here, loudly, rather than skip.</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"This test needs PostgreSQL, but {PostgresVariable} is not set. Run ./test.sh, which installs and starts a " +
                $"throwaway server, or set {PostgresVariable} to a connection string for a server where the user may create databases " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres).");

    public static TestDatabase New() => New(CurrentProvider);

    /// <summary>
    /// A database with the service's schema and nothing in it: a copy of one that the service's own migrations built once
    /// per test run, so a host's start-up finds the schema up to date, as on any start after the first. Tests about
    /// what start-up does with no database at all take <see cref="Empty"/>.
    /// </summary>
    public static TestDatabase New(StorageProvider provider) => provider switch
    {
        StorageProvider.PostgreSql => new(provider, TestDatabaseTemplates.PostgresCopy()),
        _ => new(provider, TestDatabaseTemplates.SqliteCopy(NewSqliteFile())),
    };

    /// <summary>No database yet: the service creates it and applies every migration at start-up.</summary>
    public static TestDatabase Empty(StorageProvider provider) => provider switch
    {
        StorageProvider.PostgreSql => new(provider,
            new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"ondermijning_test_{Guid.NewGuid():N}" }.ConnectionString),
        _ => new(provider, NewSqliteFile()),
    };

    /// <summary>The configuration that points the service at this database (keys as in appsettings.json).</summary>
    public IReadOnlyDictionary<string, string> Settings() => Provider switch
    {
        StorageProvider.PostgreSql => new Dictionary<string, string>
        {
            ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage:ConnectionString"] = Location,
            // Beside the SQLite file by default; a PostgreSQL database has no file, and the hosts' content roots differ.
            ["Privacy:AccessLogAnchor:Path"] = Scratch.FileNamed(
                $"{new NpgsqlConnectionStringBuilder(Location).Database}.access-log-anchors.jsonl"),
        },
        _ => new Dictionary<string, string>
        {
            ["Storage:Provider"] = nameof(StorageProvider.Sqlite),
            ["Storage:SqlitePath"] = Location,
        },
    };

    /// <summary>Runs SQL behind the service's back, as someone with access to the database would. Quote identifiers ("Sequence").</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using DbConnection connection = Provider == StorageProvider.PostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Location) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    internal static string NewSqliteFile() => Path.Combine(Scratch.NewFolder(), "ondermijning.db");
}
