using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// An open-source finding an OOV user found by hand: a web page, a social-media post, a news article, or
/// land-registry (BRK) ownership, which has no public API and arrives as an extract or import.
/// </summary>
/// <param name="FactsJson">Structured facts (for example the owners on a BRK extract) as a JSON object; "{}" when there are none.</param>
public sealed record ManualFindingDetails(FindingSource Source, string Subject, string Note, string? Link, LocalDate ObservedOn, string FactsJson);

public sealed class AddManualFinding(OndermijningDbContext db, FindingItems items, IClock clock)
{
    public static readonly IReadOnlySet<FindingSource> ManualSources =
        new HashSet<FindingSource> { FindingSource.Internet, FindingSource.SocialMedia, FindingSource.News, FindingSource.Kadaster };

    public async Task<EnrichmentFinding> HandleAsync(CaseId caseId, ManualFindingDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (!actor.HasRole(Role.OovRegisseur))
            throw new EngineProblem(ProblemKind.Forbidden, "You may not add findings",
                "Only an OOV regisseur may add open-source findings to a case.");
        if (!ManualSources.Contains(details.Source))
            throw new ArgumentException($"{details.Source} findings come from the register, not from a user.", nameof(details));
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw CaseProblems.NotFound(caseId);

        var now = clock.GetCurrentInstant();
        var finding = EnrichmentFinding.Manual(caseId, details.Source, details.Subject, details.Note, details.Link, details.ObservedOn,
            details.FactsJson, now, actor);
        db.Add(finding);
        if (items.For(@case, finding, actor, now) is { } item) db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return finding;
    }
}
