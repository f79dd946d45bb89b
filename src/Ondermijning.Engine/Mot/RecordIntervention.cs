using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Mot;

/// <summary>A validated intervention decision; a missing decision date means today.</summary>
public sealed record InterventionDetails(InterventionType? Type, string Subtype, string ExecutingOrganisation, LocalDate? DecidedOn,
    LocalDate? PlannedFor, string? Note);

public sealed partial class RecordIntervention(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog, IClock clock)
{
    public async Task<Intervention> HandleAsync(CaseId caseId, InterventionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        var f = new Fields();
        var code = f.Text(details.Subtype, "subtype", "Say which kind of intervention (see GET /api/intervention-subtypes).", Limits.Code);
        var organisation = f.Text(details.ExecutingOrganisation, "executingOrganisation", "Say which organisation carries it out.", Limits.Name);
        f.Check(details.DecidedOn, "decidedOn");
        f.Check(details.PlannedFor, "plannedFor");
        var note = f.OptionalText(details.Note, "note", Limits.Note, TextKind.MultiLine);
        f.ThrowIfAny();
        var @case = await gate.CaseAsync(caseId, actor, Permission.RecordIntervention, cancellationToken: cancellationToken);
        if (await db.RecordedBeforeAsync<Intervention>(cancellationToken) is { } earlier) return earlier;
        await db.EnsureReachedAsync(catalog, @case, TableKind.Mot, cancellationToken);

        var subtype = await db.Set<InterventionSubtype>().SingleOrDefaultAsync(s => s.Code == code, cancellationToken)
            ?? throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["subtype"] = [$"'{details.Subtype}' is not a known kind of intervention. See GET /api/intervention-subtypes, or add it there first."],
            });
        if (details.Type is { } type && type != subtype.Type)
            throw new EngineProblem(ProblemKind.RuleViolation, "The kind of intervention does not match its type",
                $"'{subtype.Label}' is a {subtype.Type.ToString().ToLowerInvariant()} intervention, not a {type.ToString().ToLowerInvariant()} one.",
                new Dictionary<string, string[]> { ["subtype"] = [$"'{subtype.Code}' belongs to type '{subtype.Type.ToString().ToLowerInvariant()}'."] });

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Amsterdam.Zone).Date;
        if (details.DecidedOn > today)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["decidedOn"] = ["The decision date lies in the future; record the intervention once the MOT has decided."],
            });

        var intervention = new Intervention(caseId, @case.Municipality, subtype, organisation,
            details.DecidedOn ?? today, details.PlannedFor, note, now);
        db.AddRecord(intervention, now);
        await db.SaveChangesAsync(cancellationToken);
        return intervention;
    }

    public async Task<Intervention> ChangeStatusAsync(CaseId caseId, InterventionId id, InterventionStatus status, LocalDate? on, string? note,
        Actor actor, CancellationToken cancellationToken = default)
    {
        var f = new Fields();
        f.Check(on, "date");
        note = f.OptionalText(note, "note", Limits.Note, TextKind.MultiLine);
        f.ThrowIfAny();
        await gate.CaseAsync(caseId, actor, Permission.RecordIntervention, cancellationToken: cancellationToken);
        var intervention = await db.Set<Intervention>().SingleOrDefaultAsync(i => i.Id == id && i.CaseId == caseId, cancellationToken)
            ?? throw new EngineProblem(ProblemKind.NotFound, "Intervention not found", $"Case {caseId} has no intervention {id}.");
        if (status == InterventionStatus.Planned)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["status"] = ["An intervention can only move on to 'executed' or 'dropped'."],
            });
        var today = clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;
        if (on > today)
            throw EngineProblem.Validation(new Dictionary<string, string[]> { ["date"] = ["The date lies in the future."] });

        intervention.ChangeStatus(status, on ?? today, note);
        await db.SaveChangesAsync(cancellationToken);
        return intervention;
    }

    public async Task<List<Intervention>> ListAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        return await db.Set<Intervention>().AsNoTracking().Where(i => i.CaseId == caseId)
            .OrderBy(i => i.DecidedOn).ThenBy(i => i.RecordedAt).ToListAsync(cancellationToken);
    }

    public Task<List<InterventionSubtype>> SubtypesAsync(CancellationToken cancellationToken = default) =>
        db.Set<InterventionSubtype>().AsNoTracking().OrderBy(s => s.Type).ThenBy(s => s.Label).ToListAsync(cancellationToken);

    public async Task<InterventionSubtype> AddSubtypeAsync(string? code, InterventionType? type, string? label, Actor actor,
        CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ManageInterventionKinds);
        if (await db.RecordedBeforeAsync<InterventionSubtype>(cancellationToken) is { } earlier) return earlier;
        var f = new Fields();
        const string codeRule = "Give a short code of lower-case letters, digits and hyphens, e.g. 'sluiting-woning'.";
        var normalised = f.Text(code, "code", codeRule, Limits.Code).ToLowerInvariant();
        if (normalised.Length > 0 && !CodePattern().IsMatch(normalised)) f.Error("code", codeRule);
        if (type is null) f.Error("type", Breach.Required("Say whether it is a bestuurlijk, strafrechtelijk or fiscaal intervention."));
        label = f.Text(label, "label", "Give the Dutch name users will see.", Limits.Label);
        f.ThrowIfAny();

        if (await db.Set<InterventionSubtype>().AnyAsync(s => s.Code == normalised, cancellationToken))
            throw new EngineProblem(ProblemKind.Conflict, "This kind of intervention already exists",
                $"There is already a kind of intervention with code '{normalised}'.");
        var now = clock.GetCurrentInstant();
        var subtype = new InterventionSubtype(normalised, type!.Value, label, now, actor.UserId);
        db.AddRecord(subtype, now);
        await db.SaveChangesAsync(cancellationToken);
        return subtype;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex CodePattern();
}
