using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Enrichment;

public sealed class EnrichmentQueries(OndermijningDbContext db, IOptions<EnrichmentOptions> options)
{
    /// <summary>Every finding of the case, newest first, with its provenance.</summary>
    public async Task<IReadOnlyList<EnrichmentFinding>> FindingsAsync(CaseId caseId, CancellationToken cancellationToken = default)
    {
        await EnsureCaseAsync(caseId, cancellationToken);
        var findings = await db.Set<EnrichmentFinding>().AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(cancellationToken);
        return findings.OrderByDescending(f => f.RetrievedAt).ThenBy(f => f.Id.Value).ToList();
    }

    /// <summary>The proposal over the latest run's register answers; earlier runs are history, not the current picture.</summary>
    public async Task<EnrichmentProposal> ProposeAsync(CaseId caseId, CancellationToken cancellationToken = default)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Companies).Include(c => c.Addresses).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken) ?? throw CaseProblems.NotFound(caseId);
        // After retention the findings say nothing any more, so there is nothing to propose from them.
        if (@case.PersonalDataErasedAt is not null) return ProposalRules.Evaluate(@case, [], options.Value);
        var latest = await db.Set<EnrichmentRun>().AsNoTracking().Where(r => r.CaseId == caseId)
            .OrderByDescending(r => r.StartedAt).Select(r => (EnrichmentRunId?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var findings = await db.Set<EnrichmentFinding>().AsNoTracking()
            .Where(f => f.CaseId == caseId && (f.RunId == null || f.RunId == latest))
            .ToListAsync(cancellationToken);
        return ProposalRules.Evaluate(@case, findings, options.Value);
    }

    public async Task<IReadOnlyList<EnrichmentDecision>> DecisionsAsync(CaseId caseId, CancellationToken cancellationToken = default)
    {
        await EnsureCaseAsync(caseId, cancellationToken);
        var decisions = await db.Set<EnrichmentDecision>().AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        return decisions.OrderBy(d => d.DecidedAt).ToList();
    }

    private async Task EnsureCaseAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken)) throw CaseProblems.NotFound(caseId);
    }
}
