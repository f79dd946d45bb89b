using Ondermijning.Engine.Persistence;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>The tamper tests edit the SQLite file directly, so this class runs in the SQLite pass; the chain itself is provider-neutral.</summary>
[Trait("Provider", "Sqlite")]
public class AccessLogTests
{
    /// <summary>A case at the MOT with closed police information, read and exported a few times: a chain of at least six records.</summary>
    private static async Task<(ApiFactory Factory, HttpClient Admin, string CaseId)> CaseWithLoggedAccessAsync()
    {
        var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite));
        var oov = factory.CreateClient();
        var caseId = (await oov.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await oov.MoveToAsync(caseId, "mot");
        var police = factory.CreateClientFor("agent-1", "politie", ["tafeldeelnemer"]);
        await (await police.AddItemAsync(caseId, "closed", "politie", "BVH-registratie: eerder aangehouden")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await police.AddItemAsync(caseId, "closed", "politie", "Informatie uit CIE-rapport", "Art. 16 Wpg")).ShouldHaveStatus(HttpStatusCode.Created);
        await police.GetCaseAsync(caseId);
        (await police.GetAsync($"/api/cases/{caseId}/export")).EnsureSuccessStatusCode();
        return (factory, factory.CreateClientFor("admin-1", "gemeente", ["beheerder"]), caseId);
    }

    private static async Task<JsonObject> VerifyAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!;

    private static async Task ExecuteAsync(ApiFactory factory, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = factory.Database.Location, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        (await command.ExecuteNonQueryAsync()).Should().BeGreaterThan(0, sql);
    }

    [Fact]
    public async Task Every_read_write_and_export_of_gated_information_is_logged_with_who_what_why_and_the_legal_basis()
    {
        var (factory, admin, caseId) = await CaseWithLoggedAccessAsync();
        await using var _ = factory;

        var records = (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/access-log?caseId={caseId}"))!;

        records.Select(r => r!.Str("action")).Should().Equal("add", "add", "read", "read", "export", "export", "export");
        records[0]!.Str("userId").Should().Be("agent-1");
        records[0]!.Str("organisation").Should().Be("politie");
        records[0]!.Str("purpose").Should().Be("MOT / mot");
        records[1]!.Str("legalBasis").Should().Be("Art. 16 Wpg");
        records[1]!.Str("previousHash").Should().Be(records[0]!.Str("hash"));
        (await admin.GetFromJsonAsync<JsonArray>("/api/admin/access-log?userId=nobody"))!.Should().BeEmpty();
        (await VerifyAsync(admin))["intact"]!.GetValue<bool>().Should().BeTrue();

        var notAdmin = await factory.CreateClientFor("agent-1", "politie", ["tafeldeelnemer"]).GetAsync("/api/admin/access-log");
        notAdmin.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("altered", "UPDATE access_log SET UserId = 'iemand-anders' WHERE Sequence = 3", 3, "record 3 was altered")]
    [InlineData("inserted", """
        UPDATE access_log SET Sequence = Sequence + 1000 WHERE Sequence >= 4;
        UPDATE access_log SET Sequence = Sequence - 999 WHERE Sequence >= 1000;
        INSERT INTO access_log (Sequence, At, UserId, Organisation, CaseId, ItemId, Action, Purpose, LegalBasis, PreviousHash, Hash)
            SELECT 4, At, 'vervalst', Organisation, CaseId, ItemId, Action, Purpose, LegalBasis, PreviousHash, Hash FROM access_log WHERE Sequence = 3;
        """, 4, "record 4 does not link to record 3")]
    [InlineData("removed", "DELETE FROM access_log WHERE Sequence = 3", 3, "record 3 is missing")]
    public async Task Tampering_with_one_row_in_the_database_file_is_detected_and_the_row_named(string how, string sql, long brokenAt, string message)
    {
        var (factory, admin, _) = await CaseWithLoggedAccessAsync();
        await using var _ = factory;
        (await VerifyAsync(admin))["intact"]!.GetValue<bool>().Should().BeTrue();

        await ExecuteAsync(factory, sql);

        var verification = await VerifyAsync(admin);
        verification["intact"]!.GetValue<bool>().Should().BeFalse($"a row was {how}");
        verification["brokenAtSequence"]!.GetValue<long>().Should().Be(brokenAt);
        verification.Str("message").Should().Contain(message);
    }

    [Fact]
    public async Task Concurrent_readers_append_to_one_unbroken_chain()
    {
        var (factory, admin, caseId) = await CaseWithLoggedAccessAsync();
        await using var _ = factory;
        var readers = Enumerable.Range(0, 8).Select(i => factory.CreateClientFor($"agent-{i}", "politie", ["tafeldeelnemer"])).ToList();

        await Task.WhenAll(readers.SelectMany(r => Enumerable.Range(0, 5).Select(_ => r.GetAsync($"/api/cases/{caseId}/items"))));

        var verification = await VerifyAsync(admin);
        verification["intact"]!.GetValue<bool>().Should().BeTrue(verification.Str("message"));
        verification["recordCount"]!.GetValue<long>().Should().Be(7 + 8 * 5 * 2);
    }
}
