using System.Net;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>
/// Three service processes behind an imaginary load balancer, one PostgreSQL database: started together on a database that
/// does not exist yet, as after a deployment, and then shared by the tests of <see cref="MultiNodeTests"/>, which each
/// work on cases of their own. Starting a process is most of such a test's cost.
/// </summary>
public sealed class ThreeNodes : IAsyncLifetime
{
    private List<Task<ServiceProcess>> _starting = [];
    private ServiceProcess[] _nodes = [];

    /// <summary>Why a node did not come up; the test about starting says it, the others fail on it too.</summary>
    public Exception? StartFailure { get; private set; }

    public async Task InitializeAsync()
    {
        // Every node creates and migrates the database at start-up, none of them first.
        var database = TestDatabase.Empty(StorageProvider.PostgreSql);
        _starting = Enumerable.Range(0, 3).Select(_ => ServiceProcess.StartAsync(database)).ToList();
        try
        {
            _nodes = await Task.WhenAll(_starting);
        }
        catch (Exception e)
        {
            StartFailure = e;
        }
    }

    /// <summary>The three nodes, once all of them started.</summary>
    public IReadOnlyList<ServiceProcess> Started => StartFailure is null ? _nodes : throw new InvalidOperationException("Not every node started.", StartFailure);

    public async Task DisposeAsync() =>
        // Also the nodes that did start when another one failed.
        await Task.WhenAll(_starting.Select(t => t.ContinueWith(async started =>
        {
            if (started.IsCompletedSuccessfully) await started.Result.DisposeAsync();
        }).Unwrap()));
}

[Trait("Provider", "PostgreSql")]
[LongRunning(seconds: 70)]
public class MultiNodeTests(ThreeNodes nodes) : IClassFixture<ThreeNodes>
{
    private static readonly Dictionary<string, string> Meeting = new() { ["vergaderdatum"] = "2024-06-03" };

    [Fact]
    public async Task Three_nodes_starting_at_once_on_a_new_database_all_come_up_and_share_one_schema()
    {
        nodes.StartFailure.Should().BeNull("every node comes up, whichever of them migrates the new database");
        var clients = nodes.Started.Select(n => n.CreateClient()).ToList();
        var ids = new List<string>();
        foreach (var client in clients) ids.Add((await client.RegisterAsync()).Str("id"));

        // The three nodes write to and read from one database.
        foreach (var client in clients)
        foreach (var id in ids)
            (await client.GetCaseAsync(id)).Str("id").Should().Be(id);
    }

    [Fact]
    public async Task Concurrent_steps_through_two_nodes_lose_no_update_and_record_no_step_twice()
    {
        using var a = nodes.Started[0].CreateClient();
        using var b = nodes.Started[1].CreateClient();
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
        using var a = nodes.Started[0].CreateClient();
        using var b = nodes.Started[1].CreateClient();
        // The tests of this class take turns on the nodes, so only this test registers in between.
        var before = await b.CaseCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? a : b).RegisterWithKeyAsync("across-nodes", ApiClient.Signal())));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        var ids = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!.Str("id")));
        ids.Distinct().Should().ContainSingle();
        (await b.CaseCountAsync()).Should().Be(before + 1);
    }
}
