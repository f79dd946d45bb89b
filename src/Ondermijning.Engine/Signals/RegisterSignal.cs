using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Signals;

/// <summary>
/// The case and, when this request created it, the reporter's receipt code: handed out once and stored only as a
/// hash, so a retried registration (same idempotency key) gets the case but cannot get the code again.
/// </summary>
public sealed record RegisteredSignal(Case Case, ReceiptCode? Receipt)
{
    public bool Created => Receipt is not null;
}

/// <summary>Turns a signal into a case on the newest workflow version that applies today.</summary>
public sealed class RegisterSignal(OndermijningDbContext db, SignalCommitter committer, WorkflowCatalog catalog, IClock clock)
{
    public async Task<RegisteredSignal> HandleAsync(SignalDetails signal, Actor actor, IdempotencyKey? idempotency = null,
        CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.RegisterSignal);
        if (!actor.WorksFor(signal.Municipality))
            throw new EngineProblem(ProblemKind.Forbidden, "You do not work for this municipality",
                $"You may register signals only for the municipalities you work for ({string.Join(", ", actor.Municipalities)}), not for {signal.Municipality}.",
                new Dictionary<string, string[]> { ["municipality"] = [$"You work for {string.Join(", ", actor.Municipalities)}."] });
        // Cut now, so the case as answered equals the case as stored and re-read.
        var now = clock.GetCurrentInstant().ToWholeMicroseconds();
        var today = now.InZone(Amsterdam.Zone).Date;
        var fields = new Fields();
        signal.Check(fields, today);
        fields.ThrowIfAny();
        var definition = catalog.NewestApplying(catalog.DefaultWorkflow, today);

        var severity = signal.Severity ?? definition.LowestSeverity;
        if (!definition.HasSeverity(severity))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["severity"] = [$"'{severity}' is not a severity level. Choose one of: {string.Join(", ", definition.SeverityLevels.Select(l => l.Id))}."],
            });

        var id = CaseId.New();
        var receipt = ReceiptCode.Generate();
        Case stored;
        try
        {
            stored = await committer.CommitAsync(() => Case.Register(id, signal, definition.Key, definition.StartStage, severity, now, actor, idempotency),
                receipt, cancellationToken);
        }
        catch (DbUpdateException e) when (idempotency is not null && db.IsUniqueViolation(e))
        {
            // The unique index on the key, not a look-up beforehand, finds a retry: also one that reached another
            // instance at the same moment. The case stored first is the answer.
            return new RegisteredSignal(await FindAsync(idempotency, cancellationToken)
                ?? throw new InvalidOperationException("A unique violation on the idempotency key without a case holding that key."), null);
        }
        return new RegisteredSignal(stored, receipt);
    }

    private async Task<Case?> FindAsync(IdempotencyKey idempotency, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.History.OrderBy(h => h.Sequence))
            .Include(c => c.Persons)
            .Include(c => c.Companies)
            .Include(c => c.Addresses)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.IdempotencyKey == idempotency.Key, cancellationToken);
        if (@case is not null && @case.IdempotencyFingerprint != idempotency.Fingerprint)
            throw new EngineProblem(ProblemKind.RuleViolation, "This idempotency key was used for a different signal",
                $"The key '{idempotency.Key}' already registered case {@case.Id} with different content. " +
                "Send a new key for a new signal, or resend exactly the same signal to get that case.");
        return @case;
    }
}
