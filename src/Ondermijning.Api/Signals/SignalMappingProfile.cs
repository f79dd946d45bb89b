using AutoMapper;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Signals;

/// <summary>What a reporter reads with their receipt code. The registered case itself is a case answer (<c>CaseMappingProfile</c>).</summary>
public sealed class SignalMappingProfile : Profile
{
    public SignalMappingProfile()
    {
        CreateMap<ReceiptView, ReceiptDto>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status == ReceiptStatus.Ontvangen ? "ontvangen"
                : s.Status == ReceiptStatus.Afgehandeld ? "afgehandeld" : "in behandeling"));
    }
}
