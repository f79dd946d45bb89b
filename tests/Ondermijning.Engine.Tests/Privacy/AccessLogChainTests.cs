using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Tests.Deadlines;

namespace Ondermijning.Engine.Tests.Privacy;

/// <summary>The chain as both databases store it: what is hashed must be what comes back, old records included.</summary>
public sealed class AccessLogChainTests
{
    /// <summary>A clock with a sub-microsecond part, which SQLite keeps and PostgreSQL does not.</summary>
    private static readonly Instant Now = Instant.FromUtc(2024, 6, 3, 8, 15, 30) + Duration.FromTicks(1237);

    private static readonly MunicipalityCode Maastricht = MunicipalityCode.Parse("GM0935");

    private static readonly Actor Agent = new("agent-1", "Agent", new OrganisationId("politie"), new HashSet<Role> { Role.TableParticipant },
        new HashSet<MunicipalityCode> { Maastricht });

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_untampered_log_verifies_with_the_time_and_the_Logboek_fields_as_stored(StorageProvider provider)
    {
        var (db, anchors) = await CreateAsync(provider);
        await using var _ = db;
        var caseId = CaseId.New();
        using (var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await Log(db, anchors).AppendAsync([Read(caseId), Read(caseId)]);
            db.ChangeTracker.Clear();

            var records = await db.AccessLog.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync();
            records.Should().HaveCount(2);
            records[0].At.Should().Be(Instant.FromUnixTimeTicks(Now.ToUnixTimeTicks() / 10 * 10), "the time is cut to whole microseconds when the record is made");
            records[0].FormatVersion.Should().Be(AccessLogRecord.CurrentFormat);
            records[0].ProcessingActivity.Should().Be(ProcessingActivity.ReadInformation);
            records[0].Municipality.Should().Be(Maastricht);
            records[0].DataSubjectType.Should().Be("zaak");
            records[0].DataSubjectId.Should().Be(caseId.Value.ToString());
            records[0].TraceId.Should().Be(request.TraceId.ToHexString());
        }

        var verification = await Log(db, anchors).VerifyAsync();
        verification.Intact.Should().BeTrue(verification.Message);
        verification.RecordCount.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_appenders_on_separate_connections_number_the_chain_without_gaps(StorageProvider provider)
    {
        var (first, anchors) = await CreateAsync(provider);
        await using var _ = first;
        var connectionString = first.Database.GetConnectionString()!;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            await using var db = Open(provider, connectionString);
            await Log(db, anchors).AppendAsync([Read(CaseId.New()), Read(CaseId.New())]);
        }));

        var sequences = await first.AccessLog.AsNoTracking().OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync();
        sequences.Should().Equal(Enumerable.Range(1, 48).Select(i => (long)i));
        (await Log(first, anchors).VerifyAsync()).Intact.Should().BeTrue();
    }

    [Fact]
    public async Task Records_written_before_format_2_still_verify_also_with_the_time_PostgreSQL_cut_to_microseconds()
    {
        var (db, anchors) = await CreateAsync(StorageProvider.Sqlite);
        await using var _ = db;
        var caseId = Guid.NewGuid();
        var exact = Now.ToUnixTimeTicks();
        var first = FormatOneHash(1, exact, caseId, AccessLogRecord.GenesisHash);
        await InsertFormatOneAsync(db, 1, exact, caseId, AccessLogRecord.GenesisHash, first);
        // As PostgreSQL stored it: hashed with 100-ns ticks, kept in whole microseconds.
        var second = FormatOneHash(2, exact + 4, caseId, first);
        await InsertFormatOneAsync(db, 2, exact + 3, caseId, first, second);
        await Log(db, anchors).AppendAsync([Read(new CaseId(caseId))]);

        var verification = await Log(db, anchors).VerifyAsync();
        verification.Intact.Should().BeTrue(verification.Message);
        verification.RecordCount.Should().Be(3);

        await db.Database.ExecuteSqlRawAsync("UPDATE access_log SET \"At\" = \"At\" + 10 WHERE \"Sequence\" = 2");
        verification = await Log(db, anchors).VerifyAsync();
        verification.BrokenAtSequence.Should().Be(2, "a microsecond more is an alteration");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cutting_off_the_newest_records_after_an_anchor_is_reported(StorageProvider provider)
    {
        var (db, anchors) = await CreateAsync(provider);
        await using var _ = db;
        var log = Log(db, anchors);
        await log.AppendAsync([Read(CaseId.New()), Read(CaseId.New()), Read(CaseId.New())]);
        (await log.AnchorAsync())!.Sequence.Should().Be(3);
        (await log.AnchorAsync()).Should().BeNull("the head has not moved");
        (await log.VerifyAsync()).Message.Should().Contain("intact: 3 record(s)").And.Contain("naming record 3");

        await db.Database.ExecuteSqlRawAsync("DELETE FROM access_log WHERE \"Sequence\" > 1");

        var verification = await log.VerifyAsync();
        verification.Intact.Should().BeFalse();
        verification.AnchoredSequence.Should().Be(3);
        verification.Message.Should().Contain("records after 1 were removed; the anchor of 2024-06-03T08:15:30Z names record 3");
    }

    [Fact]
    public async Task A_tail_rewritten_with_recomputed_hashes_contradicts_the_anchor()
    {
        var (db, anchors) = await CreateAsync(StorageProvider.Sqlite);
        await using var _ = db;
        var log = Log(db, anchors);
        await log.AppendAsync([Read(CaseId.New()), Read(CaseId.New())]);
        await log.AnchorAsync();
        // Someone with the database but not the anchor file replaces the log with a chain of their own.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM access_log");
        db.ChangeTracker.Clear();
        await log.AppendAsync([Read(CaseId.New()), Read(CaseId.New())]);

        var verification = await log.VerifyAsync();
        verification.BrokenAtSequence.Should().Be(2);
        verification.Message.Should().Contain("record 2 is not the record the anchor of").And.Contain("rewritten");
    }

    private static AccessEntry Read(CaseId caseId) =>
        new(Agent, caseId, Maastricht, InformationItemId.New(), AccessAction.Read, ProcessingActivity.ReadInformation, "MOT / mot", "Art. 16 Wpg");

    private static AccessLog Log(OndermijningDbContext db, AccessLogAnchors anchors) => new(db, anchors, new FakeClock(Now));

    /// <summary>Format 1 as it was written: time in 100-ns ticks, no Logboek fields.</summary>
    private static string FormatOneHash(long sequence, long ticks, Guid caseId, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
        {
            sequence, ticks, "agent-0", "politie", caseId.ToString(), null, "Read", "MOT / mot", "Art. 16 Wpg", previousHash,
        }))));

    private static Task InsertFormatOneAsync(OndermijningDbContext db, long sequence, long ticks, Guid caseId, string previousHash, string hash) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO access_log ("Sequence", "At", "UserId", "Organisation", "CaseId", "ItemId", "Action", "Purpose", "LegalBasis", "PreviousHash", "Hash")
            VALUES ({sequence}, {ticks}, 'agent-0', 'politie', {caseId.ToString().ToUpperInvariant()}, NULL, 'Read', 'MOT / mot', 'Art. 16 Wpg', {previousHash}, {hash})
            """);

    private static async Task<(OndermijningDbContext Db, AccessLogAnchors Anchors)> CreateAsync(StorageProvider provider)
    {
        var folder = Path.GetDirectoryName(EngineHost.NewDatabasePath())!;
        var db = Open(provider, provider == StorageProvider.PostgreSql
            ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"accesslog_{Guid.NewGuid():N}" }.ConnectionString
            : EngineServices.SqliteConnectionString(Path.Combine(folder, "ondermijning.db")));
        await db.Database.MigrateAsync();
        return (db, new AccessLogAnchors(Path.Combine(folder, "access-log-anchors.jsonl")));
    }

    internal static OndermijningDbContext Open(StorageProvider provider, string connectionString) => provider switch
    {
        StorageProvider.PostgreSql => new PostgresOndermijningDbContext(new DbContextOptionsBuilder<PostgresOndermijningDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime()).Options),
        _ => new SqliteOndermijningDbContext(new DbContextOptionsBuilder<SqliteOndermijningDbContext>().UseSqlite(connectionString).Options),
    };

    internal static string PostgresServer => Environment.GetEnvironmentVariable("ONDERMIJNING_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException("This test needs PostgreSQL: run ./test.sh, which starts a throwaway server, or set ONDERMIJNING_TEST_POSTGRES.");
}
