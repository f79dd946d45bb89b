using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Lwo;

/// <summary>
/// Derives the LWO route from a definition instead of keeping a second list that could drift from it, and without
/// editing definition versions that cases already run on (their content hash is frozen).
/// <para>A step is an LWO decision when it leaves the LWO table, or leaves a work stage that the LWO itself sends
/// cases to while weighing (v2's Bibob advice). Its route is its target: the ATOM or MOT table, or one of the
/// hand-over stages below. Any other target (asking Bibob advice, back to the LWO) is not a decision yet.</para>
/// </summary>
public static class LwoRoutes
{
    public static readonly IReadOnlyDictionary<StageId, LwoRoute> HandOverStages = new Dictionary<StageId, LwoRoute>
    {
        [new StageId("politie")] = LwoRoute.Politie,
        [new StageId("handhaving-wabo")] = LwoRoute.HandhavingWabo,
        [new StageId("handhaving-openbare-ruimte")] = LwoRoute.HandhavingOpenbareRuimte,
        [new StageId("ketenpartner")] = LwoRoute.Ketenpartner,
        [new StageId("geen-vervolg")] = LwoRoute.GeenVervolg,
    };

    public static LwoRoute? RouteOf(WorkflowDefinition definition, TransitionDefinition transition)
    {
        var from = definition.Stage(transition.From);
        var weighing = from.Table == ChainTable.Lwo || (from.Kind == StageKind.Work && IsLwoSideStep(definition, from.Id));
        if (!weighing) return null;

        var to = definition.Stage(transition.To);
        return to.Table switch
        {
            ChainTable.Atom => LwoRoute.Atom,
            ChainTable.Mot => LwoRoute.Mot,
            ChainTable.Lwo => null,
            _ => HandOverStages.TryGetValue(to.Id, out var route) ? route : null,
        };
    }

    private static bool IsLwoSideStep(WorkflowDefinition definition, StageId stage) =>
        definition.Transitions.Any(t => t.To == stage && definition.Stage(t.From).Table == ChainTable.Lwo);
}
