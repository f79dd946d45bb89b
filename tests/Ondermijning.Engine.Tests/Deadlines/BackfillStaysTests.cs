using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Tests.Deadlines;

public class BackfillStaysTests
{
    [Fact]
    public async Task Cases_from_before_due_dates_get_their_stay_and_due_date_at_start_up()
    {
        var path = EngineHost.NewDatabasePath();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2024, 6, 3, 8, 0));
        Instant enteredVerrijking;
        CaseId waiting, enriching;
        await using (var before = await EngineHost.StartAsync(path, clock))
        {
            waiting = (await before.RegisterAsync()).Id;
            enriching = (await before.RegisterAsync()).Id;
            clock.Advance(Duration.FromDays(1));
            enteredVerrijking = clock.GetCurrentInstant();
            await before.FireAsync(enriching, "start-verrijking");
            // What the Deadlines migration leaves for cases that already existed, in a database the backfill never ran on.
            await before.RunAsync<OndermijningDbContext, int>(db => db.Database.ExecuteSqlRawAsync(
                $"UPDATE cases SET StageEntrySequence = 0, DueAt = NULL; DELETE FROM job_runs WHERE JobName = '{BackfillStays.JobName}'"));
        }

        await using var after = await EngineHost.StartAsync(path, clock);

        var backfilledWaiting = await after.GetAsync(waiting);
        backfilledWaiting.StageEntrySequence.Should().Be(1);
        backfilledWaiting.DueAt.Should().Be(Instant.FromUtc(2024, 6, 6, 8, 0));
        var backfilledEnriching = await after.GetAsync(enriching);
        backfilledEnriching.StageEntrySequence.Should().Be(2);
        backfilledEnriching.DueAt.Should().Be(enteredVerrijking + Duration.FromDays(14));
    }
}
