namespace Ondermijning.Engine.Persistence;

public enum StorageProvider { Sqlite }

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite data file; relative paths are resolved against the service's content root.</summary>
    public string SqlitePath { get; set; } = "data/ondermijning.db";
}
