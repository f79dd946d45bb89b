using AutoMapper;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Cases;

/// <summary>A case with the definition version it runs under, which names its stage and severity.</summary>
public sealed record DefinedCase(Case Case, WorkflowDefinition Definition);

/// <summary>
/// A case as one reader sees it: the steps open to them, the information items they may read (as the access gate let
/// <c>CaseInformation</c> read and log them) and what else of the case they may see.
/// </summary>
public record CaseView(Case Case, WorkflowDefinition Definition, IReadOnlyList<AvailableStep> Steps, VisibleInformation Information,
    CaseViewRights Rights);

/// <summary>A case this request has just registered, with the reporter's receipt code (none for Meld Misdaad Anoniem).</summary>
public sealed record RegisteredCase : CaseView
{
    public RegisteredCase(CaseView view, ReceiptCode? receipt) : base(view) => Receipt = receipt;

    public ReceiptCode? Receipt { get; }
}

/// <summary>What of a case beyond its course a reader sees: the reporter's identity, and the reasons and notes written on it.</summary>
public sealed record CaseViewRights(bool Reporter, bool Notes);

/// <summary>One entry of a case's course, with what its reader may see of the reasons and notes written on it.</summary>
public sealed record HistoryEntryView(CaseHistoryEntry Entry, CaseViewRights Rights);

/// <summary>
/// Cases as the API answers them. What depends on the definition or on the reader comes in the source record
/// (<see cref="DefinedCase"/>, <see cref="CaseView"/>), typed, so a caller cannot leave it out; the case's own fields come
/// from the case through <c>IncludeMembers</c> (the maps from a bare case leave out what it alone cannot say, and only
/// serve the views' maps).
/// </summary>
public sealed class CaseMappingProfile : Profile
{
    private static readonly IReadOnlyDictionary<string, string> NoNotes = new Dictionary<string, string>();

    public CaseMappingProfile()
    {
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
            .ForMember(d => d.Stage, o => o.Ignore())
            .ForMember(d => d.Severity, o => o.Ignore());
        CreateMap<DefinedCase, CaseSummaryDto>()
            .IncludeMembers(s => s.Case)
            .ForMember(d => d.Stage, o => o.MapFrom(s => s.Definition.Stage(s.Case.Stage)))
            .ForMember(d => d.Severity, o => o.MapFrom(s => SeverityOf(s.Definition, s.Case)));

        CreateMap<Case, CaseDetailDto>()
            .ForMember(d => d.Stage, o => o.Ignore())
            .ForMember(d => d.Severity, o => o.Ignore())
            .ForMember(d => d.Reporter, o => o.Ignore())
            .ForMember(d => d.History, o => o.Ignore())
            .ForMember(d => d.AvailableSteps, o => o.Ignore())
            .ForMember(d => d.Items, o => o.Ignore())
            .ForMember(d => d.WithheldItemCount, o => o.Ignore());
        CreateMap<CaseView, CaseDetailDto>()
            .IncludeMembers(v => v.Case)
            .ForMember(d => d.Stage, o => o.MapFrom(v => v.Definition.Stage(v.Case.Stage)))
            .ForMember(d => d.Severity, o => o.MapFrom(v => SeverityOf(v.Definition, v.Case)))
            .ForMember(d => d.Reporter, o => o.MapFrom((v, _) => v.Rights.Reporter
                ? new ReporterDto { Anonymous = v.Case.ReporterAnonymous, Name = v.Case.ReporterName, Contact = v.Case.ReporterContact }
                : new ReporterDto { Anonymous = v.Case.ReporterAnonymous, Withheld = !v.Case.ReporterAnonymous }))
            .ForMember(d => d.History, o => o.MapFrom(v => v.Case.History.Select(h => new HistoryEntryView(h, v.Rights))))
            .ForMember(d => d.AvailableSteps, o => o.MapFrom(v => v.Steps))
            .ForMember(d => d.Items, o => o.MapFrom(v => v.Information.Items))
            .ForMember(d => d.WithheldItemCount, o => o.MapFrom(v => v.Information.WithheldCount));
        CreateMap<RegisteredCase, RegisteredSignalDto>()
            .IncludeBase<CaseView, CaseDetailDto>()
            .ForMember(d => d.ReceiptCode, o => o.MapFrom(r => r.Receipt.HasValue ? r.Receipt.Value.Value : null));

        CreateMap<CaseEscalation, EscalationDto>();
        CreateMap<CasePerson, PersonDto>();
        CreateMap<CaseCompany, CompanyDto>();
        CreateMap<CaseAddress, AddressDto>();
        CreateMap<CaseHistoryEntry, HistoryEntryDto>()
            .ForMember(d => d.Reason, o => o.Ignore())
            .ForMember(d => d.Information, o => o.Ignore())
            .ForMember(d => d.Actor, o => o.MapFrom(s => new ActorDto { Id = s.ActorId, Name = s.ActorName, Organisation = s.ActorOrganisation }));
        CreateMap<HistoryEntryView, HistoryEntryDto>()
            .IncludeMembers(h => h.Entry)
            .ForMember(d => d.Reason, o => o.MapFrom(h => h.Rights.Notes ? h.Entry.Reason : null))
            .ForMember(d => d.Information, o => o.MapFrom(h => h.Rights.Notes ? h.Entry.Information : NoNotes));

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
    }

    private static SeverityDto SeverityOf(WorkflowDefinition definition, Case @case) =>
        new() { Id = @case.Severity.Value, Label = definition.SeverityLabel(@case.Severity) };
}
