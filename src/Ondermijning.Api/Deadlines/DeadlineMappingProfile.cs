using AutoMapper;
using Ondermijning.Api.Cases;
using Ondermijning.Engine.Cases;

namespace Ondermijning.Api.Deadlines;

/// <summary>Overdue cases: the stage they outran and since when it was recorded as overdue.</summary>
public sealed class DeadlineMappingProfile : Profile
{
    public DeadlineMappingProfile()
    {
        CreateMap<Case, OverdueCaseDto>()
            .ForMember(d => d.Stage, o => o.Ignore())
            .ForMember(d => d.DueAt, o => o.MapFrom(s => s.DueAt!.Value))
            .ForMember(d => d.EscalatedAt, o => o.MapFrom(s =>
                s.Escalations.Where(e => e.StageEntrySequence == s.StageEntrySequence).Select(e => (NodaTime.Instant?)e.EscalatedAt).FirstOrDefault()));
        CreateMap<DefinedCase, OverdueCaseDto>()
            .IncludeMembers(s => s.Case)
            .ForMember(d => d.Stage, o => o.MapFrom(s => s.Definition.Stage(s.Case.Stage)));
    }
}
