using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

/// <summary>What the engine does with a table's cases: which outcome it records there. The id of a table never says it.</summary>
public enum TableKind
{
    /// <summary>The LWO: its decisions route cases and are counted in the annual table.</summary>
    Lwo,
    /// <summary>ATOM: inspections are recorded for cases that were there.</summary>
    Atom,
    /// <summary>The MOT: interventions are recorded for cases that were there.</summary>
    Mot,
    /// <summary>A plain consultation (a signal meeting, a case meeting): an agenda and seating, no record of its own.</summary>
    Meeting,
}

/// <summary>A table as the vocabulary declares it ("lwo", "signalenoverleg", …).</summary>
public readonly record struct TableId(string Value)
{
    public override string ToString() => Value;
}

/// <param name="Name">The Dutch name the pages show ("LWO", "Signalenoverleg").</param>
/// <param name="DefaultSeating">Who sits there when a municipality configures nothing else.</param>
public sealed record TableDefinition(TableId Id, string Name, TableKind Kind, IReadOnlySet<OrganisationId> DefaultSeating);

/// <param name="Name">The Dutch name the pages show ("OOV-regisseur", "Privacyfunctionaris").</param>
/// <param name="PermissionsOf">The role of the permission table whose permissions this role holds; itself for a role the table names.</param>
public sealed record RoleDefinition(Role Id, string Name, Role PermissionsOf);

/// <summary>
/// The organisations, roles and tables of a deployment, as the functional administrator declares them in
/// <c>workflows/vocabulary.json</c>. Definitions, sign-ins and the seating configuration may only name what it declares,
/// so a typo cannot silently open a case to an organisation nobody reviewed.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<OrganisationId, Organisation> _organisations;
    private readonly Dictionary<Role, RoleDefinition> _roles;
    private readonly Dictionary<string, TableDefinition> _tables;

    public Vocabulary(IReadOnlyList<Organisation> organisations, IReadOnlyList<RoleDefinition> roles, IReadOnlyList<TableDefinition> tables)
    {
        Organisations = organisations;
        Roles = roles;
        Tables = tables;
        _organisations = organisations.ToDictionary(o => o.Id);
        _roles = roles.ToDictionary(r => r.Id);
        // Definitions written before tables were data spell them in capitals ("LWO"); a published version cannot change.
        _tables = tables.ToDictionary(t => t.Id.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Nothing declared: what the vocabulary file itself is read against.</summary>
    public static readonly Vocabulary Empty = new([], [], []);

    public IReadOnlyList<Organisation> Organisations { get; }
    public IReadOnlyList<RoleDefinition> Roles { get; }
    public IReadOnlyList<TableDefinition> Tables { get; }

    public bool IsKnown(OrganisationId id) => _organisations.ContainsKey(id);

    /// <summary>The organisation's Dutch name; its id when the vocabulary no longer declares it (a record from before).</summary>
    public string NameOf(OrganisationId id) => _organisations.TryGetValue(id, out var organisation) ? organisation.Name : id.Value;

    public RoleDefinition? FindRole(Role role) => _roles.GetValueOrDefault(role);

    public string NameOf(Role role) => FindRole(role)?.Name ?? role.Value;

    public TableDefinition? FindTable(string id) => _tables.GetValueOrDefault(id);

    /// <summary>Who sits at the tables of <paramref name="kind"/> unless a municipality says otherwise, by name: who takes part in an inspection.</summary>
    public IReadOnlyList<string> DefaultSeatingNames(TableKind kind) =>
        Tables.Where(t => t.Kind == kind).SelectMany(t => t.DefaultSeating).Distinct().Select(NameOf).ToList();
}
