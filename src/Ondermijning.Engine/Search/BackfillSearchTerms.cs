using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Search;

/// <summary>
/// Cases registered before search existed get their terms once, in batches, and the run is recorded: later start-ups see
/// the record and read no case, so start-up time does not grow with the number of cases.
/// </summary>
public sealed class BackfillSearchTerms(OndermijningDbContext db, IClock clock)
{
    public const string JobName = "search-terms-backfill";
    private const int Batch = 500;

    public Task RunAsync(CancellationToken cancellationToken = default) => JobRuns.OnceAsync(db, clock, JobName, async ct =>
    {
        var done = 0;
        while (true)
        {
            var cases = await db.Cases.Include(c => c.Persons).Include(c => c.Companies).Include(c => c.Addresses).AsSplitQuery()
                .Where(c => !c.SearchTerms.Any())
                .OrderBy(c => c.Id).Take(Batch)
                .ToListAsync(ct);
            if (cases.Count == 0) break;
            foreach (var @case in cases) @case.IndexForSearch();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += cases.Count;
        }
        return $"{done} cases indexed for search";
    }, cancellationToken);
}
