using System.Text.Json.Nodes;
using AutoMapper;
using NodaTime.Text;
using Ondermijning.Api.Atom;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Deadlines;
using Ondermijning.Api.Enrichment;
using Ondermijning.Api.Interventions;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Lwo;
using Ondermijning.Api.Mot;
using Ondermijning.Api.Privacy;
using Ondermijning.Api.Signals;
using Ondermijning.Api.Statistics;
using Ondermijning.Api.Workflows;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Statistics;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Mapping;

/// <summary>
/// The one place where engine types become API shapes. Labels come from the case's own definition
/// version, which the caller passes as <see cref="DefinitionItem"/>;
/// a case's available steps depend on the user and come in as <see cref="StepsItem"/>, the information items the user
/// may read as <see cref="InformationItem"/> (never the case's own item list, so nothing ungated can slip through),
/// and a new signal's receipt code as <see cref="ReceiptItem"/>.
/// </summary>
public sealed class ApiMappingProfile : Profile
{
    public const string DefinitionItem = "definition";
    public const string StepsItem = "availableSteps";
    public const string InformationItem = "information";
    public const string ReceiptItem = "receipt";
    /// <summary>A <see cref="CaseViewRights"/>: what of the case beyond its course the reader may see. Missing means nothing.</summary>
    public const string RightsItem = "rights";

    public ApiMappingProfile()
    {
        CreateMap<CaseId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<StageId, string>().ConvertUsing(id => id.Value);
        CreateMap<StageId?, string?>().ConvertUsing(id => id.HasValue ? id.Value.Value : null);
        CreateMap<TriggerId, string>().ConvertUsing(id => id.Value);
        CreateMap<TriggerId?, string?>().ConvertUsing(id => id.HasValue ? id.Value.Value : null);
        CreateMap<WorkflowId, string>().ConvertUsing(id => id.Value);
        CreateMap<MunicipalityCode, string>().ConvertUsing(code => code.Value);
        CreateMap<Role, string>().ConvertUsing(role => role.Value);
        CreateMap<Severity?, string?>().ConvertUsing(s => s.HasValue ? s.Value.Value : null);
        CreateMap<Severity, string>().ConvertUsing(s => s.Value);
        CreateMap<OrganisationId, string>().ConvertUsing(o => o.Value);
        CreateMap<InformationItemId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<InformationItemId?, Guid?>().ConvertUsing(id => id.HasValue ? id.Value.Value : null);
        CreateMap<CaseId?, Guid?>().ConvertUsing(id => id.HasValue ? id.Value.Value : null);

        CreateMap<StageDefinition, StageDto>()
            .ForMember(d => d.Table, o => o.MapFrom(s => s.Table != null ? s.Table.Id.Value.ToUpperInvariant() : null));
        CreateMap<SeverityLevel, SeverityDto>();
        CreateMap<RequiredInformation, RequiredInformationDto>()
            .ForMember(d => d.Type, o => o.MapFrom(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Type.ToString())))
            .ForMember(d => d.Role, o => o.MapFrom(s => s.Role.HasValue ? StepOutcome.NameOf(s.Role.Value) : null))
            .ForMember(d => d.Minimum, o => o.MapFrom(s => s.Type == InformationType.Checklist ? s.Minimum : (int?)null))
            .ForMember(d => d.MaxLength, o => o.MapFrom(s => s.Type == InformationType.Text ? s.MaxLength : (int?)null))
            .ForMember(d => d.AllowFuture, o => o.MapFrom(s => s.Type == InformationType.Date ? s.AllowFuture : (bool?)null))
            .ForMember(d => d.Values, o =>
            {
                o.AllowNull(); // no list at all for types that have none, rather than an empty one
                o.MapFrom(s => s.Type == InformationType.Choice || s.Type == InformationType.Checklist ? s.Choices
                    : s.Type == InformationType.Organisation ? s.Organisations.Select(x => x.Id.Value).ToList() : null);
            });

        CreateMap<Case, CaseSummaryDto>()
            .ForMember(d => d.Stage, o => o.MapFrom((src, _, _, ctx) => Definition(ctx).Stage(src.Stage)))
            .ForMember(d => d.Severity, o => o.MapFrom((src, _, _, ctx) => SeverityOf(Definition(ctx), src)));

        CreateMap<Case, CaseDetailDto>()
            .ForMember(d => d.Stage, o => o.MapFrom((src, _, _, ctx) => Definition(ctx).Stage(src.Stage)))
            .ForMember(d => d.Severity, o => o.MapFrom((src, _, _, ctx) => SeverityOf(Definition(ctx), src)))
            .ForMember(d => d.Reporter, o => o.MapFrom((s, _, _, ctx) => Rights(ctx).Reporter
                ? new ReporterDto { Anonymous = s.ReporterAnonymous, Name = s.ReporterName, Contact = s.ReporterContact }
                : new ReporterDto { Anonymous = s.ReporterAnonymous, Withheld = !s.ReporterAnonymous }))
            .ForMember(d => d.AvailableSteps, o => o.MapFrom((_, _, _, ctx) => (IReadOnlyList<AvailableStep>)ctx.Items[StepsItem]))
            .ForMember(d => d.Items, o => o.MapFrom((_, _, _, ctx) => Visible(ctx).Items))
            .ForMember(d => d.WithheldItemCount, o => o.MapFrom((_, _, _, ctx) => Visible(ctx).WithheldCount));
        CreateMap<Case, RegisteredSignalDto>()
            .IncludeBase<Case, CaseDetailDto>()
            .ForMember(d => d.ReceiptCode, o => o.MapFrom((_, _, _, ctx) => ctx.Items[ReceiptItem] is ReceiptCode code ? code.Value : null));

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
        CreateMap<ReceiptView, ReceiptDto>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status == ReceiptStatus.Ontvangen ? "ontvangen"
                : s.Status == ReceiptStatus.Afgehandeld ? "afgehandeld" : "in behandeling"));

        CreateMap<CaseEscalation, EscalationDto>();
        CreateMap<Case, OverdueCaseDto>()
            .ForMember(d => d.Stage, o => o.MapFrom((src, _, _, ctx) => Definition(ctx).Stage(src.Stage)))
            .ForMember(d => d.DueAt, o => o.MapFrom(s => s.DueAt!.Value))
            .ForMember(d => d.EscalatedAt, o => o.MapFrom(s =>
                s.Escalations.Where(e => e.StageEntrySequence == s.StageEntrySequence).Select(e => (NodaTime.Instant?)e.EscalatedAt).FirstOrDefault()));
        CreateMap<JobRun, JobRunDto>();
        CreateMap<CasePerson, PersonDto>();
        CreateMap<CaseCompany, CompanyDto>();
        CreateMap<CaseAddress, AddressDto>();
        CreateMap<CaseHistoryEntry, HistoryEntryDto>()
            .ForMember(d => d.Reason, o => o.MapFrom((s, _, _, ctx) => Rights(ctx).Notes ? s.Reason : null))
            .ForMember(d => d.Information, o => o.MapFrom((s, _, _, ctx) => Rights(ctx).Notes ? s.Information : new Dictionary<string, string>()))
            .ForMember(d => d.Actor, o => o.MapFrom(s => new ActorDto { Id = s.ActorId, Name = s.ActorName, Organisation = s.ActorOrganisation }));

        CreateMap<AvailableStep, AvailableStepDto>()
            .ForMember(d => d.Trigger, o => o.MapFrom(s => s.Transition.Trigger))
            .ForMember(d => d.Label, o => o.MapFrom(s => s.Transition.Label))
            .ForMember(d => d.To, o => o.MapFrom(s => s.Target))
            .ForMember(d => d.ReasonRequired, o => o.MapFrom(s => s.Transition.Guards.ReasonRequired))
            .ForMember(d => d.RequiredInformation, o => o.MapFrom(s => s.Transition.Guards.RequiredInformation))
            .ForMember(d => d.MinimumSeverity, o => o.MapFrom(s => s.Transition.Guards.MinimumSeverity))
            .ForMember(d => d.Roles, o => o.MapFrom(s => s.Transition.Guards.Roles))
            .ForMember(d => d.AllowedNow, o => o.MapFrom(s => s.BlockedBy.Count == 0))
            .ForMember(d => d.BlockedBy, o => o.MapFrom(s => s.BlockedBy.Select(b => b.Message)))
            .ForMember(d => d.BlockedFields, o => o.MapFrom(s => s.BlockedBy.Select(b => b.Field)));

        EnumMaps();
        EnrichmentMaps();
        ChainOutcomeMaps();
        StatisticsMaps();
    }

    /// <summary>Enrichment: findings keep their provenance together, enums are spelled in kebab case.</summary>
    private void EnrichmentMaps()
    {
        CreateMap<FindingId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<ProviderStatus, ProviderStatusDto>();
        CreateMap<EnrichmentFinding, FindingDto>()
            .ForMember(d => d.Facts, o => o.MapFrom(s => ParseFacts(s.FactsJson)))
            .ForMember(d => d.Provenance, o => o.MapFrom(s => new FindingProvenanceDto
            {
                Register = Kebab(s.Source),
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
            .ForMember(d => d.Proposal, o => o.MapFrom(s => Kebab(s.Verdict)));
        CreateMap<EnrichmentDecision, EnrichmentDecisionDto>()
            .ForMember(d => d.Proposal, o => o.MapFrom(s => Kebab(s.Proposal)))
            .ForMember(d => d.DecidedBy, o => o.MapFrom(s => new RecordedByDto { Id = s.DecidedById, Name = s.DecidedByName }));
    }

    private static JsonNode? ParseFacts(string json) => JsonNode.Parse(json);

    /// <summary>Outcomes of the tables and of parallel enforcement; enum values travel in kebab-case.</summary>
    private void ChainOutcomeMaps()
    {
        CreateMap<LwoDecisionId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<AtomInspectionId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<InterventionId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<BibobScreeningId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<DrugPremisesClosureId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<StreetDealingPenaltyId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<AwarenessActivityId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<PhenomenonStudyId, Guid>().ConvertUsing(id => id.Value);

        CreateMap<LwoDecision, LwoDecisionDto>();
        CreateMap<AtomInspection, AtomInspectionDto>();
        CreateMap<Intervention, InterventionDto>();
        CreateMap<InterventionSubtype, InterventionSubtypeDto>().ForMember(d => d.BuiltIn, o => o.MapFrom(s => s.AddedAt == null));
        CreateMap<BibobScreening, BibobScreeningDto>();
        CreateMap<DrugPremisesClosure, DrugPremisesClosureDto>();
        CreateMap<StreetDealingPenalty, StreetDealingPenaltyDto>();
        CreateMap<AwarenessActivity, AwarenessActivityDto>();
        CreateMap<PhenomenonStudy, PhenomenonStudyDto>();
        CreateMap<PhenomenonProposal, PhenomenonProposalDto>();
    }

    private void StatisticsMaps()
    {
        CreateMap<Figure, FigureDto>();
        CreateMap<FigureSection, FigureSectionDto>();
        CreateMap<AnnualStatistics, AnnualStatisticsDto>()
            .ForMember(d => d.Region, o => o.MapFrom(s => s.Scope.Region))
            .ForMember(d => d.Municipalities, o => o.MapFrom(s => s.Scope.Municipalities));
        CreateMap<ChannelCount, ChannelCountDto>();
        CreateMap<StageCount, StageCountDto>()
            .ForMember(d => d.Workflow, o => o.MapFrom(s => s.Stage.Workflow.Value))
            .ForMember(d => d.WorkflowTitle, o => o.MapFrom(s => s.Stage.WorkflowTitle))
            .ForMember(d => d.Stage, o => o.MapFrom(s => s.Stage.Stage.Value))
            .ForMember(d => d.Label, o => o.MapFrom(s => s.Stage.Label));
        CreateMap<StageDuration, StageDurationDto>()
            .ForMember(d => d.Workflow, o => o.MapFrom(s => s.Stage.Workflow.Value))
            .ForMember(d => d.WorkflowTitle, o => o.MapFrom(s => s.Stage.WorkflowTitle))
            .ForMember(d => d.Stage, o => o.MapFrom(s => s.Stage.Stage.Value))
            .ForMember(d => d.Label, o => o.MapFrom(s => s.Stage.Label))
            .ForMember(d => d.MedianHours, o => o.MapFrom(s => Math.Round(s.Median.TotalHours, 1)))
            .ForMember(d => d.Percentile90Hours, o => o.MapFrom(s => Math.Round(s.Percentile90.TotalHours, 1)));
        CreateMap<PeriodOverview, PeriodOverviewDto>()
            .ForMember(d => d.Region, o => o.MapFrom(s => s.Scope.Region))
            .ForMember(d => d.Municipalities, o => o.MapFrom(s => s.Scope.Municipalities))
            .ForMember(d => d.Period, o => o.MapFrom(s => s.Period.Name))
            .ForMember(d => d.From, o => o.MapFrom(s => s.Period.From))
            .ForMember(d => d.To, o => o.MapFrom(s => s.Period.To))
            .ForMember(d => d.Definitions, o => o.MapFrom(_ => new OverviewDefinitionsDto
            {
                SignalsByChannel = OverviewDefinitions.SignalsByChannel,
                CasesPerStage = OverviewDefinitions.CasesPerStage,
                Overdue = OverviewDefinitions.Overdue,
                TimePerStage = OverviewDefinitions.TimePerStage,
            }));
    }

    private void EnumMaps()
    {
        KebabEnum<LwoRoute>();
        KebabEnum<AtomOutcome>();
        KebabEnum<InterventionType>();
        KebabEnum<InterventionStatus>();
        KebabEnum<BibobKind>();
        KebabEnum<BibobOutcome>();
        KebabEnum<StreetDealingParty>();
        KebabEnum<AwarenessActivityKind>();
        KebabEnum<PhenomenonSubject>();
        KebabEnum<PhenomenonStudyOrigin>();
        KebabEnum<PhenomenonStudyStatus>();
        KebabEnum<SourceChannel>();
        KebabEnum<StageKind>();
        KebabEnum<HistoryKind>();
        KebabEnum<AccessAction>();
        KebabEnum<JobOutcome>();
        KebabEnum<EnrichmentProvider>();
        KebabEnum<FindingSource>();
        KebabEnum<FindingKind>();
        KebabEnum<FindingStatus>();
    }

    /// <summary>The one way an enum travels in the API: its name in kebab case.</summary>
    private void KebabEnum<T>() where T : struct, Enum => CreateMap<T, string>().ConvertUsing(v => Kebab(v));

    private static string Kebab<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    private static WorkflowDefinition Definition(ResolutionContext context) =>
        (WorkflowDefinition)context.Items[DefinitionItem];

    private static CaseViewRights Rights(ResolutionContext context) =>
        context.TryGetItems(out var items) && items.TryGetValue(RightsItem, out var rights) ? (CaseViewRights)rights : CaseViewRights.None;

    private static VisibleInformation Visible(ResolutionContext context) =>
        (VisibleInformation)context.Items[InformationItem];

    private static SeverityDto SeverityOf(WorkflowDefinition definition, Case @case) =>
        new() { Id = @case.Severity.Value, Label = definition.SeverityLabel(@case.Severity) };

    /// <summary>PascalCase enum names as the API spells them: MeldMisdaadAnoniem → meld-misdaad-anoniem.</summary>
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}
