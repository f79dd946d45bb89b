using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Deadlines;

public class MigrationDeadlineTests
{
    private static readonly WorkflowId Ondermijning = new("ondermijning");

    /// <summary>Requested, then run as the background job runs it.</summary>
    private static async Task Migrate(EngineHost host, CaseId id, string from, string to)
    {
        var migration = await host.RunAsync<MigrateCases, CaseMigration>(m => m.RequestAsync(new MigrationRequest(Ondermijning, 1, null, 2,
            new MigrationSelection(id, null), new Dictionary<StageId, StageId> { [new StageId(from)] = new StageId(to) },
            new Dictionary<Severity, Severity>(), "Naar v2"), EngineHost.Regisseur));
        await host.RunAsync<MigrateCases, bool>(async m =>
        {
            await m.RunAsync(migration.Id);
            return true;
        });
    }

    [Fact]
    public async Task A_migration_that_keeps_the_stage_keeps_the_stay_and_its_due_date()
    {
        await using var host = await EngineHost.StartAsync();
        var registered = await host.RegisterAsync();
        host.Clock.Advance(Duration.FromDays(1));

        await Migrate(host, registered.Id, "ontvangen", "ontvangen");

        var migrated = await host.GetAsync(registered.Id);
        migrated.StageEntrySequence.Should().Be(1, "the stay that began at registration goes on");
        migrated.DueAt.Should().Be(registered.DueAt, "v2 also gives 'ontvangen' three days");
    }

    [Fact]
    public async Task A_migration_to_another_stage_starts_a_new_stay_with_that_stages_deadline()
    {
        await using var host = await EngineHost.StartAsync();
        var registered = await host.RegisterAsync();
        host.Clock.Advance(Duration.FromDays(1));

        await Migrate(host, registered.Id, "ontvangen", "verrijking");

        var migrated = await host.GetAsync(registered.Id);
        migrated.StageEntrySequence.Should().Be(2);
        migrated.DueAt.Should().Be(host.Clock.GetCurrentInstant() + Duration.FromDays(14));
    }
}
