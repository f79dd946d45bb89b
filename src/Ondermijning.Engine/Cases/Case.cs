using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Search;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

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
    /// <summary>The history sequence of the entry that put the case in its current stage: it names the stay,
    /// so a later stay in the same stage is escalated on its own.</summary>
    public int StageEntrySequence { get; private set; }
    /// <summary>When the current stay is due under the stage's deadline; null when the stage has none.</summary>
    public Instant? DueAt { get; private set; }
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
    /// <summary>When retention erased the personal data; the non-personal facts stay for the statistics.</summary>
    public Instant? PersonalDataErasedAt { get; private set; }

    public List<CasePerson> Persons { get; private set; } = [];
    public List<CaseCompany> Companies { get; private set; } = [];
    public List<CaseAddress> Addresses { get; private set; } = [];
    public List<CaseHistoryEntry> History { get; private set; } = [];
    /// <summary>Written by the escalation job, never by the case itself.</summary>
    public List<CaseEscalation> Escalations { get; private set; } = [];
    /// <summary>What the case can be found and linked by; see <see cref="CaseSearchTerm"/>.</summary>
    public List<CaseSearchTerm> SearchTerms { get; private set; } = [];

    public DefinitionKey Definition => new(Workflow, DefinitionVersion);

    /// <summary>
    /// The case enters its first stage when it is registered (<paramref name="now"/>), not when the signal was received:
    /// its deadlines and stage times run from the moment the municipality could act on it, and a signal registered late
    /// is not escalated for the time before it was known. The statistics count it by <paramref name="receivedAt"/>
    /// (null: received now).
    /// </summary>
    internal static Case Register(CaseId id, SignalDetails signal, DefinitionKey definition, StageDefinition start,
        Severity severity, Instant now, Actor actor, Instant? receivedAt)
    {
        var @case = new Case
        {
            Id = id,
            Municipality = signal.Municipality,
            Workflow = definition.Workflow,
            DefinitionVersion = definition.Version,
            Stage = start.Id,
            Severity = severity,
            SourceChannel = signal.SourceChannel,
            ReporterAnonymous = signal.Reporter.Anonymous,
            ReporterName = signal.Reporter.Name,
            ReporterContact = signal.Reporter.Contact,
            Description = signal.Description,
            Branch = signal.Branch,
            PhenomenonTags = [.. signal.PhenomenonTags],
            ReceivedAt = receivedAt ?? now,
            Persons = signal.Persons.Select(p => new CasePerson(id, p.Name, p.BirthDate, p.Role)).ToList(),
            Companies = signal.Companies.Select(c => new CaseCompany(id, c.Name, c.KvkNumber, c.Place)).ToList(),
            Addresses = signal.Addresses.Select(a => new CaseAddress(id, a.Postcode, a.HouseNumber, a.HouseNumberAddition, a.Street, a.City)).ToList(),
        };
        @case.IndexForSearch();
        @case.Enter(start, now, @case.Append(CaseHistoryEntry.Registered(id, now, actor, start.Id, definition)));
        return @case;
    }

    /// <summary>Erased data stay unfindable: an erased case keeps only its code.</summary>
    internal void IndexForSearch() =>
        SearchTerms = PersonalDataErasedAt is null ? CaseSearchTerm.For(this) : CaseSearchTerm.For(this).Where(t => t.Kind == SearchTermKind.CaseCode).ToList();

    /// <summary>
    /// Moves the case; the caller (the workflow runtime) has already checked that the move is allowed. A step taken
    /// earlier (<paramref name="at"/> before <paramref name="now"/>) enters the new stage at its own moment, so the stay
    /// and its deadline run from when the case really got there.
    /// </summary>
    internal CaseHistoryEntry MoveTo(StageDefinition to, TriggerId trigger, string? reason,
        IReadOnlyDictionary<string, string> information, Instant at, Instant now, Actor actor)
    {
        var entry = Append(CaseHistoryEntry.Transition(Id, at, at == now ? null : now, actor, Stage, to.Id, trigger, reason, information, Definition));
        Stage = to.Id;
        Enter(to, at, entry);
        return entry;
    }

    /// <summary>
    /// Puts the case on another version, of its own workflow or another one; a target without the case's severity level
    /// gives it the one the migration maps it to.
    /// </summary>
    internal CaseHistoryEntry MigrateTo(DefinitionKey target, StageDefinition to, Severity severity, string reason, Instant now, Actor actor)
    {
        var entry = Append(CaseHistoryEntry.Migration(Id, now, actor, Stage, to.Id, Definition, target, Severity, severity, reason));
        Workflow = target.Workflow;
        DefinitionVersion = target.Version;
        Severity = severity;
        if (to.Id != Stage)
        {
            Stage = to.Id;
            Enter(to, now, entry);
        }
        else
        {
            // The stay goes on; only the new version's deadline for it may differ.
            DueAt = StageDeadline.DueAt(StageEnteredAt, to.Deadline);
        }
        return entry;
    }

    /// <summary>For a case from before due dates: the stay began with the last entry that changed its stage.</summary>
    internal void BackfillStay(StageDefinition stage)
    {
        StageEntrySequence = History.Where(h => h.FromStage is null || h.FromStage != h.ToStage).Max(h => h.Sequence);
        DueAt = StageDeadline.DueAt(StageEnteredAt, stage.Deadline);
    }

    private void Enter(StageDefinition stage, Instant now, CaseHistoryEntry entry)
    {
        StageEnteredAt = now;
        StageEntrySequence = entry.Sequence;
        DueAt = StageDeadline.DueAt(now, stage.Deadline);
    }

    internal CaseHistoryEntry RaiseSeverity(Severity to, string reason, Instant now, Actor actor)
    {
        var entry = CaseHistoryEntry.SeverityChange(Id, now, actor, Stage, Definition, Severity, to, reason);
        Severity = to;
        return Append(entry);
    }

    /// <summary>
    /// Erases what identifies people: names, birth dates, addresses, the reporter and the free-text description.
    /// Company names and KvK numbers go too, because a sole trader's company is a person. Dates, stages, the route
    /// through the chain, municipality, branch, city and tags stay: the statistics need them and they identify nobody.
    /// </summary>
    internal CaseHistoryEntry ErasePersonalData(string reason, Instant now, Actor actor)
    {
        ReporterName = null;
        ReporterContact = null;
        Description = ErasedText;
        foreach (var person in Persons) person.Erase();
        foreach (var company in Companies) company.Erase();
        foreach (var address in Addresses) address.Erase();
        // Found by names and addresses no more; the code stays, as the case does.
        SearchTerms.RemoveAll(t => t.Kind != SearchTermKind.CaseCode);
        PersonalDataErasedAt = now;
        return Append(CaseHistoryEntry.Erasure(Id, now, actor, Stage, Definition, reason));
    }

    public const string ErasedText = "[verwijderd na bewaartermijn]";

    /// <summary>What a user who may only know that the case exists reads in place of its description.</summary>
    public const string WithheldText = "[afgeschermd in deze fase]";

    /// <summary>
    /// Strips what a case gate keeps from a user who may only know that the case exists. Only ever on a case read without
    /// tracking, so what is stripped is this user's copy and never the stored case.
    /// </summary>
    internal void Withhold()
    {
        ReporterName = null;
        ReporterContact = null;
        Description = WithheldText;
        Persons.Clear();
        Companies.Clear();
        Addresses.Clear();
        SearchTerms.Clear();
        foreach (var entry in History) entry.Withhold();
    }

    private CaseHistoryEntry Append(CaseHistoryEntry entry)
    {
        Revision++;
        entry.Sequence = Revision;
        History.Add(entry);
        return entry;
    }
}
