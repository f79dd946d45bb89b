using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ondermijning.Engine.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without starting the service.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOndermijningDbContext>
{
    public SqliteOndermijningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOndermijningDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
