using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Engine.Cases;

/// <summary>
/// A signal on its way through the chain. Its stage changes only through the workflow runtime, and every
/// change appends to <see cref="History"/> under a new <see cref="Revision"/>, which doubles as the
/// optimistic-concurrency token: two users acting on the same revision cannot both win.
/// </summary>
public sealed class Case
{
    private Case() { }

    public CaseId Id { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public WorkflowId Workflow { get; private set; }
    public int DefinitionVersion { get; private set; }
    public StageId Stage { get; private set; }
    public Instant StageEnteredAt { get; private set; }
    public Severity Severity { get; private set; }
    public SourceChannel SourceChannel { get; private set; }
    public bool ReporterAnonymous { get; private set; }
    public string? ReporterName { get; private set; }
    public string? ReporterContact { get; private set; }
    public string Description { get; private set; } = "";
    public string? Branch { get; private set; }
    public List<string> PhenomenonTags { get; private set; } = [];
    public Instant ReceivedAt { get; private set; }
    public int Revision { get; private set; }
    /// <summary>The client's idempotency key for the registration, if it sent one: a retried registration finds this case.</summary>
    public string? IdempotencyKey { get; private set; }
    /// <summary>A hash of the registration request, so a key reused for a different signal is recognised.</summary>
    public string? IdempotencyFingerprint { get; private set; }

    public List<CasePerson> Persons { get; private set; } = [];
    public List<CaseCompany> Companies { get; private set; } = [];
    public List<CaseAddress> Addresses { get; private set; } = [];
    public List<CaseHistoryEntry> History { get; private set; } = [];

    public DefinitionKey Definition => new(Workflow, DefinitionVersion);

    internal static Case Register(CaseId id, SignalDetails signal, DefinitionKey definition, StageId start,
        Severity severity, Instant now, Actor actor, IdempotencyKey? idempotency)
    {
        var @case = new Case
        {
            Id = id,
            Municipality = signal.Municipality,
            Workflow = definition.Workflow,
            DefinitionVersion = definition.Version,
            Stage = start,
            StageEnteredAt = now,
            Severity = severity,
            SourceChannel = signal.SourceChannel,
            ReporterAnonymous = signal.Reporter.Anonymous,
            ReporterName = signal.Reporter.Name,
            ReporterContact = signal.Reporter.Contact,
            Description = signal.Description,
            Branch = signal.Branch,
            PhenomenonTags = [.. signal.PhenomenonTags],
            ReceivedAt = now,
            IdempotencyKey = idempotency?.Key,
            IdempotencyFingerprint = idempotency?.Fingerprint,
            Persons = signal.Persons.Select(p => new CasePerson(id, p.Name, p.BirthDate, p.Role)).ToList(),
            Companies = signal.Companies.Select(c => new CaseCompany(id, c.Name, c.KvkNumber, c.Place)).ToList(),
            Addresses = signal.Addresses.Select(a => new CaseAddress(id, a.Postcode, a.HouseNumber, a.HouseNumberAddition, a.Street, a.City)).ToList(),
        };
        @case.Append(CaseHistoryEntry.Registered(id, now, actor, start, definition));
        return @case;
    }

    /// <summary>Moves the case; the caller (the workflow runtime) has already checked that the move is allowed.</summary>
    internal CaseHistoryEntry MoveTo(StageId to, TriggerId trigger, string? reason,
        IReadOnlyDictionary<string, string> information, Instant now, Actor actor)
    {
        var entry = CaseHistoryEntry.Transition(Id, now, actor, Stage, to, trigger, reason, information, Definition);
        Stage = to;
        StageEnteredAt = now;
        return Append(entry);
    }

    internal CaseHistoryEntry MigrateTo(DefinitionKey target, StageId to, string reason, Instant now, Actor actor)
    {
        var entry = CaseHistoryEntry.Migration(Id, now, actor, Stage, to, Definition, target, reason);
        if (to != Stage) StageEnteredAt = now;
        Stage = to;
        DefinitionVersion = target.Version;
        return Append(entry);
    }

    private CaseHistoryEntry Append(CaseHistoryEntry entry)
    {
        Revision++;
        entry.Sequence = Revision;
        History.Add(entry);
        return entry;
    }
}
