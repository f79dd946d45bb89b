using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Interventions;

/// <summary>
/// Records the administrative measures taken parallel to the chain, awareness activities and phenomenon studies.
/// Each is dated and belongs to a municipality; a link to a case is optional but must then be to a case of
/// that municipality.
/// </summary>
public sealed class RecordEnforcement(OndermijningDbContext db, IClock clock)
{
    public Task<BibobScreening> BibobAsync(BibobScreeningDetails d, Actor actor, CancellationToken cancellationToken = default) =>
        AddAsync(actor, d.Municipality, d.CaseId, d.Date, "date",
            now => new BibobScreening(d, now, actor), cancellationToken,
            f => f.Text(d.PermitType, "permitType", "Say which permit the application was for.", Limits.PermitType));

    public Task<DrugPremisesClosure> DrugPremisesClosureAsync(DrugPremisesClosureDetails d, Actor actor, CancellationToken cancellationToken = default) =>
        AddAsync(actor, d.Municipality, d.CaseId, d.ClosedOn, "closedOn",
            now => new DrugPremisesClosure(d, now, actor), cancellationToken,
            f => f.Text(d.Premises, "premises", "Say which premises were closed.", Limits.Location));

    public Task<StreetDealingPenalty> StreetDealingPenaltyAsync(StreetDealingPenaltyDetails d, Actor actor, CancellationToken cancellationToken = default) =>
        AddAsync(actor, d.Municipality, d.CaseId, d.ImposedOn, "imposedOn",
            now => new StreetDealingPenalty(d, now, actor), cancellationToken);

    public Task<AwarenessActivity> AwarenessActivityAsync(AwarenessActivityDetails d, Actor actor, CancellationToken cancellationToken = default) =>
        AddAsync(actor, d.Municipality, null, d.HeldOn, "heldOn",
            now => new AwarenessActivity(d, now, actor), cancellationToken,
            f => f.OptionalText(d.Programme, "programme", Limits.Programme));

    public Task<PhenomenonStudy> StartStudyAsync(PhenomenonStudyDetails d, Actor actor, CancellationToken cancellationToken = default) =>
        AddAsync(actor, d.Municipality, d.CaseId, d.StartedOn, "startedOn",
            now => new PhenomenonStudy(d, now, actor), cancellationToken,
            f => f.Text(d.Subject, "subject", "Name the branch, the area (four postcode digits) or the target group.", Limits.StudySubject));

    public async Task<PhenomenonStudy> EndStudyAsync(PhenomenonStudyId id, PhenomenonStudyStatus status, LocalDate? on, string? result,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var study = await db.Set<PhenomenonStudy>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (study is null || !actor.WorksFor(study.Municipality))
            throw new EngineProblem(ProblemKind.NotFound, "Phenomenon study not found", $"There is no phenomenon study with id {id}.");
        AccessGate.Require(actor, Permission.RecordEnforcement, study.Municipality);
        if (status == PhenomenonStudyStatus.Running)
            throw EngineProblem.Validation(new Dictionary<string, string[]> { ["status"] = ["A study can only move on to 'completed' or 'stopped'."] });
        var today = Today();
        var f = new Fields();
        f.Check(on, "date", today);
        result = f.OptionalText(result, "result", Limits.StudyResult, TextKind.MultiLine);
        f.ThrowIfAny();
        study.End(status, on ?? today, result);
        await db.SaveChangesAsync(cancellationToken);
        return study;
    }

    private LocalDate Today() => clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;

    private async Task<T> AddAsync<T>(Actor actor, MunicipalityCode municipality, CaseId? caseId, LocalDate date, string dateField,
        Func<Instant, T> create, CancellationToken cancellationToken, Action<Fields>? check = null) where T : class
    {
        AccessGate.Require(actor, Permission.RecordEnforcement, municipality);
        if (await db.RecordedBeforeAsync<T>(cancellationToken) is { } earlier) return earlier;
        // What happened is recorded once it has happened, and its texts keep the engine's rules whoever records it.
        var f = new Fields();
        f.Check(date, dateField, Today());
        check?.Invoke(f);
        f.ThrowIfAny();
        if (caseId is { } id)
        {
            // A case of a municipality the actor does not work for is not found: which municipality it belongs to is not said.
            var caseMunicipality = await db.Cases.Where(c => c.Id == id).Select(c => (MunicipalityCode?)c.Municipality)
                .SingleOrDefaultAsync(cancellationToken);
            if (caseMunicipality is null || !actor.WorksFor(caseMunicipality.Value)) throw CaseProblems.NotFound(id);
            if (caseMunicipality != municipality)
                throw new EngineProblem(ProblemKind.RuleViolation, "The case belongs to another municipality",
                    $"Case {id} is a case of {caseMunicipality}, not of {municipality}; link a case of the same municipality.",
                    new Dictionary<string, string[]> { ["caseId"] = [$"The case belongs to {caseMunicipality}."] });
        }
        var now = clock.GetCurrentInstant();
        var record = create(now);
        db.AddRecord(record, now);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}
