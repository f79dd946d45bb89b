using AutoMapper;
using Ondermijning.Engine.Atom;

namespace Ondermijning.Api.Atom;

public sealed class AtomMappingProfile : Profile
{
    public AtomMappingProfile()
    {
        CreateMap<AtomInspectionId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<AtomInspection, AtomInspectionDto>();
    }
}
