using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Search;

public sealed class SearchReasonDto
{
    /// <summary>What matched: case-code, kvk-number, company-word, person-word, person, postcode, address or street-word.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The case's own value that matched, e.g. its KvK number with the company's name.</summary>
    public string Value { get; init; } = "";
}

public sealed class CaseHitDto
{
    public Guid Id { get; init; }
    /// <summary>The short code the pages show ("4F0CAE01").</summary>
    public string Code { get; init; } = "";
    public string Municipality { get; init; } = "";
    public string Stage { get; init; } = "";
    public string StageLabel { get; init; } = "";
    public Instant ReceivedAt { get; init; }
    /// <summary>Who or what the case is about, to recognise it: the first company, person or address.</summary>
    public string? Subject { get; init; }
    public IReadOnlyList<SearchReasonDto> Reasons { get; init; } = [];
}

public sealed class SearchResultDto
{
    public string Query { get; init; } = "";
    public IReadOnlyList<CaseHitDto> Hits { get; init; } = [];
    /// <summary>How many cases match in all; <see cref="Hits"/> is page <see cref="Page"/> of them.</summary>
    public int Total { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    /// <summary>True when later pages hold more hits; a more precise query narrows them.</summary>
    public bool More { get; init; }
}

public sealed class SearchMappingProfile : Profile
{
    public SearchMappingProfile()
    {
        CreateMap<SearchReason, SearchReasonDto>().ForMember(d => d.Kind, o => o.MapFrom(s => Mapping.ApiSpelling.Kebab(s.Kind)));
        CreateMap<CaseSearchHit, CaseHitDto>()
            .IncludeMembers(s => s.Case)
            .ForMember(d => d.Reasons, o => o.MapFrom(s => s.Reasons));
        CreateMap<RelatedCase, CaseHitDto>()
            .IncludeMembers(s => s.Case)
            .ForMember(d => d.Reasons, o => o.MapFrom(s => s.Shared));
        CreateMap<Engine.Cases.Case, CaseHitDto>(MemberList.None)
            .ForMember(d => d.Id, o => o.MapFrom(c => c.Id.Value))
            .ForMember(d => d.Code, o => o.MapFrom(c => CaseSearchTerm.CaseCode(c.Id).ToUpperInvariant()))
            .ForMember(d => d.Municipality, o => o.MapFrom(c => c.Municipality.Value))
            .ForMember(d => d.Stage, o => o.MapFrom(c => c.Stage.Value))
            .ForMember(d => d.Subject, o => o.MapFrom(c => SearchSubjects.Of(c)));
        CreateMap<SearchResult, SearchResultDto>();
    }
}

/// <summary>How a case is recognised in a list: its first company, else its first person, else its first address.</summary>
public static class SearchSubjects
{
    public static string? Of(Engine.Cases.Case c) =>
        c.Companies.FirstOrDefault()?.Name ?? c.Persons.FirstOrDefault()?.Name ?? c.Addresses.Select(SearchCases.Address).FirstOrDefault();
}

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).Requires(Permission.ReadCase).WithTags("Search")
            .WithSummary("Find cases by case code (short or full), KvK number, postcode and house number, or words of a company's, person's or street's name (a birth date narrows persons).")
            .WithDescription($"Only cases of the user's municipalities that the user may read, newest first, {SearchCases.MaxHits} per page, with how many match in all; each hit with the reasons it matched.")
            .ProducesValidationProblem();
        api.MapGet("/cases/{id}/related", Related).Requires(Permission.ReadCase).WithTags("Search")
            .WithSummary("Other cases the user may read that share a KvK number, an address or a person with this case.")
            .ProducesProblem(404);
        return api;
    }

    private static async Task<Ok<SearchResultDto>> Search(string? q, int? page, SearchCases search, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<SearchResultDto>(await search.HandleAsync(q, http.User.ToActor(), cancellationToken, page ?? 1)));

    private static async Task<Ok<List<CaseHitDto>>> Related(string id, RelatedCases related, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<CaseHitDto>>(await related.ForAsync(Cases.CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));
}
