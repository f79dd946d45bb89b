using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine;

/// <summary>
/// One recorded chain outcome by its id: what the <c>Location</c> of its <c>Created</c> answer points at. A record of a
/// case is read under the case's gate, like the case's lists; a record of a municipality under the municipality's. One
/// the actor may not see is "not found", as the case or municipality would be.
/// </summary>
public sealed class ChainRecords(OndermijningDbContext db, AccessGate gate)
{
    public async Task<AtomInspection> AtomInspectionAsync(CaseId caseId, AtomInspectionId id, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        return await db.Set<AtomInspection>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.CaseId == caseId, cancellationToken)
            ?? throw NotFound("ATOM inspection", $"Case {caseId} has no ATOM inspection {id}.");
    }

    public async Task<Intervention> InterventionAsync(CaseId caseId, InterventionId id, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        return await db.Set<Intervention>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.CaseId == caseId, cancellationToken)
            ?? throw NotFound("Intervention", $"Case {caseId} has no intervention {id}.");
    }

    /// <summary>The kinds of intervention are shared by every municipality, like their list.</summary>
    public async Task<InterventionSubtype> SubtypeAsync(string code, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadCase);
        var normalised = code.Trim().ToLowerInvariant();
        return await db.Set<InterventionSubtype>().AsNoTracking().SingleOrDefaultAsync(s => s.Code == normalised, cancellationToken)
            ?? throw NotFound("Kind of intervention", $"There is no kind of intervention with code '{code}'.");
    }

    public Task<BibobScreening> BibobScreeningAsync(BibobScreeningId id, Actor actor, CancellationToken cancellationToken = default) =>
        OfMunicipalityAsync<BibobScreening>(r => r.Id == id, r => r.Municipality, "Bibob screening", id.ToString(), actor, cancellationToken);

    public Task<DrugPremisesClosure> DrugPremisesClosureAsync(DrugPremisesClosureId id, Actor actor, CancellationToken cancellationToken = default) =>
        OfMunicipalityAsync<DrugPremisesClosure>(r => r.Id == id, r => r.Municipality, "Closure", id.ToString(), actor, cancellationToken);

    public Task<StreetDealingPenalty> StreetDealingPenaltyAsync(StreetDealingPenaltyId id, Actor actor, CancellationToken cancellationToken = default) =>
        OfMunicipalityAsync<StreetDealingPenalty>(r => r.Id == id, r => r.Municipality, "Penalty", id.ToString(), actor, cancellationToken);

    public Task<AwarenessActivity> AwarenessActivityAsync(AwarenessActivityId id, Actor actor, CancellationToken cancellationToken = default) =>
        OfMunicipalityAsync<AwarenessActivity>(r => r.Id == id, r => r.Municipality, "Awareness activity", id.ToString(), actor, cancellationToken);

    public Task<PhenomenonStudy> PhenomenonStudyAsync(PhenomenonStudyId id, Actor actor, CancellationToken cancellationToken = default) =>
        OfMunicipalityAsync<PhenomenonStudy>(r => r.Id == id, r => r.Municipality, "Phenomenon study", id.ToString(), actor, cancellationToken);

    private async Task<T> OfMunicipalityAsync<T>(Expression<Func<T, bool>> match, Func<T, MunicipalityCode> municipality, string what, string id,
        Actor actor, CancellationToken cancellationToken) where T : class
    {
        // The query filters already hide other municipalities' rows; the check below says so in the engine's own words.
        var record = await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(match, cancellationToken);
        if (record is null || !actor.WorksFor(municipality(record)))
            throw NotFound(what, $"There is no {what.ToLowerInvariant()} with id {id}.");
        AccessGate.Require(actor, Permission.ReadEnforcement, municipality(record));
        return record;
    }

    private static EngineProblem NotFound(string what, string detail) => new(ProblemKind.NotFound, $"{what} not found", detail);
}
