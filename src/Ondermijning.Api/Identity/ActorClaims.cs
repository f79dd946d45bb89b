using System.Security.Claims;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Identity;

/// <summary>
/// The claims the service works with, whichever way the user signed in. Sign-in handlers translate into these,
/// so everything downstream depends on one shape only.
/// </summary>
public static class ActorClaims
{
    public const string Organisation = "organisation";
    public const string Municipality = "municipality";
    /// <summary>A role of the permission table whose permissions a role the vocabulary declares holds.</summary>
    public const string PermissionsOf = "permissions-of";

    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no identifier claim."),
        user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier)!,
        new OrganisationId(user.FindFirstValue(Organisation) ?? ""),
        user.FindAll(ClaimTypes.Role).Select(c => new Role(c.Value)).ToHashSet(),
        user.FindAll(Municipality).Select(c => MunicipalityCode.Parse(c.Value)).ToHashSet())
    {
        PermissionRoles = user.FindAll(ClaimTypes.Role).Concat(user.FindAll(PermissionsOf)).Select(c => new Role(c.Value)).ToHashSet(),
    };

    /// <summary>Builds the service's identity, or says in words why the sign-in cannot be accepted.</summary>
    public static (ClaimsIdentity? Identity, string? Refusal) Build(Vocabulary vocabulary, string scheme, string? userId, string? name, string? organisation,
        IEnumerable<string> roles, IEnumerable<string> municipalities)
    {
        if (string.IsNullOrWhiteSpace(userId)) return (null, "The sign-in does not identify the user.");
        if (organisation is null || !vocabulary.IsKnown(new OrganisationId(organisation)))
            return (null, $"The organisation '{organisation}' is not a partner in the chain; known are: {string.Join(", ", vocabulary.Organisations.Select(o => o.Id))}.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(name) ? userId : name),
            new(Organisation, organisation),
        };
        foreach (var role in roles.Select(r => vocabulary.FindRole(new Role(r))).OfType<RoleDefinition>())
        {
            claims.Add(new Claim(ClaimTypes.Role, role.Id.Value));
            if (role.PermissionsOf != role.Id) claims.Add(new Claim(PermissionsOf, role.PermissionsOf.Value));
        }
        foreach (var text in municipalities.SelectMany(m => m.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!MunicipalityCode.TryParse(text, out var code)) return (null, $"'{text}' is not a CBS municipality code like GM0935.");
            claims.Add(new Claim(Municipality, code.Value));
        }
        return (new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role), null);
    }
}
