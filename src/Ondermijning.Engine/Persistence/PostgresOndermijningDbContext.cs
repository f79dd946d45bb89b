using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// One PostgreSQL database shared by any number of service instances. Npgsql's NodaTime plugin maps
/// <c>Instant</c> to <c>timestamptz</c> and <c>LocalDate</c> to <c>date</c>, so no conversions are needed here.
/// </summary>
public sealed class PostgresOndermijningDbContext(DbContextOptions<PostgresOndermijningDbContext> options) : OndermijningDbContext(options)
{
    protected internal override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override void ConfigureTimeConventions(ModelConfigurationBuilder builder)
    {
    }
}
