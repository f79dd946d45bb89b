using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>
/// Drives a case along every route of v1 from start to a final stage through the HTTP API. The routes
/// are enumerated from the shipped definition, so a route added to v1 is tested without touching this file.
/// </summary>
public class RouteTests : IClassFixture<RouteTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly Service _service;
    public RouteTests(Service service) => _service = service;

    private static readonly WorkflowDefinition V1 = DefinitionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "workflows"), ShippedVocabulary.Value)
        .Single(d => d.Key == new DefinitionKey(new WorkflowId("ondermijning"), 1));

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var route in RoutesFrom(V1.StartStage.Id, [])) data.Add(string.Join(" > ", route.Select(t => t.Trigger)));
        return data;
    }

    private static IEnumerable<List<TransitionDefinition>> RoutesFrom(StageId stage, List<TransitionDefinition> taken)
    {
        if (V1.Stage(stage).Kind == StageKind.Final)
        {
            yield return taken;
            yield break;
        }
        foreach (var t in V1.TransitionsFrom(stage).Where(t => taken.All(x => x.From != t.To)))
            foreach (var route in RoutesFrom(t.To, [.. taken, t]))
                yield return route;
    }

    [Fact]
    public void V1_has_a_route_to_every_final_stage()
    {
        var reached = RoutesFrom(V1.StartStage.Id, []).Select(route => route[^1].To).ToHashSet();
        reached.Should().BeEquivalentTo(V1.Stages.Where(s => s.Kind == StageKind.Final).Select(s => s.Id));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_case_follows_the_route_to_its_final_stage(string route)
    {
        var client = _service.Factory.CreateClient();
        var created = await client.RegisterAsync(ApiClient.Signal(severity: "hoog"));
        var id = created.Str("id");
        created.Int("definitionVersion").Should().Be(1);

        var triggers = route.Split(" > ");
        JsonObject current = created;
        foreach (var trigger in triggers)
        {
            var transition = V1.TransitionsFrom(new StageId(current.Str("stage.id"))).Single(t => t.Trigger.Value == trigger);
            current["availableSteps"]!.AsArray().Select(s => s!.Str("trigger")).Should().Contain(trigger);
            var information = transition.Guards.RequiredInformation.ToDictionary(r => r.Key, r => r.Key.EndsWith("datum") ? "2024-06-03" : "NVWA");
            // An ATOM or MOT decision rests on the inspection or interventions recorded during the stay.
            if (ChainSteps.Records(transition) == StepRecord.AtomInspection) await client.RecordInspectionAsync(id);
            if (ChainSteps.Records(transition) == StepRecord.Interventions) await client.RecordExecutedInterventionAsync(id);
            // The enrichment verdicts are taken by recording the decision, the only way they can be taken.
            current = ChainSteps.VerdictOf(transition) switch
            {
                true => await client.ConfirmSignalAsync(id, "Besproken en besloten"),
                false => await client.RejectSignalAsync(id, "Besproken en besloten"),
                null => await client.FireOkAsync(id, trigger, reason: "Besproken en besloten", information: information),
            };
            current.Str("stage.id").Should().Be(transition.To.Value);
        }

        var final = await client.GetCaseAsync(id);
        final.Str("stage.kind").Should().Be("final");
        final["availableSteps"]!.AsArray().Should().BeEmpty();
        var history = final["history"]!.AsArray();
        history.Should().HaveCount(triggers.Length + 1);
        history.Skip(1).Select(h => h!.Str("trigger")).Should().Equal(triggers);
        history.Select(h => h!.Int("sequence")).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        history.Skip(1).Should().AllSatisfy(h =>
        {
            h!.Str("actor.id").Should().Be("test-oov");
            h!.Int("definitionVersion").Should().Be(1);
            h!.Str("at").Should().Be("2024-06-03T08:00:00Z");
        });
    }
}
