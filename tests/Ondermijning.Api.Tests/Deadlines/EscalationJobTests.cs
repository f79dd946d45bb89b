using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Api.Tests.Deadlines;

[Collection(JobServerCollection.Name)]
public class EscalationJobTests
{
    [Fact]
    public async Task A_case_shows_the_due_date_of_its_current_stay()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var registered = await client.RegisterAsync();
        registered.Str("dueAt").Should().Be("2024-06-06T08:00:00Z", "'ontvangen' has deadline P3D");
        registered["escalations"]!.AsArray().Should().BeEmpty();

        factory.Clock.Advance(Duration.FromHours(1));
        var enriching = await client.FireOkAsync(registered.Str("id"), "start-verrijking");
        enriching.Str("dueAt").Should().Be("2024-06-17T09:00:00Z", "'verrijking' has deadline P14D from entry");
    }

    [Fact]
    public async Task The_escalation_job_on_a_real_Hangfire_server_escalates_an_overdue_case_and_not_again_on_its_next_run()
    {
        await using var factory = new ApiFactory { JobServer = true };
        var client = factory.CreateClient();
        var id = (await client.RegisterAsync()).Str("id");
        factory.Clock.Advance(Duration.FromDays(3) + Duration.FromMinutes(1));

        var first = await factory.TriggerAndWaitAsync(JobNames.Escalation);
        first.Outcome.Should().Be(JobOutcome.Succeeded);
        first.Summary.Should().Be("1 case(s) escalated");

        factory.Clock.Advance(Duration.FromMinutes(15));
        var second = await factory.TriggerAndWaitAsync(JobNames.Escalation);
        second.Outcome.Should().Be(JobOutcome.Succeeded);
        second.Summary.Should().Be("0 case(s) escalated");

        var escalation = (await client.GetCaseAsync(id))["escalations"]!.AsArray().Should().ContainSingle().Subject!;
        escalation.Str("stage").Should().Be("ontvangen");
        escalation.Int("stageEntrySequence").Should().Be(1);
        escalation.Str("dueAt").Should().Be("2024-06-06T08:00:00Z");
        escalation.Str("escalatedAt").Should().Be("2024-06-06T08:01:00Z");
    }

    [Fact]
    public async Task Two_instances_on_one_database_running_the_escalation_job_at_once_escalate_each_overdue_stay_once()
    {
        // Two service instances on one database: PostgreSQL in the PostgreSQL pass of ./test.sh, one SQLite file otherwise.
        var database = TestDatabase.New();
        var clock = new FakeClock(ApiFactory.DefaultStart);
        await using var first = new ApiFactory(database, clock: clock);
        await using var second = new ApiFactory(database, clock: clock);
        var client = first.CreateClient();
        _ = second.CreateClient();
        for (var i = 0; i < 8; i++) await client.RegisterAsync();
        clock.Advance(Duration.FromDays(4));

        async Task<int> Run(ApiFactory instance)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EscalateOverdueCases>().RunAsync(CancellationToken.None);
        }
        var escalated = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Run(i % 2 == 0 ? first : second)));

        escalated.Sum().Should().Be(8, "every overdue stay is escalated by exactly one of the runs");
        var overdue = (await client.GetFromJsonAsync<JsonObject>("/api/cases/overdue"))!["items"]!.AsArray();
        overdue.Should().HaveCount(8);
        foreach (var id in overdue.Select(c => c!.Str("id")))
            (await client.GetCaseAsync(id))["escalations"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_deadline_that_passes_while_the_service_is_down_is_escalated_after_the_restart()
    {
        var path = TestDatabase.New();
        string id;
        await using (var before = new ApiFactory(path) { JobServer = true })
        {
            id = (await before.CreateClient().RegisterAsync()).Str("id");
            (await before.TriggerAndWaitAsync(JobNames.Escalation)).Summary.Should().Be("0 case(s) escalated", "the case is not due yet");
        }

        await using var after = new ApiFactory(path, clock: new FakeClock(ApiFactory.DefaultStart + Duration.FromDays(4))) { JobServer = true };
        var client = after.CreateClient();
        var run = await after.TriggerAndWaitAsync(JobNames.Escalation);

        run.Summary.Should().Be("1 case(s) escalated");
        (await client.GetCaseAsync(id))["escalations"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task The_overdue_list_holds_the_overdue_cases_the_user_may_act_on()
    {
        await using var regisseur = new ApiFactory { JobServer = true };
        var client = regisseur.CreateClient();
        var late = (await client.RegisterAsync()).Str("id");
        var moved = (await client.RegisterAsync()).Str("id");
        regisseur.Clock.Advance(Duration.FromDays(1));
        await client.FireOkAsync(moved, "start-verrijking");
        regisseur.Clock.Advance(Duration.FromDays(3));
        await regisseur.TriggerAndWaitAsync(JobNames.Escalation);

        var overdue = (await client.GetFromJsonAsync<JsonObject>("/api/cases/overdue"))!["items"]!.AsArray();

        var item = overdue.Should().ContainSingle().Subject!;
        item.Str("id").Should().Be(late);
        item.Str("stage.id").Should().Be("ontvangen");
        item.Str("dueAt").Should().Be("2024-06-06T08:00:00Z");
        item.Str("escalatedAt").Should().Be("2024-06-07T08:00:00Z");

        // Every step out of 'ontvangen' needs an OOV regisseur; an analyst can do nothing about it.
        await using var analyst = new ApiFactory(regisseur.Database, clock: regisseur.Clock) { Roles = ["analist"], UserId = "test-analist" };
        (await analyst.CreateClient().GetFromJsonAsync<JsonObject>("/api/cases/overdue"))!["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_overdue_list_holds_only_cases_of_the_municipalities_the_user_works_for()
    {
        await using var factory = new ApiFactory();
        var maastricht = factory.CreateClient();
        var heerlen = factory.CreateClientFor("oov-heerlen", "gemeente", ["oov-regisseur"], ["GM0917"]);
        var own = (await maastricht.RegisterAsync()).Str("id");
        var other = (await heerlen.RegisterAsync(ApiClient.Signal(municipality: "GM0917"))).Str("id");
        factory.Clock.Advance(Duration.FromDays(4));

        var seenInMaastricht = (await maastricht.GetFromJsonAsync<JsonObject>("/api/cases/overdue"))!["items"]!.AsArray();
        var seenInHeerlen = (await heerlen.GetFromJsonAsync<JsonObject>("/api/cases/overdue"))!["items"]!.AsArray();

        seenInMaastricht.Select(c => c!.Str("id")).Should().Equal(own);
        seenInHeerlen.Select(c => c!.Str("id")).Should().Equal(other);
    }
}
