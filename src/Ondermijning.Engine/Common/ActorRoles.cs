namespace Ondermijning.Engine.Common;

public static class ActorRoles
{
    /// <summary>Refuses with a 403-style problem unless the actor holds one of <paramref name="roles"/>.</summary>
    /// <param name="what">What the actor tried, as a policy adviser would say it ("record an ATOM inspection").</param>
    public static void Require(this Actor actor, string what, params Role[] roles)
    {
        if (!roles.Any(actor.HasPermissionsOf))
            throw new EngineProblem(ProblemKind.Forbidden, "You may not do this",
                $"Only a user with the role {string.Join(" or ", roles)} may {what}.");
    }
}
