using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Ondermijning.Engine.Persistence;

/// <summary>The embedded default: one SQLite file in WAL mode.</summary>
public sealed class SqliteOndermijningDbContext(DbContextOptions<SqliteOndermijningDbContext> options) : OndermijningDbContext(options)
{
    protected internal override bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT

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
}
