using Ondermijning.Engine.Lwo;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// The outcomes the engine knows how to record and count; a step names one in its <c>records</c>. The last five are a
/// privacy protocol's (the CCV model protocol's): a weighing, the privacy officer's approval of the sources, the hit/no-hit
/// check, the decision to discuss the case in a case meeting, and the decision to take no action.
/// </summary>
public enum OutcomeKind { EnrichmentDecision, LwoDecision, AtomInspection, MotInterventions, Weighing, SourceApproval, HitCheck, CaseMeeting, NoAction }

/// <summary>
/// What an input means for the outcome its step records, whatever key the definition gives it: the annual table counts
/// an LWO decision by its meeting date and an inspection by its inspection date.
/// </summary>
public enum InputRole { MeetingDate, InspectionDate, ChainPartner }

/// <summary>What a step records besides the move itself, as its definition declares it.</summary>
/// <param name="Route">For an LWO decision: where the LWO sent the case.</param>
/// <param name="Confirmed">For an enrichment decision: whether the open sources confirmed the signal.</param>
/// <param name="Hit">For a hit/no-hit check: whether a partner knew the subject.</param>
public sealed record StepOutcome(OutcomeKind Kind, LwoRoute? Route = null, bool? Confirmed = null, bool? Hit = null)
{
    /// <summary>The outcomes a privacy protocol's steps record; a workflow that declares any of them gets its own section in the annual table.</summary>
    public static readonly IReadOnlySet<OutcomeKind> ProtocolKinds = new HashSet<OutcomeKind>
    {
        OutcomeKind.Weighing, OutcomeKind.SourceApproval, OutcomeKind.HitCheck, OutcomeKind.CaseMeeting, OutcomeKind.NoAction,
    };

    /// <summary>The names a definition uses for the outcome kinds.</summary>
    public static readonly IReadOnlyDictionary<string, OutcomeKind> KindNames = new Dictionary<string, OutcomeKind>(StringComparer.Ordinal)
    {
        ["enrichmentDecision"] = OutcomeKind.EnrichmentDecision,
        ["lwoDecision"] = OutcomeKind.LwoDecision,
        ["atomInspection"] = OutcomeKind.AtomInspection,
        ["motInterventions"] = OutcomeKind.MotInterventions,
        ["weighing"] = OutcomeKind.Weighing,
        ["sourceApproval"] = OutcomeKind.SourceApproval,
        ["hitCheck"] = OutcomeKind.HitCheck,
        ["caseMeeting"] = OutcomeKind.CaseMeeting,
        ["noAction"] = OutcomeKind.NoAction,
    };

    /// <summary>The route kinds the annual table counts, by the names a definition uses for them.</summary>
    public static readonly IReadOnlyDictionary<string, LwoRoute> RouteNames = new Dictionary<string, LwoRoute>(StringComparer.Ordinal)
    {
        ["politie"] = LwoRoute.Politie,
        ["handhaving-wabo"] = LwoRoute.HandhavingWabo,
        ["handhaving-openbare-ruimte"] = LwoRoute.HandhavingOpenbareRuimte,
        ["ketenpartner"] = LwoRoute.Ketenpartner,
        ["atom"] = LwoRoute.Atom,
        ["mot"] = LwoRoute.Mot,
        ["geen-vervolg"] = LwoRoute.GeenVervolg,
    };

    public static readonly IReadOnlyDictionary<string, InputRole> RoleNames = new Dictionary<string, InputRole>(StringComparer.Ordinal)
    {
        ["meetingDate"] = InputRole.MeetingDate,
        ["inspectionDate"] = InputRole.InspectionDate,
        ["chainPartner"] = InputRole.ChainPartner,
    };

    public static string NameOf(OutcomeKind kind) => KindNames.Single(k => k.Value == kind).Key;
    public static string NameOf(LwoRoute route) => RouteNames.Single(k => k.Value == route).Key;
    public static string NameOf(InputRole role) => RoleNames.Single(k => k.Value == role).Key;
}
