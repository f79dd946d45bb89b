using NodaTime;

namespace Ondermijning.Api.Statistics;

public sealed class FigureDto
{
    public string Id { get; init; } = "";
    public string Label { get; init; } = "";
    public long Value { get; init; }
    /// <summary>What is counted and by which date.</summary>
    public string Definition { get; init; } = "";
    /// <summary>0 for a headline, 1 for a line under it.</summary>
    public int Level { get; init; }
}

public sealed class FigureSectionDto
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public IReadOnlyList<FigureDto> Figures { get; init; } = [];
}

public sealed class AnnualStatisticsDto
{
    public string? Region { get; init; }
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    public int Year { get; init; }
    public Instant ComputedAt { get; init; }
    public IReadOnlyList<FigureSectionDto> Sections { get; init; } = [];
}

public sealed class ChannelCountDto
{
    public string Channel { get; init; } = "";
    public int Signals { get; init; }
}

public sealed class StageCountDto
{
    /// <summary>The workflow the stage belongs to: equal stage ids of two workflows are counted apart.</summary>
    public string Workflow { get; init; } = "";
    public string WorkflowTitle { get; init; } = "";
    public string Stage { get; init; } = "";
    public string Label { get; init; } = "";
    public int Cases { get; init; }
    public int Overdue { get; init; }
}

public sealed class StageDurationDto
{
    /// <summary>The workflow the stage belongs to: equal stage ids of two workflows are counted apart.</summary>
    public string Workflow { get; init; } = "";
    public string WorkflowTitle { get; init; } = "";
    public string Stage { get; init; } = "";
    public string Label { get; init; } = "";
    public int Stays { get; init; }
    public double MedianHours { get; init; }
    public double Percentile90Hours { get; init; }
}

public sealed class OverviewDefinitionsDto
{
    public string SignalsByChannel { get; init; } = "";
    public string CasesPerStage { get; init; } = "";
    public string Overdue { get; init; } = "";
    public string TimePerStage { get; init; } = "";
}

public sealed class PeriodOverviewDto
{
    public string? Region { get; init; }
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    /// <summary>2024-03 for a month, 2024-K1 for a quarter.</summary>
    public string Period { get; init; } = "";
    public LocalDate From { get; init; }
    /// <summary>The first day after the period.</summary>
    public LocalDate To { get; init; }
    public Instant ComputedAt { get; init; }
    public IReadOnlyList<ChannelCountDto> SignalsByChannel { get; init; } = [];
    public IReadOnlyList<StageCountDto> CasesPerStage { get; init; } = [];
    public IReadOnlyList<StageDurationDto> TimePerStage { get; init; } = [];
    public OverviewDefinitionsDto Definitions { get; init; } = new();
}
