using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Enrichment;

public sealed class EnrichmentQueries(OndermijningDbContext db, AccessGate gate, CaseInformation information, IOptions<EnrichmentOptions> options)
{
    /// <summary>
    /// The findings of the case the actor may read, newest first, with their provenance. A finding is read under the gate
    /// of the item it was shared as (and that read is logged like any other); one that became no item (a failed lookup,
    /// or a run where the protocol allowed none) only by the OOV regisseur, who runs the enrichment.
    /// </summary>
    public async Task<IReadOnlyList<EnrichmentFinding>> FindingsAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        var findings = await db.Set<EnrichmentFinding>().AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(cancellationToken);
        return (await ReadableAsync(@case, findings, actor, cancellationToken))
            .OrderByDescending(f => f.RetrievedAt).ThenBy(f => f.Id.Value).ToList();
    }

    /// <summary>One finding, under the same rule as the list: one the actor may not read is not found.</summary>
    public async Task<EnrichmentFinding> FindingAsync(CaseId caseId, FindingId id, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        var finding = await db.Set<EnrichmentFinding>().AsNoTracking().Where(f => f.CaseId == caseId && f.Id == id).ToListAsync(cancellationToken);
        return (await ReadableAsync(@case, finding, actor, cancellationToken)).SingleOrDefault()
            ?? throw new EngineProblem(ProblemKind.NotFound, "Finding not found", $"Case {caseId} has no finding {id} that you may read.");
    }

    /// <summary>
    /// The findings of a case whose items this request has just read (and logged) for the same actor, as a case page shows
    /// them beside its items: the case and its items are not read a second time, and the look is logged once.
    /// </summary>
    public async Task<IReadOnlyList<EnrichmentFinding>> FindingsAsync(Case @case, VisibleInformation read, Actor actor,
        CancellationToken cancellationToken = default)
    {
        gate.Require(@case, actor, Permission.ReadInformation);
        var findings = await db.Set<EnrichmentFinding>().AsNoTracking().Where(f => f.CaseId == @case.Id).ToListAsync(cancellationToken);
        return Readable(findings, read.Items.Select(i => i.Id).ToHashSet(), actor)
            .OrderByDescending(f => f.RetrievedAt).ThenBy(f => f.Id.Value).ToList();
    }

    private async Task<IEnumerable<EnrichmentFinding>> ReadableAsync(Case @case, List<EnrichmentFinding> findings, Actor actor,
        CancellationToken cancellationToken)
    {
        var shared = findings.Where(f => f.ItemId is not null).Select(f => f.ItemId!.Value).ToList();
        var readable = (await information.ReadAsync(@case, actor, AccessAction.Read, cancellationToken, shared)).Items.Select(i => i.Id).ToHashSet();
        return Readable(findings, readable, actor);
    }

    private static IEnumerable<EnrichmentFinding> Readable(List<EnrichmentFinding> findings, IReadOnlySet<InformationItemId> readable, Actor actor) =>
        findings.Where(f => f.ItemId is { } item ? readable.Contains(item) : actor.HasRoleFor(Permission.RunEnrichment));

    /// <summary>The proposal over the latest run's register answers; earlier runs are history, not the current picture.</summary>
    public async Task<EnrichmentProposal> ProposeAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await gate.CaseAsync(caseId, actor, Permission.DecideEnrichment, CaseParts.Subjects, cancellationToken: cancellationToken);
        // After retention the findings say nothing any more, so there is nothing to propose from them.
        if (@case.PersonalDataErasedAt is not null) return ProposalRules.Evaluate(@case, [], options.Value);
        var latest = await db.Set<EnrichmentRun>().AsNoTracking().Where(r => r.CaseId == caseId)
            .OrderByDescending(r => r.StartedAt).Select(r => (EnrichmentRunId?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var findings = await db.Set<EnrichmentFinding>().AsNoTracking()
            .Where(f => f.CaseId == caseId && (f.RunId == null || f.RunId == latest))
            .ToListAsync(cancellationToken);
        return ProposalRules.Evaluate(@case, findings, options.Value);
    }

    public async Task<IReadOnlyList<EnrichmentDecision>> DecisionsAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        var decisions = await db.Set<EnrichmentDecision>().AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        return decisions.OrderBy(d => d.DecidedAt).ToList();
    }
}
