using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Tests.Persistence;

/// <summary>
/// The model and the migrations of each database agree, so a change to an entity that ships without its migration fails
/// here rather than at a municipality's next start-up (which no longer compares them; see EngineServices).
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_sqlite_migrations_build_the_model_exactly()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs its SQLite migration (see README: migrations)");
    }

    [Fact]
    public void The_postgresql_migrations_build_the_model_exactly()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        db.Database.HasPendingModelChanges().Should().BeFalse("every model change needs its PostgreSQL migration (see README: migrations)");
    }
}
