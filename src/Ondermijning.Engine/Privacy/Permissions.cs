using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

/// <summary>
/// What a user may do, named once. Every endpoint and page declares one of these, and <see cref="AccessGate"/> decides
/// it from <see cref="Permissions.Table"/>; information items are further narrowed by the gates of the definition.
/// </summary>
public enum Permission
{
    /// <summary>See a case: its stage, history, subjects and outcomes (not the reporter, not item contents).</summary>
    ReadCase,
    /// <summary>Who reported a signal (name, contact).</summary>
    ReadReporter,
    RegisterSignal,
    /// <summary>Take a step; the transition's own role guards and, at a table, the seating narrow it further.</summary>
    TakeStep,
    RaiseSeverity,
    /// <summary>Read information items and findings; each one further by the gate it was added under.</summary>
    ReadInformation,
    AddInformation,
    ExportCase,
    RunEnrichment,
    AddFinding,
    DecideEnrichment,
    WriteFeedback,
    /// <summary>See the agenda of a table sitting; partners only at the tables their organisation is seated at.</summary>
    ReadAgenda,
    RecordAtomInspection,
    RecordIntervention,
    ManageInterventionKinds,
    /// <summary>Bibob screenings, closures, penalties, awareness activities and phenomenon studies.</summary>
    RecordEnforcement,
    ReadEnforcement,
    ReadPhenomenonProposals,
    ReadStatistics,
    ReadReports,
    ReadOverdue,
    ReadWorkflows,
    /// <summary>Write, check and publish definition versions (the functional administrator).</summary>
    PublishWorkflows,
    MigrateCases,
    /// <summary>
    /// Check and import a municipality's spreadsheet of past signals and steps. The OOV regisseur's alone: every row goes
    /// through registration and steps as the regisseur would take them, so the importer needs exactly those rights.
    /// </summary>
    ImportHistory,
    ReadAccessLog,
    RunRetention,
    ReadJobs,
}

/// <summary>A permission's rule: the roles that hold it, and whether at a table only the organisations seated there count.</summary>
public sealed record PermissionRule(IReadOnlySet<Role> Roles, bool SeatedAtTable = false, string? Description = null);

public static class Permissions
{
    private static readonly Role Oov = Role.OovRegisseur;
    private static readonly Role Participant = Role.TableParticipant;
    private static readonly Role Analyst = Role.Analyst;
    private static readonly Role Admin = Role.Administrator;
    private static readonly Role Statistics = Role.StatisticsReader;
    private static readonly Role PrivacyOfficer = Role.PrivacyOfficer;

    private static PermissionRule Rule(params Role[] roles) => new(roles.ToHashSet());

    /// <summary>
    /// The one permission table. The OOV regisseur directs the chain; partners work with contents at the tables they are
    /// seated at; administrators keep the system and its log; statistics readers count; the privacy officer reads a case and
    /// takes the steps a definition guards with that role (approving the sources). Everything is further limited to
    /// the municipalities the user works for.
    /// </summary>
    public static readonly IReadOnlyDictionary<Permission, PermissionRule> Table = new Dictionary<Permission, PermissionRule>
    {
        [Permission.ReadCase] = Rule(Oov, Participant, Analyst, Admin, Statistics, PrivacyOfficer),
        [Permission.ReadReporter] = Rule(Oov),
        [Permission.RegisterSignal] = Rule(Oov),
        [Permission.TakeStep] = new(new HashSet<Role> { Oov, Participant, Analyst, PrivacyOfficer }, SeatedAtTable: true),
        [Permission.RaiseSeverity] = Rule(Oov),
        [Permission.ReadInformation] = Rule(InformationAccess.ContentRoles.ToArray()),
        [Permission.AddInformation] = Rule(InformationAccess.ContentRoles.ToArray()),
        [Permission.ExportCase] = Rule(Oov, Participant, Analyst, Admin, Statistics, PrivacyOfficer),
        [Permission.RunEnrichment] = Rule(Oov),
        [Permission.AddFinding] = Rule(Oov),
        [Permission.DecideEnrichment] = Rule(Oov),
        [Permission.WriteFeedback] = Rule(Oov),
        [Permission.ReadAgenda] = new(new HashSet<Role> { Oov, Participant, Analyst }, SeatedAtTable: true),
        [Permission.RecordAtomInspection] = Rule(Oov),
        [Permission.RecordIntervention] = Rule(Oov),
        [Permission.ManageInterventionKinds] = Rule(Oov),
        [Permission.RecordEnforcement] = Rule(Oov),
        [Permission.ReadEnforcement] = Rule(Oov, Statistics),
        [Permission.ReadPhenomenonProposals] = Rule(Oov),
        [Permission.ReadStatistics] = Rule(Oov, Statistics),
        [Permission.ReadReports] = Rule(Oov, Statistics),
        [Permission.ReadOverdue] = Rule(Oov, Participant, Analyst),
        [Permission.ReadWorkflows] = Rule(Oov, Participant, Analyst, Admin, Statistics, PrivacyOfficer),
        [Permission.PublishWorkflows] = Rule(Admin),
        [Permission.MigrateCases] = Rule(Oov, Admin),
        [Permission.ImportHistory] = Rule(Oov),
        [Permission.ReadAccessLog] = Rule(Admin),
        [Permission.RunRetention] = Rule(Admin),
        [Permission.ReadJobs] = Rule(Admin),
    };

    public static PermissionRule RuleFor(Permission permission) =>
        Table.TryGetValue(permission, out var rule) ? rule : throw new InvalidOperationException($"Permission {permission} has no rule.");

    /// <summary>What a refusal says: the roles that may, in words a policy adviser reads ("an OOV regisseur or an analyst").</summary>
    public static string Who(Permission permission) => string.Join(" or ", RuleFor(permission).Roles.Select(RoleName).Order());

    // The role's id as well, so the refusal tells an administrator which role to grant.
    private static string RoleName(Role role) => role.Value switch
    {
        "oov-regisseur" => "an OOV regisseur (oov-regisseur)",
        "tafeldeelnemer" => "a table participant (tafeldeelnemer)",
        "analist" => "an analyst (analist)",
        "beheerder" => "an administrator (beheerder)",
        "statistiek" => "a statistics reader (statistiek)",
        "privacyfunctionaris" => "a privacy officer (privacyfunctionaris)",
        _ => $"a user with the role {role}",
    };

    /// <summary>Whether the actor holds the permission at all, before any municipality or seating is looked at.</summary>
    public static bool HasRoleFor(this Actor actor, Permission permission) => RuleFor(permission).Roles.Any(actor.HasPermissionsOf);

    /// <summary>
    /// Whether <paramref name="actor"/> holds <paramref name="permission"/> for something at <paramref name="table"/> in
    /// <paramref name="municipality"/>: the role, and for seated permissions the organisation's seat (the OOV regisseur
    /// directs every table of their municipality).
    /// </summary>
    public static bool Holds(this Actor actor, Permission permission, MunicipalityCode municipality, TableDefinition? table, TableSeating seating)
    {
        var rule = RuleFor(permission);
        if (!actor.WorksFor(municipality) || !rule.Roles.Any(actor.HasPermissionsOf)) return false;
        if (!rule.SeatedAtTable || table is not { } at || actor.HasPermissionsOf(Role.OovRegisseur)) return true;
        return seating.Seated(municipality, at).Contains(actor.Organisation);
    }
}
