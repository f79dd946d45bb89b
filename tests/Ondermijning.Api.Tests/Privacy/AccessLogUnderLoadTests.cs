using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>The access log while many requests append to it at once, through two instances and next to other writers.</summary>
[LongRunning(seconds: 50)]
public class AccessLogUnderLoadTests
{
    private const int Reads = 200;
    /// <summary>Reads on their way at any moment, half of them through each node.</summary>
    private const int InFlight = 64;

    private static readonly Dictionary<string, string> SignedInWithTokens = new()
    {
        ["Identity__Development__Enabled"] = "false",
        ["Identity__Jwt__SigningKey"] = TestTokens.SigningKey,
        ["Identity__Jwt__Issuer"] = TestTokens.Issuer,
        ["Identity__Jwt__Audience"] = TestTokens.Audience,
    };

    [Fact]
    [Trait("Provider", "PostgreSql")]
    public Task Hundreds_of_gated_reads_through_two_instances_on_PostgreSQL_keep_one_verifiable_chain() =>
        GatedReadsThroughTwoInstancesAsync(TestDatabase.New(StorageProvider.PostgreSql));

    [Fact]
    [Trait("Provider", "Sqlite")]
    public Task Hundreds_of_gated_reads_through_two_processes_on_one_SQLite_file_keep_one_verifiable_chain() =>
        GatedReadsThroughTwoInstancesAsync(TestDatabase.New(StorageProvider.Sqlite));

    private static async Task GatedReadsThroughTwoInstancesAsync(TestDatabase database)
    {
        await using var nodeA = await ServiceProcess.StartAsync(database, SignedInWithTokens);
        await using var nodeB = await ServiceProcess.StartAsync(database, SignedInWithTokens);
        using var oov = Client(nodeA, "oov", "gemeente", "oov-regisseur");
        var caseId = (await oov.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await oov.MoveToAsync(caseId, "mot");
        using var police = Client(nodeB, "agent", "politie", "tafeldeelnemer");
        await (await police.AddItemAsync(caseId, "closed", "politie", "BVH-registratie")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await police.AddItemAsync(caseId, "closed", "politie", "CIE-rapport")).ShouldHaveStatus(HttpStatusCode.Created);

        using var readerA = Client(nodeA, "agent-a", "politie", "tafeldeelnemer");
        using var readerB = Client(nodeB, "agent-b", "politie", "tafeldeelnemer");
        // Many at once, but fewer per node than its 100 pooled connections: each read holds one while it waits its turn
        // to append to the chain, and a request beyond the pool waited for a connection past Npgsql's 15 s on two busy cores.
        using var inFlight = new SemaphoreSlim(InFlight);
        var statuses = await Task.WhenAll(Enumerable.Range(0, Reads).Select(async i =>
        {
            await inFlight.WaitAsync();
            try
            {
                using var response = await (i % 2 == 0 ? readerA : readerB).GetAsync($"/api/cases/{caseId}/items");
                return (response.StatusCode, Body: response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync());
            }
            finally
            {
                inFlight.Release();
            }
        }));

        statuses.Select(s => s.StatusCode).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.OK),
            $"every gated read is answered, none with a 5xx: {string.Join(" | ", statuses.Select(s => s.Body).Where(b => b.Length > 0).Distinct())}");
        const long expected = 2 + Reads * 2;
        using var admin = Client(nodeB, "admin", "gemeente", "beheerder");
        var records = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/access-log?limit=5000"))!;
        records.Select(r => r!["sequence"]!.GetValue<long>()).Should().Equal(Enumerable.Range(1, (int)expected).Select(i => (long)i),
            "the chain is numbered without gaps or doubles");
        var verification = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!;
        verification["intact"]!.GetValue<bool>().Should().BeTrue(verification.Str("message"));
        verification["recordCount"]!.GetValue<long>().Should().Be(expected);
        var command = await VerifyCommand.RunAsync(database);
        command.ExitCode.Should().Be(0, command.Output);
        command.Output.Should().Contain($"intact: {expected} record(s)");

        (await database.ExecuteAsync("UPDATE access_log SET \"LegalBasis\" = 'geen' WHERE \"Sequence\" = 250")).Should().Be(1);

        verification = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!;
        verification["intact"]!.GetValue<bool>().Should().BeFalse();
        verification["brokenAtSequence"]!.GetValue<long>().Should().Be(250);
        verification.Str("message").Should().Contain("record 250 was altered");
        command = await VerifyCommand.RunAsync(database);
        command.ExitCode.Should().Be(1);
        command.Output.Should().Contain("broken at record 250");
    }

    /// <summary>
    /// The purge appends its erasures to the log while intake and steps keep writing. It used to begin its transaction,
    /// and so take SQLite's write lock, before queueing at the writers' gate; the writer at the gate then waited for that
    /// lock until the busy timeout, and both stalled.
    /// </summary>
    [Fact]
    [Trait("Provider", "Sqlite")]
    public async Task A_retention_purge_while_registrations_and_steps_continue_neither_stalls_nor_answers_503()
    {
        await using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite))
        {
            Settings = new Dictionary<string, string> { ["Storage:SqliteBusyTimeoutSeconds"] = "10" },
        };
        var oov = factory.CreateClient();
        var admin = factory.CreateClientFor("admin", "gemeente", ["beheerder"]);
        const int expired = 120;
        for (var i = 0; i < expired; i++)
        {
            var id = (await oov.RegisterAsync()).Str("id");
            await oov.FireOkAsync(id, "start-verrijking");
            await oov.RejectSignalAsync(id, "Open bronnen bevestigen het niet");
        }
        factory.Clock.Advance(Duration.FromDays(7 * 31));

        using var purgeDone = new CancellationTokenSource();
        var slowest = TimeSpan.Zero;
        var outcomes = new ConcurrentBag<HttpStatusCode>();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var client = factory.CreateClient();
            while (!purgeDone.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                var registered = await client.PostAsJsonAsync("/api/signals", ApiClient.Signal());
                outcomes.Add(registered.StatusCode);
                if (registered.StatusCode == HttpStatusCode.Created)
                {
                    var id = (await registered.Content.ReadFromJsonAsync<JsonObject>())!.Str("id");
                    outcomes.Add((await client.FireAsync(id, "start-verrijking")).StatusCode);
                }
                lock (outcomes) slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            }
        })).ToList();

        await Task.Delay(200);
        var purge = Stopwatch.StartNew();
        var response = await admin.PostAsync("/api/admin/retention/run", null);
        purge.Stop();
        await purgeDone.CancelAsync();
        await Task.WhenAll(writers);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["erasedCases"]!.GetValue<int>().Should().Be(expired);
        purge.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(8), "the purge does not wait out the busy timeout");
        outcomes.Should().NotBeEmpty().And.OnlyContain(s => s == HttpStatusCode.Created || s == HttpStatusCode.OK, "no request gets a 503");
        slowest.Should().BeLessThan(TimeSpan.FromSeconds(8), "no registration or step waits out the busy timeout");
        var verify = await admin.GetAsync("/api/admin/access-log/verify");
        await verify.ShouldHaveStatus(HttpStatusCode.OK);
        var verification = await verify.Content.ReadAsStringAsync();
        JsonNode.Parse(verification)!["intact"]?.GetValue<bool>().Should().BeTrue(verification);
    }

    private static HttpClient Client(ServiceProcess node, string userId, string organisation, string role)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(userId, organisation, [role]));
        return client;
    }
}
