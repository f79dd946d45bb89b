namespace Ondermijning.Engine.Common;

/// <summary>The person acting on a case, as the host authenticated them.</summary>
public sealed record Actor(string UserId, string DisplayName, string Organisation, IReadOnlySet<Role> Roles)
{
    public bool HasRole(Role role) => Roles.Contains(role);
    public override string ToString() => $"{DisplayName} ({Organisation})";
}
