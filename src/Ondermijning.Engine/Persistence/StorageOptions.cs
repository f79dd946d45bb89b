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
}
