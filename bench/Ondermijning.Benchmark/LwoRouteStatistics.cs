using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

/// <summary>Cases that left the LWO for <see cref="ToStage"/>, in <see cref="Municipality"/>, in Amsterdam calendar year <see cref="Year"/>.</summary>
public sealed record LwoRouteCount(string Municipality, int Year, string ToStage, long Count);

/// <summary>
/// The engine's side of the statistics measurement. The annual-statistics service plugs in here; until then an EF LINQ
/// query over the engine's model computes the same numbers, so the ratio to hand-written SQL is real.
/// </summary>
public interface ILwoRouteStatistics
{
    Task<IReadOnlyList<LwoRouteCount>> CountAsync(int firstYear, int lastYear, CancellationToken cancellationToken = default);
}

public sealed class EfLwoRouteStatistics(OndermijningDbContext db) : ILwoRouteStatistics
{
    public async Task<IReadOnlyList<LwoRouteCount>> CountAsync(int firstYear, int lastYear, CancellationToken cancellationToken = default)
    {
        StageId? lwo = new StageId("lwo");
        // A full-size run scans millions of history rows; the request-sized default timeout is not meant for that.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var counts = new List<LwoRouteCount>();
        // One query per year: the year boundary in Amsterdam is an instant, which every provider can compare against.
        for (var year = firstYear; year <= lastYear; year++)
        {
            var start = YearStart(year);
            var end = YearStart(year + 1);
            var rows = await db.CaseHistory.AsNoTracking()
                .Where(h => h.Kind == HistoryKind.Transition && h.FromStage == lwo && h.At >= start && h.At < end)
                .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { c.Municipality, h.ToStage })
                .GroupBy(x => new { x.Municipality, x.ToStage })
                .Select(g => new { g.Key.Municipality, g.Key.ToStage, Count = g.LongCount() })
                .ToListAsync(cancellationToken);
            counts.AddRange(rows.Select(r => new LwoRouteCount(r.Municipality.Value, year, r.ToStage.Value, r.Count)));
        }
        return counts;
    }

    internal static Instant YearStart(int year) => new LocalDate(year, 1, 1).AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
}

/// <summary>The same numbers by hand-written SQL: what a DBA would write, and so the yardstick for the engine's query.</summary>
public static class HandWrittenLwoRouteSql
{
    public static async Task<IReadOnlyList<LwoRouteCount>> CountAsync(BenchDatabase database, int firstYear, int lastYear)
    {
        var counts = new List<LwoRouteCount>();
        if (database.Provider == StorageProvider.PostgreSql)
        {
            await using var pg = new NpgsqlConnection(database.Location);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT c."Municipality", extract(year FROM h."At" AT TIME ZONE 'Europe/Amsterdam')::int AS year, h."ToStage", count(*)
                FROM case_history h JOIN cases c ON c."Id" = h."CaseId"
                WHERE h."Kind" = 'Transition' AND h."FromStage" = 'lwo'
                  AND h."At" >= $1 AND h."At" < $2
                GROUP BY 1, 2, 3
                """, pg) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter { Value = EfLwoRouteStatistics.YearStart(firstYear).ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter { Value = EfLwoRouteStatistics.YearStart(lastYear + 1).ToDateTimeUtc() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                counts.Add(new LwoRouteCount(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt64(3)));
            return counts;
        }

        // SQLite has no time-zone database: the Amsterdam year boundaries, as ticks, come in as a small table.
        var years = string.Join(", ", Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => string.Create(CultureInfo.InvariantCulture,
            $"({y}, {EfLwoRouteStatistics.YearStart(y).ToUnixTimeTicks()}, {EfLwoRouteStatistics.YearStart(y + 1).ToUnixTimeTicks()})")));
        await using var sqlite = new SqliteConnection(database.SqliteConnectionString);
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText =
            $"""
            WITH years(year, start, "end") AS (VALUES {years})
            SELECT c."Municipality", y.year, h."ToStage", count(*)
            FROM case_history h
            JOIN years y ON h."At" >= y.start AND h."At" < y."end"
            JOIN cases c ON c."Id" = h."CaseId"
            WHERE h."Kind" = 'Transition' AND h."FromStage" = 'lwo'
            GROUP BY 1, 2, 3
            """;
        await using var rows = await query.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            counts.Add(new LwoRouteCount(rows.GetString(0), rows.GetInt32(1), rows.GetString(2), rows.GetInt64(3)));
        return counts;
    }
}
