using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Idempotency;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Tests.Deadlines;
using Ondermijning.Engine.Tests.Privacy;

namespace Ondermijning.Engine.Tests.Persistence;

/// <summary>
/// Two requests with one idempotency key that both looked before either stored: the key's primary key lets one record
/// through and refuses the other's whole transaction, and the loser, asking again, is answered with the winner's record.
/// On both databases, with the interleaving forced rather than hoped for.
/// </summary>
public sealed class IdempotentRecordRaceTests
{
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 3, 8, 0);

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    private static AwarenessActivity Activity() => new(new AwarenessActivityDetails(MunicipalityCode.Parse("GM0935"), new LocalDate(2024, 3, 1),
        AwarenessActivityKind.Workshop, null, 0), Now, EngineHost.Regisseur);

    private static async Task<(OndermijningDbContext First, OndermijningDbContext Second)> OpenTwiceAsync(StorageProvider provider)
    {
        var connectionString = provider == StorageProvider.PostgreSql
            ? new NpgsqlConnectionStringBuilder(AccessLogChainTests.PostgresServer) { Database = $"idempotency_{Guid.NewGuid():N}" }.ConnectionString
            : EngineServices.SqliteConnectionString(EngineHost.NewDatabasePath());
        var first = AccessLogChainTests.Open(provider, connectionString);
        await first.Database.MigrateAsync();
        return (first, AccessLogChainTests.Open(provider, connectionString));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_loser_of_a_race_on_one_key_stores_nothing_and_finds_the_winners_record(StorageProvider provider)
    {
        var (winner, loser) = await OpenTwiceAsync(provider);
        await using var _ = winner;
        await using var __ = loser;
        var claim = IdempotencyClaim.For("POST /api/awareness-activities", EngineHost.Regisseur, new IdempotencyKey("dezelfde", "vingerafdruk"));
        winner.Idempotency.Begin(claim);
        loser.Idempotency.Begin(claim);

        // Both look before either stores.
        (await winner.RecordedBeforeAsync<AwarenessActivity>(CancellationToken.None)).Should().BeNull();
        (await loser.RecordedBeforeAsync<AwarenessActivity>(CancellationToken.None)).Should().BeNull();
        var stored = Activity();
        winner.AddRecord(stored, Now);
        loser.AddRecord(Activity(), Now);
        await winner.SaveChangesAsync();
        var lost = () => loser.SaveChangesAsync();
        (await lost.Should().ThrowAsync<DbUpdateException>()).Which.Should().Match<DbUpdateException>(e => loser.IsUniqueViolation(e));

        (await loser.IdempotencyKeyTakenAsync(CancellationToken.None)).Should().BeTrue();
        loser.ChangeTracker.Clear();
        loser.Idempotency.Retry();
        (await loser.RecordedBeforeAsync<AwarenessActivity>(CancellationToken.None))!.Id.Should().Be(stored.Id);
        loser.Idempotency.Replayed.Should().BeTrue();
        (await loser.Set<AwarenessActivity>().CountAsync()).Should().Be(1, "the loser's transaction stored nothing");
        (await loser.Set<IdempotentRecord>().CountAsync()).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_same_key_with_another_request_is_refused_naming_the_record(StorageProvider provider)
    {
        var (first, second) = await OpenTwiceAsync(provider);
        await using var _ = first;
        await using var __ = second;
        first.Idempotency.Begin(IdempotencyClaim.For("POST /x", EngineHost.Regisseur, new IdempotencyKey("k", "een")));
        var stored = Activity();
        first.AddRecord(stored, Now);
        await first.SaveChangesAsync();

        second.Idempotency.Begin(IdempotencyClaim.For("POST /x", EngineHost.Regisseur, new IdempotencyKey("k", "twee")));
        var act = () => second.RecordedBeforeAsync<AwarenessActivity>(CancellationToken.None);

        (await act.Should().ThrowAsync<EngineProblem>()).Which.Detail.Should()
            .Be($"The key 'k' already recorded awareness activity {stored.Id.Value} with different content. " +
                "Send a new key for a new record, or resend exactly the same request to get that record.");
    }
}
