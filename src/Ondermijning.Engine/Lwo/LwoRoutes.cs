using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Lwo;

/// <summary>
/// The LWO route of a step is what its definition declares it records (<c>"records": { "outcome": "lwoDecision",
/// "route": … }</c>), so renaming a stage or trigger in a new version never changes what the annual table counts.
/// </summary>
public static class LwoRoutes
{
    public static LwoRoute? RouteOf(TransitionDefinition transition) =>
        transition.Records is { Kind: OutcomeKind.LwoDecision, Route: { } route } ? route : null;
}
