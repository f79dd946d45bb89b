using AutoMapper;
using Ondermijning.Engine.Statistics;

namespace Ondermijning.Api.Statistics;

public sealed class StatisticsMappingProfile : Profile
{
    public StatisticsMappingProfile()
    {
        CreateMap<Figure, FigureDto>();
        CreateMap<FigureSection, FigureSectionDto>();
        CreateMap<AnnualStatistics, AnnualStatisticsDto>()
            .ForMember(d => d.Region, o => o.MapFrom(s => s.Scope.Region))
            .ForMember(d => d.Municipalities, o => o.MapFrom(s => s.Scope.Municipalities));
        CreateMap<ChannelCount, ChannelCountDto>();
        CreateMap<StageCount, StageCountDto>()
            .ForMember(d => d.Workflow, o => o.MapFrom(s => s.Stage.Workflow.Value))
            .ForMember(d => d.WorkflowTitle, o => o.MapFrom(s => s.Stage.WorkflowTitle))
            .ForMember(d => d.Stage, o => o.MapFrom(s => s.Stage.Stage.Value))
            .ForMember(d => d.Label, o => o.MapFrom(s => s.Stage.Label));
        CreateMap<StageDuration, StageDurationDto>()
            .ForMember(d => d.Workflow, o => o.MapFrom(s => s.Stage.Workflow.Value))
            .ForMember(d => d.WorkflowTitle, o => o.MapFrom(s => s.Stage.WorkflowTitle))
            .ForMember(d => d.Stage, o => o.MapFrom(s => s.Stage.Stage.Value))
            .ForMember(d => d.Label, o => o.MapFrom(s => s.Stage.Label))
            .ForMember(d => d.MedianHours, o => o.MapFrom(s => Math.Round(s.Median.TotalHours, 1)))
            .ForMember(d => d.Percentile90Hours, o => o.MapFrom(s => Math.Round(s.Percentile90.TotalHours, 1)));
        CreateMap<PeriodOverview, PeriodOverviewDto>()
            .ForMember(d => d.Region, o => o.MapFrom(s => s.Scope.Region))
            .ForMember(d => d.Municipalities, o => o.MapFrom(s => s.Scope.Municipalities))
            .ForMember(d => d.Period, o => o.MapFrom(s => s.Period.Name))
            .ForMember(d => d.From, o => o.MapFrom(s => s.Period.From))
            .ForMember(d => d.To, o => o.MapFrom(s => s.Period.To))
            .ForMember(d => d.Definitions, o => o.MapFrom(_ => new OverviewDefinitionsDto
            {
                SignalsByChannel = OverviewDefinitions.SignalsByChannel,
                CasesPerStage = OverviewDefinitions.CasesPerStage,
                Overdue = OverviewDefinitions.Overdue,
                TimePerStage = OverviewDefinitions.TimePerStage,
            }));
    }
}
