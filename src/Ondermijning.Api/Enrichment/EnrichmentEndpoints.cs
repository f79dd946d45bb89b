using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Enrichment;

public static class EnrichmentEndpoints
{
    public static RouteGroupBuilder MapEnrichmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/enrichment/providers", Providers).Requires(Permission.ReadCase).WithTags("Enrichment")
            .WithSummary("The registers the enrichment asks, whether each is switched on, and why.");

        var cases = api.MapGroup("/cases").WithTags("Enrichment");
        cases.MapPost("/{id}/enrichment", Run).Requires(Permission.RunEnrichment)
            .WithSummary("Ask the registers (KvK, BAG) about the case's companies and addresses now; every answer becomes a finding.")
            .ProducesProblem(403).ProducesProblem(404);
        cases.MapGet("/{id}/findings", Findings).Requires(Permission.ReadInformation)
            .WithSummary("All open-source findings of the case with their provenance, newest first.").ProducesProblem(404);
        cases.MapGet("/{id}/findings/{findingId}", Finding).Requires(Permission.ReadInformation)
            .WithSummary("One open-source finding of the case with its provenance.").ProducesProblem(404);
        cases.MapPost("/{id}/findings", AddFinding).Requires(Permission.AddFinding)
            .WithSummary("Add an open-source finding found by hand (internet, social media, news, land-registry extract).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        cases.MapGet("/{id}/enrichment/proposal", Proposal).Requires(Permission.DecideEnrichment)
            .WithSummary("What the registers say against the signal, and the proposal (confirmed or not-confirmed) that follows.")
            .ProducesProblem(404);
        cases.MapPost("/{id}/enrichment/decision", Decide).Requires(Permission.DecideEnrichment)
            .WithSummary("The OOV decision on the open sources: records the findings it rests on and takes the matching step.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        cases.MapGet("/{id}/enrichment/decisions", Decisions).Requires(Permission.ReadInformation)
            .WithSummary("The enrichment decisions taken on the case, oldest first.").ProducesProblem(404);
        return api;
    }

    private static Ok<List<ProviderStatusDto>> Providers(EnrichmentProviders providers, IMapper mapper) =>
        TypedResults.Ok(mapper.Map<List<ProviderStatusDto>>(providers.All));

    private static async Task<Ok<EnrichmentRunDto>> Run(string id, EnrichCase enrich, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken)
    {
        var result = await enrich.RunAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(mapper.Map<EnrichmentRunDto>(result));
    }

    private static async Task<Ok<List<FindingDto>>> Findings(string id, EnrichmentQueries queries, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<FindingDto>>(await queries.FindingsAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));

    private static async Task<Ok<FindingDto>> Finding(string id, string findingId, EnrichmentQueries queries, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<FindingDto>(await queries.FindingAsync(CaseEndpoints.ParseId(id),
            new FindingId(RecordRoutes.Id(findingId, "Finding")), http.User.ToActor(), cancellationToken)));

    private static async Task<Created<FindingDto>> AddFinding(string id, ManualFindingRequest request, AddManualFinding handler,
        IMapper mapper, IClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = CaseEndpoints.ParseId(id);
        var details = request.ToDetails(clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
        var finding = await handler.HandleAsync(caseId, details, http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/findings/{finding.Id}", mapper.Map<FindingDto>(finding));
    }

    private static async Task<Ok<ProposalDto>> Proposal(string id, EnrichmentQueries queries, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<ProposalDto>(await queries.ProposeAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));

    private static async Task<Ok<CaseDetailDto>> Decide(string id, EnrichmentDecisionRequest request, DecideEnrichment handler,
        Engine.Cases.CaseQueries queries, CaseResponder responder, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = CaseEndpoints.ParseId(id);
        var actor = http.User.ToActor();
        await handler.HandleAsync(caseId, request.ToVerdict(), actor, cancellationToken);
        return TypedResults.Ok(await responder.DetailAsync(await queries.GetAsync(caseId, actor, cancellationToken), actor, AccessAction.Read, cancellationToken));
    }

    private static async Task<Ok<List<EnrichmentDecisionDto>>> Decisions(string id, EnrichmentQueries queries, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<EnrichmentDecisionDto>>(await queries.DecisionsAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));
}
