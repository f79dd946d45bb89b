using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Privacy;

/// <summary>
/// One rule of the privacy protocol, declared in the workflow definition: at <see cref="Stage"/>, from
/// <see cref="MinimumSeverity"/> up, information of <see cref="Category"/> may be added by <see cref="AddedBy"/>
/// and read by <see cref="Readers"/>. At a table, only organisations the municipality seats there count.
/// </summary>
public sealed record InformationGate(
    string Id,
    StageId Stage,
    Severity MinimumSeverity,
    InformationCategory Category,
    IReadOnlySet<OrganisationId> AddedBy,
    IReadOnlySet<OrganisationId> Readers)
{
    /// <summary>
    /// How old information under this gate may be, counted back from today by its <see cref="InformationItem.InformationDate"/>;
    /// older information is refused, so a protocol can say that stale information is not to be shared. None means any age.
    /// </summary>
    public Period? MaximumAge { get; init; }
}

/// <summary>
/// How long personal data of a closed case are kept: <see cref="AfterFinal"/> after reaching any final stage,
/// unless <see cref="PerStage"/> names a shorter or longer period for that stage (e.g. signals not confirmed).
/// </summary>
public sealed record RetentionPolicy(Period AfterFinal, IReadOnlyDictionary<StageId, Period> PerStage)
{
    public Period PeriodFor(StageId finalStage) => PerStage.GetValueOrDefault(finalStage) ?? AfterFinal;
}
