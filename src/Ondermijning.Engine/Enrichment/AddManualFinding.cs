using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// An open-source finding an OOV user found by hand: a web page, a social-media post, a news article, or
/// land-registry (BRK) ownership, which has no public API and arrives as an extract or import.
/// </summary>
/// <param name="FactsJson">Structured facts (for example the owners on a BRK extract) as a JSON object; "{}" when there are none.</param>
public sealed record ManualFindingDetails(FindingSource Source, string Subject, string Note, string? Link, LocalDate ObservedOn, string FactsJson);

public sealed class AddManualFinding(OndermijningDbContext db, AccessGate gate, InformationAccess access, FindingItems items, IClock clock)
{
    public static readonly IReadOnlySet<FindingSource> ManualSources =
        new HashSet<FindingSource> { FindingSource.Internet, FindingSource.SocialMedia, FindingSource.News, FindingSource.Kadaster };

    public async Task<EnrichmentFinding> HandleAsync(CaseId caseId, ManualFindingDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (!ManualSources.Contains(details.Source))
            throw new ArgumentException($"{details.Source} findings come from the register, not from a user.", nameof(details));
        var @case = await gate.CaseAsync(caseId, actor, Permission.AddFinding, cancellationToken: cancellationToken);
        if (await db.RecordedBeforeAsync<EnrichmentFinding>(cancellationToken) is { } earlier) return earlier;
        // A finding is open-source information: where the protocol does not let this user add that, it is refused as an item would be.
        access.GateForAdding(@case, InformationCategory.Open, actor);

        var now = clock.GetCurrentInstant();
        var finding = EnrichmentFinding.Manual(caseId, details.Source, details.Subject, details.Note, details.Link, details.ObservedOn,
            details.FactsJson, now, actor);
        db.AddRecord(finding, now);
        if (items.For(@case, finding, actor, now) is { } item) db.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return finding;
    }
}
