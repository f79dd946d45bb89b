using AutoMapper;
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
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Mapping;

/// <summary>
/// How the engine's small value types travel in every slice's answers: an id as its GUID or text, an enum as its name in
/// kebab case. Each slice maps its own records in a profile beside its endpoints (<c>CaseMappingProfile</c> and the
/// others), and relies on these.
/// </summary>
public sealed class ValueMappingProfile : Profile
{
    public ValueMappingProfile()
    {
        CreateMap<CaseId, Guid>().ConvertUsing(id => id.Value);
        CreateMap<CaseId?, Guid?>().ConvertUsing(id => id.HasValue ? id.Value.Value : null);
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
    private void KebabEnum<T>() where T : struct, Enum => CreateMap<T, string>().ConvertUsing(v => ApiSpelling.Kebab(v));
}

/// <summary>How the API spells the engine's names.</summary>
public static class ApiSpelling
{
    /// <summary>PascalCase enum names as the API spells them: MeldMisdaadAnoniem → meld-misdaad-anoniem.</summary>
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));

    public static string Kebab<T>(T value) where T : struct, Enum => Kebab(value.ToString());
}
