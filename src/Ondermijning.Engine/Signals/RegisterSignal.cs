using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Signals;

/// <summary>The new case, and the receipt code for the reporter: handed out once, stored only as a hash.</summary>
public sealed record RegisteredSignal(Case Case, ReceiptCode Receipt);

/// <summary>Turns a signal into a case on the newest workflow version that applies today.</summary>
public sealed class RegisterSignal(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    public async Task<RegisteredSignal> HandleAsync(SignalDetails signal, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.WorksFor(signal.Municipality))
            throw new EngineProblem(ProblemKind.Forbidden, "You do not work for this municipality",
                $"You may register signals only for the municipalities you work for ({string.Join(", ", actor.Municipalities)}), not for {signal.Municipality}.");

        var now = clock.GetCurrentInstant();
        var definition = catalog.NewestApplying(catalog.DefaultWorkflow, now.InZone(Amsterdam.Zone).Date);

        var severity = signal.Severity ?? definition.LowestSeverity;
        if (!definition.HasSeverity(severity))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["severity"] = [$"'{severity}' is not a severity level. Choose one of: {string.Join(", ", definition.SeverityLevels.Select(l => l.Id))}."],
            });

        var @case = Case.Register(CaseId.New(), signal, definition.Key, definition.StartStage, severity, now, actor);
        var receipt = ReceiptCode.Generate();
        db.Cases.Add(@case);
        db.ReporterReceipts.Add(new ReporterReceipt(@case.Id, receipt));
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredSignal(@case, receipt);
    }
}
