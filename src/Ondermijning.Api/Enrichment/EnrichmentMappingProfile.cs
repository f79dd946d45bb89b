using System.Text.Json.Nodes;
using AutoMapper;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Enrichment;

namespace Ondermijning.Api.Enrichment;

/// <summary>Enrichment: findings keep their provenance together, enums are spelled in kebab case.</summary>
public sealed class EnrichmentMappingProfile : Profile
{
    public EnrichmentMappingProfile()
    {
        CreateMap<FindingId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<ProviderStatus, ProviderStatusDto>();
        CreateMap<EnrichmentFinding, FindingDto>()
            .ForMember(d => d.Facts, o => o.MapFrom(s => ParseFacts(s.FactsJson)))
            .ForMember(d => d.Provenance, o => o.MapFrom(s => new FindingProvenanceDto
            {
                Register = ApiSpelling.Kebab(s.Source),
                SourceOrganisation = s.SourceOrganisation,
                RequestUrl = s.RequestUrl,
                ResponseStatus = s.ResponseStatus,
                RetrievedAt = s.RetrievedAt,
                RecordedBy = new RecordedByDto { Id = s.RecordedById, Name = s.RecordedByName },
                RunId = s.RunId.HasValue ? s.RunId.Value.Value : null,
                RawResponse = s.RawResponse,
            }));
        CreateMap<EnrichmentResult, EnrichmentRunDto>()
            .ForMember(d => d.RunId, o => o.MapFrom(s => s.Run.Id.Value))
            .ForMember(d => d.StartedAt, o => o.MapFrom(s => s.Run.StartedAt))
            .ForMember(d => d.FinishedAt, o => o.MapFrom(s => s.Run.FinishedAt))
            .ForMember(d => d.SkippedProviders, o => o.MapFrom(s => s.Skipped));
        CreateMap<Observation, ObservationDto>();
        CreateMap<EnrichmentProposal, ProposalDto>()
            .ForMember(d => d.Proposal, o => o.MapFrom(s => ApiSpelling.Kebab(s.Verdict)));
        CreateMap<EnrichmentDecision, EnrichmentDecisionDto>()
            .ForMember(d => d.Proposal, o => o.MapFrom(s => ApiSpelling.Kebab(s.Proposal)))
            .ForMember(d => d.DecidedBy, o => o.MapFrom(s => new RecordedByDto { Id = s.DecidedById, Name = s.DecidedByName }));
    }

    private static JsonNode? ParseFacts(string json) => JsonNode.Parse(json);
}
