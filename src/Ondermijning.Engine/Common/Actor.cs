using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Common;

/// <summary>The person acting on a case, as the host authenticated them: their organisation, roles and the municipalities they work for.</summary>
public sealed record Actor(string UserId, string DisplayName, OrganisationId Organisation, IReadOnlySet<Role> Roles,
    IReadOnlySet<MunicipalityCode> Municipalities)
{
    public bool HasRole(Role role) => Roles.Contains(role);

    /// <summary>The roles of the permission table whose permissions the actor holds: a vocabulary role holds another's.</summary>
    public IReadOnlySet<Role> PermissionRoles { get; init; } = Roles;

    public bool HasPermissionsOf(Role role) => PermissionRoles.Contains(role);
    public bool WorksFor(MunicipalityCode municipality) => Municipalities.Contains(municipality);
    public override string ToString() => $"{DisplayName} ({Organisation})";
}
