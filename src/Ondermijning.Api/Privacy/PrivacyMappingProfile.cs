using AutoMapper;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Privacy;

/// <summary>Information items as their readers see them, and the access log.</summary>
public sealed class PrivacyMappingProfile : Profile
{
    public PrivacyMappingProfile()
    {
        CreateMap<InformationItem, InformationItemDto>()
            .ForMember(d => d.Category, o => o.MapFrom(s => InformationTerms.Name(s.Category)))
            .ForMember(d => d.Confidentiality, o => o.MapFrom(s => InformationTerms.Name(s.Confidentiality)))
            .ForMember(d => d.AddedBy, o => o.MapFrom(s => s.AddedByUserId));
        CreateMap<VisibleInformation, InformationItemListDto>()
            .ForMember(d => d.WithheldItemCount, o => o.MapFrom(s => s.WithheldCount));
        CreateMap<SearchHit, ItemSearchHitDto>()
            .ForMember(d => d.CaseId, o => o.MapFrom(s => s.Case.Id))
            .ForMember(d => d.Municipality, o => o.MapFrom(s => s.Case.Municipality));
        CreateMap<AccessLogRecord, AccessLogRecordDto>()
            .ForMember(d => d.Municipality, o => o.MapFrom(s => s.Municipality.HasValue ? s.Municipality.Value.Value : null));
        CreateMap<AccessLogVerification, AccessLogVerificationDto>();
        CreateMap<RetentionResult, RetentionResultDto>();
    }
}
