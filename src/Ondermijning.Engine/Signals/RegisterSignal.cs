using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Idempotency;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Signals;

/// <summary>
/// The case and whether this request created it. The reporter's receipt code comes only with the request that created
/// the case, and only where the reporter speaks to the municipality: it is stored only as a hash, so a retried
/// registration (same idempotency key) gets the case but not the code, and a signal from Meld Misdaad Anoniem gets none,
/// as its feedback goes back through that channel.
/// </summary>
public sealed record RegisteredSignal(Case Case, bool Created, ReceiptCode? Receipt);

/// <summary>
/// Turns a signal into a case on the workflow version that applied when the signal was received (see
/// <see cref="WorkflowCatalog.NewestApplying"/>): a letter that arrived last year starts on last year's chain.
/// </summary>
public sealed class RegisterSignal(OndermijningDbContext db, SignalCommitter committer, WorkflowCatalog catalog, IClock clock)
{
    /// <summary>The operation a registration's idempotency key is scoped to, with the organisation and user that sent it.</summary>
    public const string Operation = "POST /api/signals";

    public Task<RegisteredSignal> HandleAsync(SignalDetails signal, Actor actor, IdempotencyKey? idempotency = null,
        CancellationToken cancellationToken = default) =>
        // Scoped like every record's key (IdempotentRecord), so one client's key never finds, or blocks, another's case.
        HandleClaimedAsync(signal, actor, idempotency is null ? null : IdempotencyClaim.For(Operation, actor, idempotency), cancellationToken);

    /// <summary>
    /// Registers under a key whose scope the caller chose: an import keys a row by the municipality's own reference, so
    /// the row is registered once whoever imports the spreadsheet again.
    /// </summary>
    public async Task<RegisteredSignal> HandleClaimedAsync(SignalDetails signal, Actor actor, IdempotencyClaim? claim,
        CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.RegisterSignal);
        if (!actor.WorksFor(signal.Municipality))
            throw new EngineProblem(ProblemKind.Forbidden, "You do not work for this municipality",
                $"You may register signals only for the municipalities you work for ({string.Join(", ", actor.Municipalities)}), not for {signal.Municipality}.",
                new Dictionary<string, string[]> { ["municipality"] = [$"You work for {string.Join(", ", actor.Municipalities)}."] });
        // Cut now, so the case as answered equals the case as stored and re-read.
        var now = clock.GetCurrentInstant().ToWholeMicroseconds();
        var fields = new Fields();
        signal.Check(fields, now);
        fields.ThrowIfAny();
        var receivedAt = signal.ReceivedAt?.ToWholeMicroseconds() ?? now;
        var definition = catalog.NewestApplying(catalog.WorkflowFor(signal.Municipality), receivedAt.InZone(Amsterdam.Zone).Date);

        var severity = signal.Severity ?? definition.LowestSeverity;
        if (!definition.HasSeverity(severity))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["severity"] = [$"'{severity}' is not a severity level. Choose one of: {string.Join(", ", definition.SeverityLevels.Select(l => l.Id))}."],
            });

        var id = CaseId.New();
        ReceiptCode? receipt = signal.SourceChannel == SourceChannel.MeldMisdaadAnoniem ? null : ReceiptCode.Generate();
        Case stored;
        try
        {
            stored = await committer.CommitAsync(() => Case.Register(id, signal, definition.Key, definition.StartStage, severity, now, actor, receivedAt),
                receipt, claim is null ? null : () => new IdempotentRecord(claim, nameof(Case), id.Value.ToString(), now), cancellationToken);
        }
        catch (DbUpdateException e) when (claim is not null && db.IsUniqueViolation(e))
        {
            // The key's primary key, not a look-up beforehand, finds a retry: also one that reached another
            // instance at the same moment. The case stored first is the answer.
            return new RegisteredSignal(await FindAsync(claim, cancellationToken)
                ?? throw new InvalidOperationException("A unique violation on the idempotency key without a case holding that key."), false, null);
        }
        return new RegisteredSignal(stored, true, receipt);
    }

    private async Task<Case?> FindAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        var earlier = await db.Set<IdempotentRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == claim.Scope && r.Key == claim.Key.Key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.Fingerprint != claim.Key.Fingerprint)
            throw new EngineProblem(ProblemKind.RuleViolation, "This idempotency key was used for a different signal",
                $"The key '{claim.Key.Key}' already registered case {earlier.RecordId} with different content. " +
                "Send a new key for a new signal, or resend exactly the same signal to get that case.");
        var caseId = new CaseId(Guid.Parse(earlier.RecordId));
        return await db.Cases.AsNoTracking()
            .Include(c => c.History.OrderBy(h => h.Sequence))
            .Include(c => c.Persons)
            .Include(c => c.Companies)
            .Include(c => c.Addresses)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
    }
}
