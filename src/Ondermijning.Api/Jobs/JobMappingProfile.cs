using AutoMapper;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Api.Jobs;

public sealed class JobMappingProfile : Profile
{
    public JobMappingProfile() => CreateMap<JobRun, JobRunDto>();
}
