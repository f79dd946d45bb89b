using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Privacy;

public sealed record AddItemRequest([property: ChoiceList(nameof(ChoiceLists.InformationCategories))] string? Category,
    [property: OrganisationChoice] string? SourceOrganisation, string? LegalBasis, string? Content,
    [property: ChoiceList(nameof(ChoiceLists.ConfidentialityLevels))] string? Confidentiality,
    [property: IsoDate] string? InformationDate = null)
{
    public NewInformationItem ToItem(Vocabulary vocabulary)
    {
        var f = new Fields();
        var category = default(InformationCategory);
        var confidentiality = default(Confidentiality);
        if (Category is null || !InformationTerms.Categories.TryGetValue(Category.Trim(), out category))
            f.Error("category", $"Say which kind of source this is: one of {string.Join(", ", InformationTerms.Categories.Keys)}.");
        if (SourceOrganisation is null || !vocabulary.IsKnown(new OrganisationId(SourceOrganisation.Trim())))
            f.Error("sourceOrganisation", $"Name the organisation the information comes from: one of {string.Join(", ", vocabulary.Organisations.Select(o => o.Id))}.");
        if (Confidentiality is null || !InformationTerms.ConfidentialityLevels.TryGetValue(Confidentiality.Trim(), out confidentiality))
            f.Error("confidentiality", $"Choose a confidentiality level: one of {string.Join(", ", InformationTerms.ConfidentialityLevels.Keys)}.");
        var informationDate = f.OptionalDate(InformationDate, "informationDate");
        var item = new NewInformationItem(category, new OrganisationId(SourceOrganisation?.Trim() ?? ""), LegalBasis ?? "", Content ?? "", confidentiality,
            informationDate).Check(f);
        f.ThrowIfAny();
        return item;
    }
}

public sealed record RaiseSeverityRequest([property: WorkflowChoice(WorkflowTerm.Severity)] string? Severity, string? Reason);

public static class InformationEndpoints
{
    public const int MinimumSearchLength = 3;

    public static RouteGroupBuilder MapInformationEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Information");
        cases.MapPost("/{id}/items", Add).Requires(Permission.AddInformation)
            .WithSummary("Add an information item; the gates of the privacy protocol decide whether this organisation may add it here.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);
        cases.MapGet("/{id}/items", List).Requires(Permission.ReadCase).WithSummary("The case's information items the user may read, and how many are withheld.").ProducesProblem(404);
        cases.MapGet("/{id}/items/{itemId}", Item).Requires(Permission.ReadCase)
            .WithSummary("One information item, if the user may read it; the read is logged like any other.").ProducesProblem(403).ProducesProblem(404);
        cases.MapGet("/{id}/export", Export).Requires(Permission.ExportCase).WithSummary("A JSON export of the case with the items the user may read; logged.").ProducesProblem(404);
        cases.MapPost("/{id}/severity", Raise).Requires(Permission.RaiseSeverity)
            .WithSummary("Raise the case's severity (zwaarte) with a reason; recorded in the history.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        api.MapGet("/items/search", Search).Requires(Permission.ReadInformation).WithTags("Information")
            .WithSummary("Search the contents of information items the user may read.").ProducesValidationProblem();
        return api;
    }

    private static async Task<Created<InformationItemDto>> Add(string id, AddItemRequest request, CaseInformation information, Vocabulary vocabulary,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = CaseEndpoints.ParseId(id);
        var item = await information.AddAsync(caseId, request.ToItem(vocabulary), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/items/{item.Id}", mapper.Map<InformationItemDto>(item));
    }

    private static async Task<Ok<InformationItemListDto>> List(string id, CaseQueries queries, CaseInformation information, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var @case = await queries.GetAsync(CaseEndpoints.ParseId(id), actor, cancellationToken);
        return TypedResults.Ok(mapper.Map<InformationItemListDto>(await information.ReadAsync(@case, actor, AccessAction.Read, cancellationToken)));
    }

    /// <summary>Read through the same gate and log as the list, narrowed to this one item.</summary>
    private static async Task<Ok<InformationItemDto>> Item(string id, string itemId, CaseQueries queries, CaseInformation information, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var @case = await queries.GetAsync(CaseEndpoints.ParseId(id), actor, cancellationToken);
        var item = new InformationItemId(RecordRoutes.Id(itemId, "Information item"));
        var visible = await information.ReadAsync(@case, actor, AccessAction.Read, cancellationToken, [item]);
        if (visible.Items.Count == 1) return TypedResults.Ok(mapper.Map<InformationItemDto>(visible.Items[0]));
        // The list already tells how many items are withheld, so saying that this one is withheld gives nothing away.
        throw visible.WithheldCount > 0
            ? new EngineProblem(ProblemKind.Forbidden, "This item is withheld from you",
                "The privacy protocol does not let your organisation read this item at the case's present stage.")
            : new EngineProblem(ProblemKind.NotFound, "Information item not found", $"Case {@case.Id} has no information item {item.Value}.");
    }

    private static async Task<Ok<CaseExportDto>> Export(string id, CaseQueries queries, CaseResponder responder, IClock clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var @case = await queries.GetAsync(CaseEndpoints.ParseId(id), actor, cancellationToken);
        return TypedResults.Ok(new CaseExportDto
        {
            ExportedAt = clock.GetCurrentInstant(),
            ExportedBy = actor.UserId,
            ExportedByOrganisation = actor.Organisation.Value,
            Case = await responder.DetailAsync(@case, actor, AccessAction.Export, cancellationToken),
        });
    }

    private static async Task<Ok<CaseDetailDto>> Raise(string id, RaiseSeverityRequest request, RaiseSeverity handler, CaseQueries queries,
        CaseResponder responder, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Severity))
            throw EngineProblem.Validation(new Dictionary<string, string[]> { ["severity"] = ["Say which severity the case gets."] });
        var actor = http.User.ToActor();
        var caseId = CaseEndpoints.ParseId(id);
        await handler.HandleAsync(caseId, new Severity(request.Severity.Trim()), request.Reason, actor, cancellationToken);
        return TypedResults.Ok(await responder.DetailAsync(await queries.GetAsync(caseId, actor, cancellationToken), actor, AccessAction.Read, cancellationToken));
    }

    private static async Task<Ok<ItemSearchResultDto>> Search(string? q, CaseInformation information, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken)
    {
        var f = new RequestFields();
        var text = f.OptionalText(q, "q", Limits.SearchText);
        if (text is not { Length: >= MinimumSearchLength } && !f.Has("q")) f.Error("q", $"Search for at least {MinimumSearchLength} characters.");
        f.ThrowIfAny();
        var hits = await information.SearchAsync(text!, http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(new ItemSearchResultDto { Query = text!, Hits = mapper.Map<List<ItemSearchHitDto>>(hits) });
    }
}
