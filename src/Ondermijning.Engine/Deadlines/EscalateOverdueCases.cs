using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Deadlines;

/// <summary>
/// Records an escalation for every stay whose due date has passed and that has none yet. Everything it needs
/// is in the database, so it may run anywhere, any number of times, after any restart.
/// </summary>
public sealed class EscalateOverdueCases(OndermijningDbContext db, IClock clock, ILogger<EscalateOverdueCases> logger)
{
    /// <returns>How many escalations this run recorded; stays another run escalated first are not counted.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var overdue = await db.Cases.AsNoTracking()
            .Where(c => c.DueAt != null && c.DueAt <= now)
            .Where(c => !db.CaseEscalations.Any(e => e.CaseId == c.Id && e.StageEntrySequence == c.StageEntrySequence))
            .OrderBy(c => c.DueAt)
            .Select(c => new { c.Id, c.StageEntrySequence, c.Stage, c.DueAt })
            .ToListAsync(cancellationToken);

        var recorded = 0;
        foreach (var stay in overdue)
        {
            // One save per stay: another instance winning the race for one case must not undo the others.
            if (await db.InsertOnceAsync(new CaseEscalation(stay.Id, stay.StageEntrySequence, stay.Stage, stay.DueAt!.Value, now), cancellationToken))
            {
                recorded++;
                logger.LogInformation("Case {CaseId} is overdue at stage {Stage} (due {DueAt}); escalated", stay.Id, stay.Stage, stay.DueAt);
            }
        }
        return recorded;
    }
}
