using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Cases;
using Ondermijning.Engine;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Interventions;

public static class EnforcementEndpoints
{
    public static RouteGroupBuilder MapEnforcementEndpoints(this RouteGroupBuilder api)
    {
        var tags = new[] { "Administrative enforcement" };
        api.MapPost("/bibob-screenings", Bibob).Requires(Permission.RecordEnforcement).WithTags(tags).WithSummary("Record a Bibob screening and its outcome.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        api.MapPost("/drug-premises-closures", Closure).Requires(Permission.RecordEnforcement).WithTags(tags).WithSummary("Record premises closed under art. 13b Opiumwet (Damocles).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        api.MapPost("/street-dealing-penalties", Penalty).Requires(Permission.RecordEnforcement).WithTags(tags).WithSummary("Record a penalty payment for street dealing.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        api.MapRecord<BibobScreening, BibobScreeningDto>("/bibob-screenings/{id}", "Bibob screening", (r, id, a, c) => r.BibobScreeningAsync(new(id), a, c))
            .WithTags(tags);
        api.MapRecord<DrugPremisesClosure, DrugPremisesClosureDto>("/drug-premises-closures/{id}", "Closure",
            (r, id, a, c) => r.DrugPremisesClosureAsync(new(id), a, c)).WithTags(tags);
        api.MapRecord<StreetDealingPenalty, StreetDealingPenaltyDto>("/street-dealing-penalties/{id}", "Penalty",
            (r, id, a, c) => r.StreetDealingPenaltyAsync(new(id), a, c)).WithTags(tags);
        api.MapPost("/awareness-activities", Awareness).Requires(Permission.RecordEnforcement).WithTags("Awareness").WithSummary("Record a workshop or action day (ONDERSCHAT).")
            .ProducesValidationProblem().ProducesProblem(403);
        api.MapRecord<AwarenessActivity, AwarenessActivityDto>("/awareness-activities/{id}", "Awareness activity",
            (r, id, a, c) => r.AwarenessActivityAsync(new(id), a, c)).WithTags("Awareness");
        api.MapList<BibobScreening, BibobScreeningDto>("/bibob-screenings", "Bibob screenings", (r, q, a, c) => r.BibobScreeningsAsync(q, a, c)).WithTags(tags);
        api.MapList<DrugPremisesClosure, DrugPremisesClosureDto>("/drug-premises-closures", "drug-premises closures",
            (r, q, a, c) => r.ClosuresAsync(q, a, c)).WithTags(tags);
        api.MapList<StreetDealingPenalty, StreetDealingPenaltyDto>("/street-dealing-penalties", "street-dealing penalties",
            (r, q, a, c) => r.PenaltiesAsync(q, a, c)).WithTags(tags);
        api.MapList<AwarenessActivity, AwarenessActivityDto>("/awareness-activities", "awareness activities",
            (r, q, a, c) => r.AwarenessActivitiesAsync(q, a, c)).WithTags("Awareness");

        var studies = api.MapGroup("/phenomenon-studies").WithTags("Phenomenon studies");
        studies.MapPost("/", StartStudy).Requires(Permission.RecordEnforcement).WithSummary("Start a phenomenon study of a branch, area or target group.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        studies.MapList<PhenomenonStudy, PhenomenonStudyDto>("/", "phenomenon studies", (r, q, a, c) => r.StudiesAsync(q, a, c));
        studies.MapRecord<PhenomenonStudy, PhenomenonStudyDto>("/{id}", "Phenomenon study", (r, id, a, c) => r.PhenomenonStudyAsync(new(id), a, c));
        studies.MapPatch("/{id}", EndStudy).Requires(Permission.RecordEnforcement).WithSummary("Complete or stop a phenomenon study, with its result.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapGet("/phenomenon-proposals", Proposals).Requires(Permission.ReadPhenomenonProposals).WithTags("Phenomenon studies")
            .WithSummary("Branches, areas and target groups about which enough signals came in to propose a phenomenon study.")
            .ProducesValidationProblem().ProducesProblem(403);
        return api;
    }

    /// <summary>The GET that a record's <c>Location</c> points at: one record of a municipality, under its gate.</summary>
    private static RouteHandlerBuilder MapRecord<TRecord, TDto>(this IEndpointRouteBuilder api, string pattern, string what,
        Func<ChainRecords, Guid, Actor, CancellationToken, Task<TRecord>> read)
    {
        // The handler's own types are not generic, so that the request delegate generator writes it at build time; the
        // answer's type is declared beside it.
        return api.MapGet(pattern, async Task<IResult> (string id, ChainRecords records, IMapper mapper, HttpContext http, CancellationToken cancellationToken) =>
                TypedResults.Ok(mapper.Map<TDto>(await read(records, RecordRoutes.Id(id, what), http.User.ToActor(), cancellationToken))))
            .Produces<TDto>().Requires(Permission.ReadEnforcement).WithSummary($"One {what.ToLowerInvariant()}.").ProducesProblem(404);
    }

    /// <summary>A municipality's records of one kind, per year (the year the annual table counts them in), newest first.</summary>
    private static RouteHandlerBuilder MapList<TRecord, TDto>(this IEndpointRouteBuilder api, string pattern, string what,
        Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<TRecord>>> list)
    {
        // The query's values are parameters, not an [AsParameters] object, for the reason CaseEndpoints.List gives.
        return api.MapGet(pattern, async Task<IResult> (string? municipality, int? year, int? page, int? pageSize, EnforcementRecords records,
                IMapper mapper, HttpContext http, CancellationToken cancellationToken) =>
            {
                var query = new EnforcementListQuery(municipality, year, page, pageSize).ToQuery();
                var found = await list(records, query, http.User.ToActor(), cancellationToken);
                return TypedResults.Ok(new RecordPageDto<TDto>
                {
                    Items = mapper.Map<List<TDto>>(found.Items), Page = found.PageNumber, PageSize = found.PageSize, TotalCount = found.TotalCount,
                });
            })
            .Produces<RecordPageDto<TDto>>().Requires(Permission.ReadEnforcement).WithSummary($"The {what} of a municipality, optionally of one year, newest first, paged.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<Created<BibobScreeningDto>> Bibob(RecordBibobScreeningRequest request, RecordEnforcement handler, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken)
    {
        var record = await handler.BibobAsync(request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/bibob-screenings/{record.Id}", mapper.Map<BibobScreeningDto>(record));
    }

    private static async Task<Created<DrugPremisesClosureDto>> Closure(RecordDrugPremisesClosureRequest request, RecordEnforcement handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await handler.DrugPremisesClosureAsync(request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/drug-premises-closures/{record.Id}", mapper.Map<DrugPremisesClosureDto>(record));
    }

    private static async Task<Created<StreetDealingPenaltyDto>> Penalty(RecordStreetDealingPenaltyRequest request, RecordEnforcement handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await handler.StreetDealingPenaltyAsync(request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/street-dealing-penalties/{record.Id}", mapper.Map<StreetDealingPenaltyDto>(record));
    }

    private static async Task<Created<AwarenessActivityDto>> Awareness(RecordAwarenessActivityRequest request, RecordEnforcement handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await handler.AwarenessActivityAsync(request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/awareness-activities/{record.Id}", mapper.Map<AwarenessActivityDto>(record));
    }

    private static async Task<Created<PhenomenonStudyDto>> StartStudy(StartPhenomenonStudyRequest request, RecordEnforcement handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await handler.StartStudyAsync(request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/phenomenon-studies/{record.Id}", mapper.Map<PhenomenonStudyDto>(record));
    }

    private static async Task<Ok<PhenomenonStudyDto>> EndStudy(string id, EndPhenomenonStudyRequest request, RecordEnforcement handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        if (!PhenomenonStudyId.TryParse(id, out var studyId))
            throw new EngineProblem(ProblemKind.NotFound, "Phenomenon study not found", $"'{id}' is not a phenomenon study id.");
        var f = new RequestFields();
        var status = f.Choice<PhenomenonStudyStatus>(request.Status, "status", "how the study ended");
        var date = f.OptionalDate(request.Date, "date");
        var result = f.OptionalText(request.Result, "result", Limits.StudyResult, TextKind.MultiLine);
        f.ThrowIfAny();
        var study = await handler.EndStudyAsync(studyId, status, date, result, http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(mapper.Map<PhenomenonStudyDto>(study));
    }

    private static async Task<Ok<List<PhenomenonProposalDto>>> Proposals(string? municipality, PhenomenonProposals proposals, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken)
    {
        var f = new RequestFields();
        var code = f.Municipality(municipality);
        f.ThrowIfAny();
        return TypedResults.Ok(mapper.Map<List<PhenomenonProposalDto>>(await proposals.ForAsync(code, http.User.ToActor(), cancellationToken)));
    }
}
