using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Persistence;

public enum StorageProvider { Sqlite, PostgreSql }

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite data file; relative paths are resolved against the service's content root.</summary>
    public string SqlitePath { get; set; } = "data/ondermijning.db";

    /// <summary>How long a SQLite write waits for another writer before the request is answered with 503.</summary>
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    /// <summary>For PostgreSQL: an Npgsql connection string. The database is created by the first migration if it does not exist.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL connection string, for the engine and the job queue alike; unset, start-up stops and says what to set.</summary>
    public string RequiredConnectionString() => ConnectionString is { Length: > 0 } connectionString
        ? connectionString
        : throw new StartupRefusal("Storage:Provider is PostgreSql but Storage:ConnectionString is not set; set it (environment variable " +
            "Storage__ConnectionString) to an Npgsql connection string, or use Storage:Provider=Sqlite.");
}
