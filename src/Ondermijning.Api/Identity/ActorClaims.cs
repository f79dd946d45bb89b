using System.Security.Claims;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Identity;

public static class ActorClaims
{
    public const string Organisation = "organisation";

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no identifier claim."),
        user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)!,
        user.FindFirstValue(Organisation) ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => new Role(c.Value)).ToHashSet());
}
