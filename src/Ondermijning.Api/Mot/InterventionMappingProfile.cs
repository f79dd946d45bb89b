using AutoMapper;
using Ondermijning.Engine.Mot;

namespace Ondermijning.Api.Mot;

public sealed class InterventionMappingProfile : Profile
{
    public InterventionMappingProfile()
    {
        CreateMap<InterventionId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<Intervention, InterventionDto>();
        CreateMap<InterventionSubtype, InterventionSubtypeDto>().ForMember(d => d.BuiltIn, o => o.MapFrom(s => s.AddedAt == null));
    }
}
