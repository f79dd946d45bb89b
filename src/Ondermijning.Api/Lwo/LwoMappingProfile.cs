using AutoMapper;
using Ondermijning.Engine.Lwo;

namespace Ondermijning.Api.Lwo;

public sealed class LwoMappingProfile : Profile
{
    public LwoMappingProfile()
    {
        CreateMap<LwoDecisionId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<LwoDecision, LwoDecisionDto>();
    }
}
