using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Search;

/// <summary>Another case that shares a KvK number, an address or a person with this one, and what they share.</summary>
public sealed record RelatedCase(Case Case, string StageLabel, IReadOnlyList<SearchReason> Shared);

/// <summary>
/// The other cases the user may see that share a KvK number, an address (postcode and house number) or a person (name and
/// birth date, as registered): what an analyst needs to see that five signals are about one business. The same terms
/// and the same gate as the search.
/// </summary>
public sealed class RelatedCases(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog)
{
    public const int MaxCases = 50;

    private static readonly SearchTermKind[] Linking = [SearchTermKind.KvkNumber, SearchTermKind.Address, SearchTermKind.Person];

    public async Task<IReadOnlyList<RelatedCase>> ForAsync(CaseId id, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(id, actor, Permission.ReadCase, cancellationToken: cancellationToken);
        var terms = db.Set<CaseSearchTerm>().AsNoTracking();
        var own = await terms.Where(t => t.CaseId == id && Linking.Contains(t.Kind)).Select(t => new { t.Kind, t.Term }).ToListAsync(cancellationToken);
        if (own.Count == 0) return [];

        // Named explicitly (not only by the query filter) so that the index on (kind, municipality, term, case) bounds the
        // read to the user's municipalities: a common name is shared by thousands of cases nationwide.
        var municipalities = actor.Municipalities.ToList();
        var shared = new List<CaseSearchTerm>();
        foreach (var group in own.GroupBy(t => t.Kind))
        {
            var values = group.Select(t => t.Term).ToList();
            var kind = group.Key;
            shared.AddRange(await terms
                .Where(t => t.Kind == kind && municipalities.Contains(t.Municipality) && values.Contains(t.Term) && t.CaseId != id)
                .OrderBy(t => t.CaseId).Take(MaxCases * 2).ToListAsync(cancellationToken));
        }
        var ids = shared.Select(t => t.CaseId).Distinct().Take(MaxCases).ToList();
        // A case whose content a case gate withholds is found by nothing it withholds.
        var cases = await db.WithSubjectsAsync(gate.WithContent(db.Cases.AsNoTracking(), actor).Where(c => ids.Contains(c.Id)), cancellationToken);
        return cases
            .Where(c => actor.WorksFor(c.Municipality) && gate.Allows(c, actor, Permission.ReadCase))
            .Select(c => new RelatedCase(c, catalog.Get(c.Definition).Stage(c.Stage).Label, shared.Where(t => t.CaseId == c.Id).Select(t => Describe(c, t)).Distinct().ToList()))
            .OrderByDescending(r => r.Case.ReceivedAt)
            .ToList();
    }

    private static SearchReason Describe(Case c, CaseSearchTerm term) => term.Kind switch
    {
        SearchTermKind.KvkNumber => new(term.Kind, c.Companies.FirstOrDefault(co => co.KvkNumber == term.Term) is { } co ? co.KvkLabel : term.Term),
        SearchTermKind.Address => new(term.Kind, c.Addresses
            .FirstOrDefault(a => CaseSearchTerm.AddressKey(CaseSearchTerm.NormalisePostcode(a.Postcode), a.HouseNumber) == term.Term) is { } a
                ? SearchCases.Address(a) : term.Term),
        _ => new(term.Kind, c.Persons.FirstOrDefault(p => CaseSearchTerm.PersonKey(p.Name, p.BirthDate) == term.Term)?.Name ?? term.Term),
    };
}
