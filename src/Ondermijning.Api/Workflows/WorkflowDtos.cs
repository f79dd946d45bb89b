using NodaTime;
using Ondermijning.Api.Cases;

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

public sealed class WorkflowDefinitionDto
{
    public string Workflow { get; init; } = "";
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public LocalDate AppliesFrom { get; init; }
    public string ContentHash { get; init; } = "";
    public IReadOnlyList<SeverityDto> SeverityLevels { get; init; } = [];
    public IReadOnlyList<StageDefinitionDto> Stages { get; init; } = [];
    public IReadOnlyList<TransitionDto> Transitions { get; init; } = [];
}

public sealed class MigrationResultDto
{
    public string Workflow { get; init; } = "";
    public int FromVersion { get; init; }
    public int ToVersion { get; init; }
    public IReadOnlyList<Guid> MigratedCases { get; init; } = [];
}
