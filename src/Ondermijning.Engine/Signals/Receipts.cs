using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Signals;

/// <summary>The coarse status a reporter sees; it says nothing about tables, partners or findings.</summary>
public enum ReceiptStatus { Ontvangen, InBehandeling, Afgehandeld }

public sealed record ReceiptView(ReceiptStatus Status, string? Feedback, Instant? FeedbackAt);

/// <summary>The feedback given to the reporter, as the case page shows it, and whether the reporter holds a code to read it.</summary>
public sealed record GivenFeedback(bool ReporterHasCode, string? Feedback, Instant? FeedbackAt);

public sealed class Receipts(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog, IClock clock)
{

    /// <summary>Unknown and malformed codes get the same answer, so guessing learns nothing.</summary>
    public async Task<ReceiptView> LookUpAsync(string code, CancellationToken cancellationToken = default)
    {
        var hash = ReceiptCode.Hash(code);
        var found = await db.ReporterReceipts.AsNoTracking()
            .Where(r => r.CodeHash == hash)
            .Join(db.Cases, r => r.CaseId, c => c.Id, (r, c) => new { r.Feedback, r.FeedbackAt, c.Workflow, c.DefinitionVersion, c.Stage })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new EngineProblem(ProblemKind.NotFound, "Receipt code not found",
                "No signal has this receipt code. Check the code on your receipt; it has twenty characters in groups of five.");

        var kind = catalog.Get(new DefinitionKey(found.Workflow, found.DefinitionVersion)).Stage(found.Stage).Kind;
        var status = kind switch
        {
            StageKind.Start => ReceiptStatus.Ontvangen,
            StageKind.Final => ReceiptStatus.Afgehandeld,
            _ => ReceiptStatus.InBehandeling,
        };
        return new ReceiptView(status, found.Feedback, found.FeedbackAt);
    }

    /// <summary>What the reporter was told, for those who may write it; null for a case registered before receipts existed.</summary>
    public async Task<GivenFeedback?> GivenAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.WriteFeedback, cancellationToken: cancellationToken);
        return await db.ReporterReceipts.AsNoTracking().Where(r => r.CaseId == caseId)
            .Select(r => new GivenFeedback(r.CodeHash != null, r.Feedback, r.FeedbackAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The regisseur's terugkoppeling: the reporter sees it as written, so it must not contain confidential details.</summary>
    public async Task WriteFeedbackAsync(CaseId caseId, string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.WriteFeedback, cancellationToken: cancellationToken);
        var f = new Fields();
        text = f.Text(text, "text", "Write the feedback for the reporter.", Limits.Feedback, TextKind.MultiLine);
        f.ThrowIfAny();

        var receipt = await db.ReporterReceipts.SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken)
            ?? throw new EngineProblem(ProblemKind.Conflict, "This signal has no receipt",
                "The signal was registered before receipts existed, so there is no reporter to give feedback to.");
        receipt.WriteFeedback(text, clock.GetCurrentInstant(), actor);
        await db.SaveChangesAsync(cancellationToken);
    }
}
