using System.Security.Cryptography;
using System.Text;
using Hangfire.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ondermijning.Api.Jobs;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// One migrated, empty database per provider, built by the service's own migrations and copied for every test: applying
/// every migration again for each of the hundreds of hosts a run starts was a large part of the suite's time.
/// </summary>
internal static class TestDatabaseTemplates
{
    private static readonly Lazy<string> SqliteTemplate = new(BuildSqliteTemplate);
    private static readonly Lazy<string> PostgresTemplate = new(BuildPostgresTemplate);

    public static string SqliteCopy(string file)
    {
        File.Copy(SqliteTemplate.Value, file);
        return file;
    }

    public static string PostgresCopy()
    {
        var name = $"ondermijning_test_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // FILE_COPY copies the template's files as they are; the default (WAL_LOG) writes every block of it through the
        // write-ahead log, which took the throwaway server half as much CPU again over a PostgreSQL pass (120 s against 79).
        command.CommandText = $"""CREATE DATABASE "{name}" TEMPLATE "{PostgresTemplate.Value}" STRATEGY FILE_COPY""";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = name }.ConnectionString;
    }

    private static string BuildSqliteTemplate()
    {
        var file = TestDatabase.NewSqliteFile();
        var options = new DbContextOptionsBuilder<SqliteOndermijningDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()).Options;
        using (var db = new SqliteOndermijningDbContext(options))
        {
            db.Database.Migrate();
            // As the service leaves it after its first start; WAL is a property of the file.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
        // The last connection closed merged the write-ahead log into the file, so the file alone is the whole database.
        return file;
    }

    /// <summary>
    /// Named after the migrations it holds (and the job queue's version), so a server kept between runs reuses a template only
    /// while the schema is the same. Built under a name of its own and renamed when complete, so a copy is never taken of
    /// half a schema.
    /// </summary>
    private static string BuildPostgresTemplate()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Pooling = false };
        using var design = new PostgresDesignTimeFactory().CreateDbContext([]);
        var migrations = string.Join("\n", design.Database.GetMigrations().Append($"job queue {typeof(PostgreSqlObjectsInstaller).Assembly.GetName().Version}"));
        var name = $"ondermijning_template_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(migrations)))[..16]}";

        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString);
        admin.Open();
        if (Scalar(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'") > 0) return name;

        var building = $"{name}_{Guid.NewGuid():N}"[..63];
        var options = new DbContextOptionsBuilder<PostgresOndermijningDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = building }.ConnectionString, npgsql => npgsql.UseNodaTime())
            .Options;
        using (var db = new PostgresOndermijningDbContext(options))
        {
            db.Database.Migrate();
            // The job queue's schema too, which the service's first start installs beside the migrations: without it every
            // host on a copy installed it again, two dozen scripts each.
            db.Database.OpenConnection();
            PostgreSqlObjectsInstaller.Install((NpgsqlConnection)db.Database.GetDbConnection(), JobSetup.PostgresSchema);
        }
        try
        {
            Execute(admin, $"""ALTER DATABASE "{building}" RENAME TO "{name}" """);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run on the same server finished the same template first.
            Execute(admin, $"""DROP DATABASE "{building}" """);
        }
        return name;
    }

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
