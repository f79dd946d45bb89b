using AutoMapper;
using NodaTime.Text;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

public sealed class WorkflowMappingProfile : Profile
{
    public WorkflowMappingProfile()
    {
        CreateMap<WorkflowDefinition, WorkflowVersionSummaryDto>()
            .ForMember(d => d.Workflow, o => o.MapFrom(s => s.Key.Workflow))
            .ForMember(d => d.Version, o => o.MapFrom(s => s.Key.Version));
        CreateMap<WorkflowDefinition, WorkflowDefinitionDto>()
            .ForMember(d => d.Workflow, o => o.MapFrom(s => s.Key.Workflow))
            .ForMember(d => d.Version, o => o.MapFrom(s => s.Key.Version))
            .ForMember(d => d.State, o => o.MapFrom(_ => WorkflowVersionState.Published))
            .ForMember(d => d.PublishedAt, o => o.Ignore())
            .ForMember(d => d.PublishedBy, o => o.Ignore())
            .ForMember(d => d.Changes, o => o.Ignore());
        CreateMap<WorkflowVersionView, WorkflowDefinitionDto>()
            .IncludeMembers(v => v.Definition)
            .ForMember(d => d.State, o => o.MapFrom(v => v.State))
            .ForMember(d => d.PublishedAt, o => o.MapFrom(v => v.PublishedAt))
            .ForMember(d => d.PublishedBy, o => o.MapFrom(v => v.PublishedBy))
            .ForMember(d => d.Changes, o => o.MapFrom(v => v.Changes));
        CreateMap<StageDefinition, StageDefinitionDto>()
            .ForMember(d => d.Table, o => o.MapFrom(s => s.Table != null ? s.Table.Id.Value.ToUpperInvariant() : null))
            .ForMember(d => d.Deadline, o => o.MapFrom(s => s.Deadline == null ? null : PeriodPattern.NormalizingIso.Format(s.Deadline)));
        CreateMap<TransitionDefinition, TransitionDto>()
            .ForMember(d => d.MinimumSeverity, o => o.MapFrom(s => s.Guards.MinimumSeverity))
            .ForMember(d => d.ReasonRequired, o => o.MapFrom(s => s.Guards.ReasonRequired))
            .ForMember(d => d.RequiredInformation, o => o.MapFrom(s => s.Guards.RequiredInformation))
            .ForMember(d => d.Roles, o => o.MapFrom(s => s.Guards.Roles))
            .ForMember(d => d.Organisations, o => o.MapFrom(s => s.Guards.Organisations.Select(x => x.Value).Order()));
        CreateMap<StepOutcome, StepOutcomeDto>()
            .ForMember(d => d.Outcome, o => o.MapFrom(s => StepOutcome.NameOf(s.Kind)))
            .ForMember(d => d.Route, o => o.MapFrom(s => s.Route.HasValue ? StepOutcome.NameOf(s.Route.Value) : null));
        CreateMap<InformationGate, InformationGateDto>()
            .ForMember(d => d.Category, o => o.MapFrom(g => InformationTerms.Name(g.Category)))
            .ForMember(d => d.AddedBy, o => o.MapFrom(g => g.AddedBy.Select(x => x.Value).Order()))
            .ForMember(d => d.Readers, o => o.MapFrom(g => g.Readers.Select(x => x.Value).Order()))
            .ForMember(d => d.MaximumAge, o => o.MapFrom(g => g.MaximumAge == null ? null : PeriodPattern.NormalizingIso.Format(g.MaximumAge)));
        CreateMap<RetentionPolicy, RetentionDto>()
            .ForMember(d => d.AfterFinal, o => o.MapFrom(r => PeriodPattern.NormalizingIso.Format(r.AfterFinal)))
            .ForMember(d => d.PerStage, o => o.MapFrom(r => r.PerStage.ToDictionary(x => x.Key.Value, x => PeriodPattern.NormalizingIso.Format(x.Value))));
        CreateMap<DefinitionChange, DefinitionChangeDto>();
        CreateMap<DefinitionError, DefinitionErrorDto>().ForMember(d => d.Message, o => o.MapFrom(e => e.Problem));
        CreateMap<WorkflowVersionState, string>().ConvertUsing(v => ApiSpelling.Kebab(v));
        CreateMap<DefinitionPart, string>().ConvertUsing(v => ApiSpelling.Kebab(v));
        CreateMap<ChangeKind, string>().ConvertUsing(v => ApiSpelling.Kebab(v));
    }
}
