using AutoMapper;
using Ondermijning.Engine.Interventions;

namespace Ondermijning.Api.Interventions;

/// <summary>Enforcement beside the tables: Bibob screenings, closures, penalties, awareness activities and phenomenon studies.</summary>
public sealed class EnforcementMappingProfile : Profile
{
    public EnforcementMappingProfile()
    {
        CreateMap<BibobScreeningId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<DrugPremisesClosureId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<StreetDealingPenaltyId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<AwarenessActivityId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<PhenomenonStudyId, Guid>().ConvertUsing(id => id.Value);

        CreateMap<BibobScreening, BibobScreeningDto>();
        CreateMap<DrugPremisesClosure, DrugPremisesClosureDto>();
        CreateMap<StreetDealingPenalty, StreetDealingPenaltyDto>();
        CreateMap<AwarenessActivity, AwarenessActivityDto>();
        CreateMap<PhenomenonStudy, PhenomenonStudyDto>();
        CreateMap<PhenomenonProposal, PhenomenonProposalDto>();
    }
}
