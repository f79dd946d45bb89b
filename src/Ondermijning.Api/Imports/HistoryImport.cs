using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Signals;
using Ondermijning.Engine;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Idempotency;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Imports;

public enum ImportRowStatus
{
    /// <summary>Dry run: the row passes every check and would be imported.</summary>
    Importable,
    Imported,
    /// <summary>The row's reference was imported before with the same signal, and every step of the row is on its case.</summary>
    AlreadyImported,
    Refused,
}

/// <summary>Why a row is refused: the column to correct, the step in it (1-based) if the column is <c>stappen</c>.</summary>
public sealed record ImportError(string Column, int? Step, string Message, Breach? Breach);

public sealed record ImportRowResult(int Row, string? Reference, ImportRowStatus Status, CaseId? Case, IReadOnlyList<ImportError> Errors);

public sealed record ImportReport(bool DryRun, IReadOnlyList<ImportRowResult> Rows)
{
    public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);
}

/// <summary>
/// Imports a municipality's past signals and their steps, row by row, through the commands the API uses: the registration
/// with its <c>receivedAt</c> (<see cref="RegisterSignal"/>) and each step with its <c>takenAt</c> (<see cref="FireTrigger"/>).
/// A row is keyed by the municipality and its own reference, recorded as an idempotency key, so importing a file again
/// registers nothing twice and takes only the steps a case does not have yet. The dry run checks each row with the same
/// rules (the signal's fields, and each step's place, date, reason, information and role in the version that applied
/// when the signal was received) and stores nothing.
/// </summary>
public sealed class HistoryImport(RegisterSignal register, FireTrigger fireTrigger, DecideEnrichment decideEnrichment, WorkflowCatalog catalog,
    OndermijningDbContext db, IClock clock)
{
    public const string Operation = "POST /api/imports";

    private sealed record PlannedRow(string Reference, SignalDetails Signal, string Fingerprint, IReadOnlyList<TriggerRequest> Steps);

    public async Task<ImportReport> RunAsync(IReadOnlyList<SheetRow> rows, bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        AccessGate.Require(actor, Permission.ImportHistory);
        var now = clock.GetCurrentInstant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<ImportRowResult>(rows.Count);
        foreach (var row in rows)
        {
            var errors = new List<ImportError>();
            var plan = Plan(row, actor, now, errors);
            if (plan is not null && !seen.Add($"{plan.Signal.Municipality}|{plan.Reference}"))
                errors.Add(new(ImportColumns.Reference, null, "This reference appears on an earlier row of the file.", null));
            results.Add(plan is null || errors.Count > 0
                ? new ImportRowResult(row.Number, row[ImportColumns.Reference]?.Trim(), ImportRowStatus.Refused, null, errors)
                : await ImportAsync(row.Number, plan, dryRun, actor, cancellationToken));
        }
        return new ImportReport(dryRun, results);
    }

    private async Task<ImportRowResult> ImportAsync(int number, PlannedRow plan, bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        // Per municipality, not per user: whoever imports the municipality's file again finds the rows imported before.
        var claim = new IdempotencyClaim($"{Operation} | {plan.Signal.Municipality}", new IdempotencyKey(plan.Reference, plan.Fingerprint));
        ImportRowResult Refused(CaseId? @case, params ImportError[] errors) => new(number, plan.Reference, ImportRowStatus.Refused, @case, errors);
        if (dryRun)
        {
            var earlier = await db.Set<IdempotentRecord>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.Scope == claim.Scope && r.Key == claim.Key.Key, cancellationToken);
            if (earlier is null) return new(number, plan.Reference, ImportRowStatus.Importable, null, []);
            return earlier.Fingerprint == plan.Fingerprint
                ? new(number, plan.Reference, ImportRowStatus.AlreadyImported, new CaseId(Guid.Parse(earlier.RecordId)), [])
                : Refused(null, DifferentSignal());
        }
        CaseId? caseId = null;
        var step = 0;
        try
        {
            var registered = await register.HandleClaimedAsync(plan.Signal, actor, claim, cancellationToken);
            caseId = registered.Case.Id;
            var taken = registered.Case.History.Where(h => h.Kind == HistoryKind.Transition).Select(h => h.Trigger).ToList();
            if (taken.Count > plan.Steps.Count || !taken.SequenceEqual(plan.Steps.Take(taken.Count).Select(s => (TriggerId?)s.Trigger)))
                return Refused(caseId, new ImportError(ImportColumns.Steps, null,
                    "The case imported before under this reference has taken other steps than this row lists.", null));
            var definition = catalog.Get(registered.Case.Definition);
            for (var i = taken.Count; i < plan.Steps.Count; i++)
            {
                step = i + 1;
                var request = plan.Steps[i];
                // A step that records the enrichment decision is taken by recording it, as on the case page; a decision from
                // the municipality's own register rests on findings this system never saw.
                if (ChainSteps.VerdictOf(definition.Transitions.First(t => t.Trigger == request.Trigger)) is { } confirmed)
                    await decideEnrichment.HandleAsync(registered.Case.Id, new EnrichmentVerdict(confirmed, request.Reason, [], request.TakenAt), actor,
                        cancellationToken);
                else
                    await fireTrigger.HandleAsync(registered.Case.Id, request, null, actor, cancellationToken);
            }
            return new(number, plan.Reference, registered.Created || plan.Steps.Count > taken.Count ? ImportRowStatus.Imported : ImportRowStatus.AlreadyImported,
                caseId, []);
        }
        catch (EngineProblem problem)
        {
            if (problem.Kind == ProblemKind.RuleViolation && problem.Errors.Count == 0 && caseId is null) return Refused(null, DifferentSignal());
            return Refused(caseId, [.. Errors(problem, step == 0 ? ImportColumns.OfSignalField : StepColumn, step == 0 ? null : step)]);
        }
        finally
        {
            // A refused step leaves its changes in this unit of work; the next row must not save them.
            db.ChangeTracker.Clear();
        }
    }

    private static ImportError DifferentSignal() => new(ImportColumns.Reference, null,
        "This reference was imported before with a different signal; a corrected signal needs a reference of its own.", null);

    private PlannedRow? Plan(SheetRow row, Actor actor, Instant now, List<ImportError> errors)
    {
        var today = now.InZone(Amsterdam.Zone).Date;
        var f = new RequestFields();
        var reference = f.Text(row[ImportColumns.Reference], ImportColumns.Reference, "Give the municipality's own reference of the signal.", IdempotencyKey.MaxLength);
        if (row[ImportColumns.ReceivedAt] is null)
            f.Error(ImportColumns.ReceivedAt, Breach.Required("Give the moment the signal was received."));
        errors.AddRange(Errors(f, ImportColumns.OfSignalField));
        SignalDetails signal;
        try
        {
            signal = new RegisterSignalRequest(row[ImportColumns.Municipality], row[ImportColumns.Channel]?.Trim(), row[ImportColumns.Description],
                Branch: row[ImportColumns.Branch], Severity: row[ImportColumns.Severity]?.Trim(), ReceivedAt: row[ImportColumns.ReceivedAt]).ToSignal(today);
            var check = new RequestFields();
            signal.Check(check, now);
            errors.AddRange(Errors(check, ImportColumns.OfSignalField));
        }
        catch (EngineProblem problem)
        {
            errors.AddRange(Errors(problem, ImportColumns.OfSignalField, null));
            return null;
        }
        if (!actor.WorksFor(signal.Municipality))
            errors.Add(new(ImportColumns.Municipality, null, $"You do not work for {signal.Municipality}.", null));
        var receivedAt = signal.ReceivedAt ?? now;
        var definition = catalog.NewestApplying(catalog.WorkflowFor(signal.Municipality), receivedAt.InZone(Amsterdam.Zone).Date);
        var severity = signal.Severity ?? definition.LowestSeverity;
        if (!definition.HasSeverity(severity))
        {
            errors.Add(new(ImportColumns.Severity, null,
                $"'{severity}' is not a severity level. Choose one of: {string.Join(", ", definition.SeverityLevels.Select(l => l.Id))}.", null));
            return null;
        }
        var steps = Steps(row, definition, severity, actor, receivedAt, now, errors);
        return errors.Count > 0 ? null : new PlannedRow(reference, signal, Fingerprint(row), steps);
    }

    /// <summary>The row's steps in order, each checked as <see cref="FireTrigger"/> checks it, from the stage the one before leads to.</summary>
    private static List<TriggerRequest> Steps(SheetRow row, WorkflowDefinition definition, Severity severity, Actor actor, Instant receivedAt,
        Instant now, List<ImportError> errors)
    {
        var requests = new List<TriggerRequest>();
        if (row[ImportColumns.Steps] is not { } cell) return requests;
        var today = now.InZone(Amsterdam.Zone).Date;
        var stage = definition.StartStage.Id;
        var previous = receivedAt;
        foreach (var (part, i) in cell.Split('|').Select((p, i) => (p.Trim(), i + 1)))
        {
            void Refuse(string column, string message, Breach? breach = null) => errors.Add(new(column, i, message, breach));
            var pieces = part.Split('@', 2);
            if (pieces.Length < 2 || TextRule.Check(pieces[0], Limits.Code, TextKind.SingleLine, out var name) is not null || name is null)
            {
                Refuse(ImportColumns.Steps, "Write each step as step@date, e.g. start-verrijking@2025-03-02, separated by |.");
                return requests;
            }
            if (MomentRule.Parse(pieces[1], out var takenAt) is { } unreadable)
            {
                Refuse(ImportColumns.Steps, unreadable.Message, unreadable);
                return requests;
            }
            var transition = definition.TransitionsFrom(stage).SingleOrDefault(t => t.Trigger.Value == name);
            if (transition is null)
            {
                Refuse(ImportColumns.Steps, $"'{name}' is not a step from stage '{definition.Stage(stage).Label}' in {definition.Key}.");
                return requests;
            }
            if (MomentRule.CheckNotAfter(takenAt, now) is { } future) Refuse(ImportColumns.Steps, future.Message, future);
            else if (takenAt < previous)
                Refuse(ImportColumns.Steps, "The step is dated before the signal was received or before the step before it.",
                    new Breach(FieldRule.MomentTooEarly, "The step is dated before the signal was received or before the step before it."));
            var information = new Dictionary<string, string>();
            foreach (var required in transition.Guards.RequiredInformation)
            {
                if (row[ImportColumns.InformationPrefix + required.Key] is { } given) information[required.Key] = given;
                // A step taken on paper at a sitting is dated by that sitting: its date asks for no column of its own.
                else if (required.Type == InformationType.Date) information[required.Key] = LocalDatePattern.Iso.Format(takenAt.InZone(Amsterdam.Zone).Date);
            }
            var request = new TriggerRequest(transition.Trigger, transition.Guards.ReasonRequired ? row[ImportColumns.Reason] : null, information, takenAt);
            foreach (var unmet in CaseStateMachine.StandingRequirements(definition, transition, severity, actor)
                         .Concat(CaseStateMachine.InputRequirements(transition, request, today)))
                Refuse(StepColumn(unmet.Field), unmet.Message);
            requests.Add(request);
            stage = transition.To;
            previous = takenAt;
        }
        return requests;
    }

    private static string StepColumn(string field) =>
        field == "reason" ? ImportColumns.Reason
        : field == "severity" ? ImportColumns.Severity
        : field.StartsWith("information.", StringComparison.Ordinal) ? ImportColumns.InformationPrefix + field["information.".Length..]
        : ImportColumns.Steps;

    private static IEnumerable<ImportError> Errors(Fields fields, Func<string, string> column)
    {
        try
        {
            fields.ThrowIfAny();
            return [];
        }
        catch (EngineProblem problem)
        {
            return Errors(problem, column, null);
        }
    }

    private static IEnumerable<ImportError> Errors(EngineProblem problem, Func<string, string> column, int? step) =>
        problem.Errors.Count == 0
            ? [new ImportError(step is null ? ImportColumns.Reference : ImportColumns.Steps, step, problem.Detail, null)]
            : problem.Errors.SelectMany(e => e.Value.Select(message =>
                new ImportError(column(e.Key), step, message, problem.Breaches.GetValueOrDefault(e.Key))));

    /// <summary>The signal's own columns: the same reference with other content is another signal, not a repeat.</summary>
    private static string Fingerprint(SheetRow row)
    {
        var text = string.Join('\u001f', new[] { ImportColumns.Municipality, ImportColumns.ReceivedAt, ImportColumns.Channel, ImportColumns.Description,
            ImportColumns.Severity, ImportColumns.Branch }.Select(c => row[c]?.Trim() ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
