using NodaTime;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Privacy;

namespace Ondermijning.Api.Cases;

public sealed class StageDto
{
    [WorkflowChoice(WorkflowTerm.Stage)]
    public string Id { get; init; } = "";
    public string Label { get; init; } = "";
    public string Kind { get; init; } = "";
    /// <summary>LWO, ATOM or MOT for a table stage.</summary>
    public string? Table { get; init; }
}

public sealed class SeverityDto
{
    [WorkflowChoice(WorkflowTerm.Severity)]
    public string Id { get; init; } = "";
    public string Label { get; init; } = "";
}

public sealed class ReporterDto
{
    public bool Anonymous { get; init; }
    public string? Name { get; init; }
    public string? Contact { get; init; }
    /// <summary>The reporter is known to the municipality, but only its OOV regisseurs see who it is.</summary>
    public bool Withheld { get; init; }
}

public sealed class CaseSummaryDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public string Workflow { get; init; } = "";
    public int DefinitionVersion { get; init; }
    public StageDto Stage { get; init; } = new();
    public Instant StageEnteredAt { get; init; }
    public SeverityDto Severity { get; init; } = new();
    public string SourceChannel { get; init; } = "";
    public string? Branch { get; init; }
    public Instant ReceivedAt { get; init; }
    public int Revision { get; init; }
}

public sealed class PersonDto
{
    public string Name { get; init; } = "";
    public LocalDate? BirthDate { get; init; }
    public string? Role { get; init; }
}

public sealed class CompanyDto
{
    /// <summary>Null for a company registered by its KvK number alone.</summary>
    public string? Name { get; init; }
    public string? KvkNumber { get; init; }
    public string? Place { get; init; }
}

public sealed class AddressDto
{
    public string Postcode { get; init; } = "";
    public int HouseNumber { get; init; }
    public string? HouseNumberAddition { get; init; }
    public string? Street { get; init; }
    public string? City { get; init; }
}

public sealed class ActorDto
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Organisation { get; init; } = "";
}

public sealed class HistoryEntryDto
{
    public int Sequence { get; init; }
    public string Kind { get; init; } = "";
    /// <summary>When it happened; for a step taken on paper, the date given with it.</summary>
    public Instant At { get; init; }
    /// <summary>When a step taken earlier was recorded, by <see cref="Actor"/>; absent when it was recorded as it was taken.</summary>
    public Instant? RecordedAt { get; init; }
    public ActorDto Actor { get; init; } = new();
    public string? FromStage { get; init; }
    public string ToStage { get; init; } = "";
    public string? Trigger { get; init; }
    public string? Reason { get; init; }
    public int DefinitionVersion { get; init; }
    public int? FromDefinitionVersion { get; init; }
    public IReadOnlyDictionary<string, string> Information { get; init; } = new Dictionary<string, string>();
}

/// <summary>A piece of information a step asks for, with the type the workflow definition declares for it.</summary>
public sealed class RequiredInformationDto
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    /// <summary>text, date (YYYY-MM-DD), organisation (one of <see cref="Values"/>), choice (one of <see cref="Values"/>),
    /// yesNo (true or false) or checklist (the ticked <see cref="Values"/>, one per line, at least <see cref="Minimum"/>).</summary>
    public string Type { get; init; } = "";
    /// <summary>Dutch help text for the field.</summary>
    public string? Help { get; init; }
    /// <summary>What the value means for the outcome the step records: meetingDate, inspectionDate or chainPartner.</summary>
    public string? Role { get; init; }
    /// <summary>For a checklist: at least this many values ticked.</summary>
    public int? Minimum { get; init; }
    /// <summary>For text: at most this many characters.</summary>
    public int? MaxLength { get; init; }
    /// <summary>For a date: whether it may lie after today (Europe/Amsterdam).</summary>
    public bool? AllowFuture { get; init; }
    /// <summary>For a choice or checklist: the values allowed; for an organisation: the ids of the known organisations.</summary>
    public IReadOnlyList<string>? Values { get; init; }
}

/// <summary>A step that leads out of the case's current stage, with what it still needs.</summary>
public sealed class AvailableStepDto
{
    public string Trigger { get; init; } = "";
    public string Label { get; init; } = "";
    public StageDto To { get; init; } = new();
    public bool ReasonRequired { get; init; }
    public IReadOnlyList<RequiredInformationDto> RequiredInformation { get; init; } = [];
    public string? MinimumSeverity { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>True when the case and the current user meet the standing conditions (severity, role).</summary>
    public bool AllowedNow { get; init; }
    public IReadOnlyList<string> BlockedBy { get; init; } = [];
    /// <summary>What blocks it, as field names (severity, role), for clients that word the reasons themselves.</summary>
    public IReadOnlyList<string> BlockedFields { get; init; } = [];
}

public class CaseDetailDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public string Workflow { get; init; } = "";
    public int DefinitionVersion { get; init; }
    public StageDto Stage { get; init; } = new();
    public Instant StageEnteredAt { get; init; }
    public SeverityDto Severity { get; init; } = new();
    public string SourceChannel { get; init; } = "";
    public ReporterDto Reporter { get; init; } = new();
    public string Description { get; init; } = "";
    public string? Branch { get; init; }
    public IReadOnlyList<string> PhenomenonTags { get; init; } = [];
    public Instant ReceivedAt { get; init; }
    public int Revision { get; init; }
    public IReadOnlyList<PersonDto> Persons { get; init; } = [];
    public IReadOnlyList<CompanyDto> Companies { get; init; } = [];
    public IReadOnlyList<AddressDto> Addresses { get; init; } = [];
    public IReadOnlyList<HistoryEntryDto> History { get; init; } = [];
    public IReadOnlyList<AvailableStepDto> AvailableSteps { get; init; } = [];
    /// <summary>When the current stay in the stage is due; null when the stage has no deadline.</summary>
    public Instant? DueAt { get; init; }
    /// <summary>Every stay of this case that outran its deadline, oldest first.</summary>
    public IReadOnlyList<EscalationDto> Escalations { get; init; } = [];
    /// <summary>The information items this user may read.</summary>
    public IReadOnlyList<InformationItemDto> Items { get; init; } = [];
    /// <summary>How many items exist that this user may not read; nothing else about them leaves the server.</summary>
    public int WithheldItemCount { get; init; }
}

public sealed class EscalationDto
{
    public string Stage { get; init; } = "";
    /// <summary>The history sequence of the entry that started the overdue stay.</summary>
    public int StageEntrySequence { get; init; }
    public Instant DueAt { get; init; }
    public Instant EscalatedAt { get; init; }
}

/// <summary>The answer to registering a signal: the case, and the reporter's receipt code, which is never shown again.</summary>
public sealed class RegisteredSignalDto : CaseDetailDto
{
    /// <summary>Null for a signal from Meld Misdaad Anoniem: its reporter is not known here, and feedback goes back through that channel.</summary>
    public string? ReceiptCode { get; init; }
}

public sealed class CasePageDto
{
    public IReadOnlyList<CaseSummaryDto> Items { get; init; } = [];
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int TotalCount { get; init; }
}
