using NodaTime;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

public sealed class WorkflowVersionSummaryDto
{
    public string Workflow { get; init; } = "";
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public LocalDate AppliesFrom { get; init; }
    public string SourceFile { get; init; } = "";
}

public sealed class TransitionDto
{
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string Trigger { get; init; } = "";
    public string Label { get; init; } = "";
    public string? MinimumSeverity { get; init; }
    public bool ReasonRequired { get; init; }
    public IReadOnlyList<RequiredInformationDto> RequiredInformation { get; init; } = [];
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>The outcome the step records, as the definition declares it; none for a step that only moves the case.</summary>
    public StepOutcomeDto? Records { get; init; }
    /// <summary>Only users of these organisations may take the step; empty means any.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];
}

/// <summary>What a step records: an outcome kind the engine knows, with its route or verdict.</summary>
public sealed class StepOutcomeDto
{
    /// <summary>enrichmentDecision, lwoDecision, atomInspection, motInterventions, weighing, sourceApproval, hitCheck, caseMeeting or noAction.</summary>
    public string Outcome { get; init; } = "";
    /// <summary>For an LWO decision: the route the annual table counts it under.</summary>
    public string? Route { get; init; }
    /// <summary>For an enrichment decision: whether the signal is confirmed.</summary>
    public bool? Confirmed { get; init; }
    /// <summary>For a hit/no-hit check: whether a partner knew the subject.</summary>
    public bool? Hit { get; init; }
}

public sealed class StageDefinitionDto
{
    public string Id { get; init; } = "";
    public string Label { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Table { get; init; }
    /// <summary>ISO-8601 duration, e.g. P14D.</summary>
    public string? Deadline { get; init; }
}

/// <summary>Who may add information of a category at a stage, from which severity, and who may read it.</summary>
public sealed class InformationGateDto
{
    public string Id { get; init; } = "";
    public string Stage { get; init; } = "";
    public string MinimumSeverity { get; init; } = "";
    [ChoiceList(nameof(ChoiceLists.InformationCategories))]
    public string Category { get; init; } = "";
    public IReadOnlyList<string> AddedBy { get; init; } = [];
    public IReadOnlyList<string> Readers { get; init; } = [];
    /// <summary>ISO-8601 period, e.g. P1Y: information dated further back is refused; null means any age.</summary>
    public string? MaximumAge { get; init; }
}

/// <summary>When personal data of closed cases are erased: after a period from the final stage, per final stage if it differs.</summary>
public sealed class RetentionDto
{
    /// <summary>ISO-8601 period, e.g. P1Y.</summary>
    public string AfterFinal { get; init; } = "";
    public IReadOnlyDictionary<string, string> PerStage { get; init; } = new Dictionary<string, string>();
}

/// <summary>One difference with the version before.</summary>
public sealed class DefinitionChangeDto
{
    [Choice(typeof(DefinitionPart))]
    public string Part { get; init; } = "";
    public string Id { get; init; } = "";
    [Choice(typeof(ChangeKind))]
    public string Kind { get; init; } = "";
    public string? Before { get; init; }
    public string? After { get; init; }
}

public sealed class WorkflowDefinitionDto
{
    public string Workflow { get; init; } = "";
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public LocalDate AppliesFrom { get; init; }
    /// <summary>A draft is seen only by those who may publish; a published version never changes.</summary>
    [Choice(typeof(WorkflowVersionState))]
    public string State { get; init; } = "";
    public Instant? PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
    public string ContentHash { get; init; } = "";
    public IReadOnlyList<SeverityDto> SeverityLevels { get; init; } = [];
    public IReadOnlyList<StageDefinitionDto> Stages { get; init; } = [];
    public IReadOnlyList<TransitionDto> Transitions { get; init; } = [];
    /// <summary>The privacy protocol in force in this version.</summary>
    public IReadOnlyList<InformationGateDto> Gates { get; init; } = [];
    public RetentionDto? Retention { get; init; }
    /// <summary>What this version changes against the published version before it.</summary>
    public IReadOnlyList<DefinitionChangeDto> Changes { get; init; } = [];
}

public sealed class PublishVersionRequest
{
    /// <summary>From this day on new signals start on the version; may lie in the past to register history.</summary>
    [IsoDate]
    public string? AppliesFrom { get; init; }
}

/// <summary>One problem in a draft, located well enough to fix it in an editor.</summary>
public sealed class DefinitionErrorDto
{
    public string Path { get; init; } = "";
    public int? Line { get; init; }
    public string Message { get; init; } = "";
}

public sealed record ItemLosingGateDto(Guid Item, string Category, string AddedAtStage, string Gate);

public sealed record OutcomeNotRecordedDto(int Sequence, string Trigger, string Records, string? Route);

public sealed record CaseMigrationPlanDto(Guid CaseId, string FromStage, string TargetStage, string TargetSeverity, IReadOnlyList<string> MissingSeverities,
    IReadOnlyList<ItemLosingGateDto> ItemsLosingGate, IReadOnlyList<OutcomeNotRecordedDto> OutcomesNotRecorded);

/// <summary>What a migration would do to each case; nothing has changed.</summary>
public sealed record MigrationDryRunDto(string Workflow, int FromVersion, string ToWorkflow, int ToVersion, IReadOnlyList<CaseMigrationPlanDto> Cases)
{
    public static MigrationDryRunDto From(MigrationDryRun dryRun) => new(dryRun.From.Workflow.Value, dryRun.From.Version, dryRun.To.Workflow.Value,
        dryRun.To.Version,
        dryRun.Cases.Select(c => new CaseMigrationPlanDto(c.Case.Value, c.FromStage.Value, c.TargetStage.Value, c.TargetSeverity.Value,
            c.MissingSeverities.Select(s => s.Value).ToList(),
            c.ItemsLosingGate.Select(i => new ItemLosingGateDto(i.Item.Value, ApiSpelling.Kebab(i.Category), i.AddedAtStage.Value, i.Gate)).ToList(),
            c.OutcomesNotRecorded.Select(o => new OutcomeNotRecordedDto(o.Sequence, o.Trigger.Value, ApiSpelling.Kebab(o.Records),
                o.Route is { } route ? ApiSpelling.Kebab(route) : null)).ToList())).ToList());
}

/// <param name="Status">pending, migrated, skipped (it was on the target already) or failed (with the reason).</param>
public sealed record MigrationCaseDto(Guid CaseId, string FromStage, string TargetStage, string TargetSeverity, string Status, string? Failure);

public sealed record MigrationFailureDto(Guid CaseId, string Reason);

/// <summary>A migration as recorded and how far its background job has come.</summary>
public sealed class MigrationDto
{
    public Guid Id { get; init; }
    public string FromWorkflow { get; init; } = "";
    public int FromVersion { get; init; }
    public string ToWorkflow { get; init; } = "";
    public int ToVersion { get; init; }
    public IReadOnlyDictionary<string, string> StageMapping { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> SeverityMapping { get; init; } = new Dictionary<string, string>();
    public string Reason { get; init; } = "";
    public string RequestedBy { get; init; } = "";
    public Instant RequestedAt { get; init; }
    public Instant? StartedAt { get; init; }
    public Instant? FinishedAt { get; init; }
    /// <summary>queued, running, done or failed (the job stopped with <see cref="Error"/>; it is retried).</summary>
    public string Status { get; init; } = "";
    public int Total { get; init; }
    /// <summary>Cases the job has finished with: migrated, skipped or failed.</summary>
    public int Done { get; init; }
    public int Migrated { get; init; }
    /// <summary>Cases that were on the target already when their turn came.</summary>
    public int Skipped { get; init; }
    public IReadOnlyList<MigrationFailureDto> Failures { get; init; } = [];
    public string? Error { get; init; }
    public IReadOnlyList<MigrationCaseDto> Cases { get; init; } = [];

    public static MigrationDto From(CaseMigration m) => new()
    {
        Id = m.Id, FromWorkflow = m.FromWorkflow.Value, FromVersion = m.FromVersion, ToWorkflow = m.ToWorkflow.Value, ToVersion = m.ToVersion,
        StageMapping = m.StageMapping, SeverityMapping = m.SeverityMapping, Reason = m.Reason, RequestedBy = m.RequestedByName,
        RequestedAt = m.RequestedAt, StartedAt = m.StartedAt, FinishedAt = m.FinishedAt, Status = ApiSpelling.Kebab(m.Status),
        Total = m.Total, Done = m.DoneCount,
        Migrated = m.Cases.Count(c => c.Status == MigrationCaseStatus.Migrated), Skipped = m.Cases.Count(c => c.Status == MigrationCaseStatus.Skipped),
        Failures = m.Cases.Where(c => c.Status == MigrationCaseStatus.Failed).Select(c => new MigrationFailureDto(c.CaseId.Value, CaseMigrationCase.Explain(c.Failure!.Value))).ToList(),
        Error = m.Error,
        Cases = m.Cases.Select(c => new MigrationCaseDto(c.CaseId.Value, c.FromStage.Value, c.TargetStage.Value, c.TargetSeverity.Value,
            ApiSpelling.Kebab(c.Status), c.Failure is { } failure ? CaseMigrationCase.Explain(failure) : null)).ToList(),
    };
}
