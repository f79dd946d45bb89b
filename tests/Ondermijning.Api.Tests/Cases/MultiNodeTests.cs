using System.Net;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>Two service processes behind an imaginary load balancer, one PostgreSQL database.</summary>
[Trait("Provider", "PostgreSql")]
public class MultiNodeTests
{
    private static readonly Dictionary<string, string> Meeting = new() { ["vergaderdatum"] = "2024-06-03" };

    [Fact]
    public async Task Concurrent_steps_through_two_nodes_lose_no_update_and_record_no_step_twice()
    {
        var database = TestDatabase.Empty(StorageProvider.PostgreSql);
        // One after the other: the first migrates, the second finds the schema up to date.
        await using var nodeA = await ServiceProcess.StartAsync(database);
        await using var nodeB = await ServiceProcess.StartAsync(database);
        using var a = nodeA.CreateClient();
        using var b = nodeB.CreateClient();

        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var id = (await (i % 2 == 0 ? a : b).RegisterAsync()).Str("id");
            await a.FireOkAsync(id, "start-verrijking");
            await b.ConfirmSignalAsync(id);
            ids.Add(id);
        }

        // Four clients, two per node, each sending every case down a different route at the same moment.
        var routes = new[] { (a, "naar-politie"), (b, "naar-atom"), (a, "naar-handhaving-wabo"), (b, "geen-vervolg") };
        var attempts = await Task.WhenAll(ids.SelectMany(id => routes.Select(async route =>
        {
            var (client, trigger) = route;
            var response = await client.FireAsync(id, trigger, reason: "Besproken in de LWO", information: Meeting);
            return (id, response);
        })));

        foreach (var group in attempts.GroupBy(x => x.id))
        {
            group.Count(x => x.response.StatusCode == HttpStatusCode.OK).Should().Be(1, $"exactly one route wins for case {group.Key}");
            foreach (var (_, loser) in group.Where(x => x.response.StatusCode != HttpStatusCode.OK))
                await loser.ProblemAsync(HttpStatusCode.Conflict);

            var @case = await a.GetCaseAsync(group.Key);
            var sequences = @case["history"]!.AsArray().Select(h => h!.Int("sequence")).ToList();
            sequences.Should().Equal(Enumerable.Range(1, 4), "registered, enrichment, LWO and one route, without gaps or doubles");
            @case.Int("revision").Should().Be(4);
        }
    }

    [Fact]
    public async Task A_registration_retried_on_the_other_node_finds_the_same_case()
    {
        var database = TestDatabase.New(StorageProvider.PostgreSql);
        await using var nodeA = await ServiceProcess.StartAsync(database);
        await using var nodeB = await ServiceProcess.StartAsync(database);
        using var a = nodeA.CreateClient();
        using var b = nodeB.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).RegisterWithKeyAsync("across-nodes", ApiClient.Signal())));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        var ids = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!.Str("id")));
        ids.Distinct().Should().ContainSingle();
        (await b.CaseCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Three_nodes_starting_at_once_on_a_new_database_all_come_up_and_share_one_schema()
    {
        // As after a deployment: every node creates and migrates the database at start-up, none of them first.
        var database = TestDatabase.Empty(StorageProvider.PostgreSql);
        var starting = Enumerable.Range(0, 3).Select(_ => ServiceProcess.StartAsync(database)).ToList();
        try
        {
            var clients = (await Task.WhenAll(starting)).Select(n => n.CreateClient()).ToList();
            foreach (var client in clients) await client.RegisterAsync();

            foreach (var client in clients)
                (await client.CaseCountAsync()).Should().Be(3, "the three nodes write to and read from one database");
        }
        finally
        {
            // Also the nodes that did start when another one failed.
            await Task.WhenAll(starting.Select(t => t.ContinueWith(async started =>
            {
                if (started.IsCompletedSuccessfully) await started.Result.DisposeAsync();
            }).Unwrap()));
        }
    }
}
