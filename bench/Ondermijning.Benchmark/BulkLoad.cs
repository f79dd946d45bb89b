using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Benchmark;

public sealed record BulkResult(int Cases, int HistoryRows, TimeSpan Elapsed);

/// <summary>
/// Many years of cases with the history a real chain leaves: registered, enrichment, then not confirmed, or the LWO and
/// (mostly) one of its routes. Written with each database's fastest honest path into the schema the engine's migrations made.
/// </summary>
public static class BulkLoad
{
    public const int FirstYear = 2020;
    public const int Years = 5;

    private const string Workflow = "ondermijning";

    private static readonly (string Trigger, string To)[] LwoRoutes =
    [
        ("naar-politie", "politie"), ("naar-handhaving-wabo", "handhaving-wabo"), ("naar-handhaving-openbare-ruimte", "handhaving-openbare-ruimte"),
        ("naar-ketenpartner", "ketenpartner"), ("naar-atom", "atom"), ("naar-mot", "mot"), ("geen-vervolg", "geen-vervolg"),
    ];

    private sealed record Step(int Sequence, string Kind, Instant At, string? From, string To, string? Trigger);

    private sealed record GeneratedCase(Guid Id, string Municipality, Instant ReceivedAt, List<Step> History)
    {
        public Step Last => History[^1];
    }

    /// <summary>Deterministic (seeded), so both providers get the same cases and the statistics can be compared.</summary>
    private static IEnumerable<GeneratedCase> Generate(int count)
    {
        var random = new Random(20240603);
        var start = new LocalDate(FirstYear, 1, 1).AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
        var span = new LocalDate(FirstYear + Years, 1, 1).AtStartOfDayInZone(Amsterdam.Zone).ToInstant() - start;
        for (var i = 0; i < count; i++)
        {
            var received = start + Duration.FromSeconds((long)(random.NextDouble() * span.TotalSeconds));
            var at = received;
            Instant Later(int maxDays) => at += Duration.FromMinutes(random.Next(60, maxDays * 24 * 60));
            var history = new List<Step>
            {
                new(1, "Registered", received, null, "ontvangen", null),
                new(2, "Transition", Later(5), "ontvangen", "verrijking", "start-verrijking"),
            };
            var roll = random.Next(100);
            if (roll < 20)
                history.Add(new(3, "Transition", Later(20), "verrijking", "niet-bevestigd", "niet-bevestigd"));
            else
            {
                history.Add(new(3, "Transition", Later(20), "verrijking", "lwo", "bevestigd-naar-lwo"));
                if (roll >= 28)
                {
                    var (trigger, to) = LwoRoutes[random.Next(LwoRoutes.Length)];
                    history.Add(new(4, "Transition", Later(60), "lwo", to, trigger));
                }
            }
            yield return new GeneratedCase(Guid.CreateVersion7(received.ToDateTimeOffset()), SampleData.Municipalities[random.Next(SampleData.Municipalities.Length)],
                received, history);
        }
    }

    public static Task<BulkResult> LoadAsync(BenchDatabase database, int cases) =>
        database.Provider == StorageProvider.PostgreSql ? LoadPostgresAsync(database, cases) : LoadSqliteAsync(database, cases);

    private static async Task<BulkResult> LoadPostgresAsync(BenchDatabase database, int count)
    {
        // COPY of a million rows (index and foreign-key upkeep included) takes longer than the default 30 s command timeout.
        await using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Location) { CommandTimeout = 0 }.ConnectionString);
        await pg.OpenAsync();
        var clock = Stopwatch.StartNew();
        var generated = Generate(count).ToList();
        await using var transaction = await pg.BeginTransactionAsync();
        await using (var cases = await pg.BeginBinaryImportAsync(
            """COPY cases ("Id", "Municipality", "Workflow", "DefinitionVersion", "Stage", "StageEnteredAt", "Severity", "SourceChannel", """ +
            """ "ReporterAnonymous", "Description", "Branch", "PhenomenonTags", "ReceivedAt", "Revision", "StageEntrySequence") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var c in generated)
            {
                await cases.StartRowAsync();
                await cases.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                await cases.WriteAsync(c.Municipality, NpgsqlDbType.Varchar);
                await cases.WriteAsync(Workflow, NpgsqlDbType.Varchar);
                await cases.WriteAsync(1, NpgsqlDbType.Integer);
                await cases.WriteAsync(c.Last.To, NpgsqlDbType.Varchar);
                await cases.WriteAsync(c.Last.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                await cases.WriteAsync("laag", NpgsqlDbType.Varchar);
                await cases.WriteAsync("MeldMisdaadAnoniem", NpgsqlDbType.Varchar);
                await cases.WriteAsync(true, NpgsqlDbType.Boolean);
                await cases.WriteAsync("Veel bezoekers met korte bezoekjes bij een kapsalon", NpgsqlDbType.Varchar);
                await cases.WriteAsync("kappers", NpgsqlDbType.Varchar);
                await cases.WriteAsync(new[] { "drugshandel" }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await cases.WriteAsync(c.ReceivedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                await cases.WriteAsync(c.History.Count, NpgsqlDbType.Integer);
                // The last history entry put the case in its current stage.
                await cases.WriteAsync(c.History.Count, NpgsqlDbType.Integer);
            }
            await cases.CompleteAsync();
        }
        var rows = 0;
        await using (var history = await pg.BeginBinaryImportAsync(
            """COPY case_history ("CaseId", "Sequence", "Kind", "At", "ActorId", "ActorName", "ActorOrganisation", "FromStage", "ToStage", """ +
            """ "Trigger", "Workflow", "DefinitionVersion", "InformationJson") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var c in generated)
                foreach (var h in c.History)
                {
                    await history.StartRowAsync();
                    await history.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                    await history.WriteAsync(h.Sequence, NpgsqlDbType.Integer);
                    await history.WriteAsync(h.Kind, NpgsqlDbType.Varchar);
                    await history.WriteAsync(h.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
                    await history.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await history.WriteAsync("Benchmark regisseur", NpgsqlDbType.Varchar);
                    await history.WriteAsync("Gemeente", NpgsqlDbType.Varchar);
                    await history.WriteAsync(h.From, NpgsqlDbType.Varchar);
                    await history.WriteAsync(h.To, NpgsqlDbType.Varchar);
                    await history.WriteAsync(h.Trigger, NpgsqlDbType.Varchar);
                    await history.WriteAsync(Workflow, NpgsqlDbType.Varchar);
                    await history.WriteAsync(1, NpgsqlDbType.Integer);
                    await history.WriteAsync("{}", NpgsqlDbType.Text);
                    rows++;
                }
            await history.CompleteAsync();
        }
        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE cases; ANALYZE case_history;", pg)) await analyze.ExecuteNonQueryAsync();
        return new BulkResult(count, rows, clock.Elapsed);
    }

    private static async Task<BulkResult> LoadSqliteAsync(BenchDatabase database, int count)
    {
        await using var sqlite = new SqliteConnection(database.SqliteConnectionString);
        await sqlite.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using var transaction = sqlite.BeginTransaction();

        await using var cases = sqlite.CreateCommand();
        cases.CommandText =
            """INSERT INTO cases ("Id", "Municipality", "Workflow", "DefinitionVersion", "Stage", "StageEnteredAt", "Severity", "SourceChannel", """ +
            """ "ReporterAnonymous", "Description", "Branch", "PhenomenonTags", "ReceivedAt", "Revision", "StageEntrySequence") """ +
            """VALUES ($id, $municipality, 'ondermijning', 1, $stage, $stageEnteredAt, 'laag', 'MeldMisdaadAnoniem', 1, """ +
            """'Veel bezoekers met korte bezoekjes bij een kapsalon', 'kappers', '["drugshandel"]', $receivedAt, $revision, $revision)""";
        var id = cases.Parameters.Add("$id", SqliteType.Text);
        var municipality = cases.Parameters.Add("$municipality", SqliteType.Text);
        var stage = cases.Parameters.Add("$stage", SqliteType.Text);
        var stageEnteredAt = cases.Parameters.Add("$stageEnteredAt", SqliteType.Integer);
        var receivedAt = cases.Parameters.Add("$receivedAt", SqliteType.Integer);
        var revision = cases.Parameters.Add("$revision", SqliteType.Integer);
        cases.Prepare();

        await using var history = sqlite.CreateCommand();
        history.CommandText =
            """INSERT INTO case_history ("CaseId", "Sequence", "Kind", "At", "ActorId", "ActorName", "ActorOrganisation", "FromStage", "ToStage", """ +
            """ "Trigger", "Workflow", "DefinitionVersion", "InformationJson") """ +
            """VALUES ($caseId, $sequence, $kind, $at, 'bench', 'Benchmark regisseur', 'Gemeente', $from, $to, $trigger, 'ondermijning', 1, '{}')""";
        var caseId = history.Parameters.Add("$caseId", SqliteType.Text);
        var sequence = history.Parameters.Add("$sequence", SqliteType.Integer);
        var kind = history.Parameters.Add("$kind", SqliteType.Text);
        var at = history.Parameters.Add("$at", SqliteType.Integer);
        var from = history.Parameters.Add("$from", SqliteType.Text);
        var to = history.Parameters.Add("$to", SqliteType.Text);
        var trigger = history.Parameters.Add("$trigger", SqliteType.Text);
        history.Prepare();

        var rows = 0;
        foreach (var c in Generate(count))
        {
            // EF Core's SQLite provider stores a Guid as upper-case text and an Instant (see SqliteOndermijningDbContext) as ticks.
            var key = c.Id.ToString().ToUpperInvariant();
            id.Value = key;
            municipality.Value = c.Municipality;
            stage.Value = c.Last.To;
            stageEnteredAt.Value = c.Last.At.ToUnixTimeTicks();
            receivedAt.Value = c.ReceivedAt.ToUnixTimeTicks();
            revision.Value = c.History.Count;
            cases.ExecuteNonQuery();
            foreach (var h in c.History)
            {
                caseId.Value = key;
                sequence.Value = h.Sequence;
                kind.Value = h.Kind;
                at.Value = h.At.ToUnixTimeTicks();
                from.Value = (object?)h.From ?? DBNull.Value;
                to.Value = h.To;
                trigger.Value = (object?)h.Trigger ?? DBNull.Value;
                history.ExecuteNonQuery();
                rows++;
            }
        }
        await transaction.CommitAsync();
        await using (var analyze = sqlite.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }
        return new BulkResult(count, rows, clock.Elapsed);
    }
}
