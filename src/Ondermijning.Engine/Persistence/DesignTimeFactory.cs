using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ondermijning.Engine.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the service.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOndermijningDbContext>
{
    public SqliteOndermijningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOndermijningDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgresOndermijningDbContext</c> build the PostgreSQL model.
/// Generating a migration does not connect, so the connection string only has to be well-formed.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOndermijningDbContext>
{
    public PostgresOndermijningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOndermijningDbContext>()
            .UseNpgsql("Host=localhost;Database=ondermijning_design_time", npgsql => npgsql.UseNodaTime())
            .Options);
}
