namespace Ondermijning.Engine.Common;

public readonly record struct CaseId(Guid Value)
{
    public static CaseId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out CaseId id)
    {
        var ok = Guid.TryParse(text, out var guid);
        id = new CaseId(guid);
        return ok;
    }
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a stage within one workflow definition ("lwo", "verrijking", …).</summary>
public readonly record struct StageId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The name of a step a user takes to move a case ("naar-lwo", …).</summary>
public readonly record struct TriggerId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct WorkflowId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>One version of one workflow: what a case is pinned to.</summary>
public readonly record struct DefinitionKey(WorkflowId Workflow, int Version)
{
    public override string ToString() => $"{Workflow} v{Version}";
}

/// <summary>A severity ("zwaarte") level as named in the case's definition; order comes from that definition.</summary>
public readonly record struct Severity(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// A role as the vocabulary declares it. The five here are the roles of the permission table
/// (<see cref="Privacy.Permissions.Table"/>); a role declared only in the vocabulary holds the permissions of one of them.
/// </summary>
public readonly record struct Role(string Value)
{
    public static readonly Role OovRegisseur = new("oov-regisseur");
    public static readonly Role TableParticipant = new("tafeldeelnemer");
    public static readonly Role Analyst = new("analist");
    public static readonly Role Administrator = new("beheerder");
    public static readonly Role StatisticsReader = new("statistiek");
    /// <summary>The municipality's privacy officer, who approves which sources a privacy protocol's step may consult.</summary>
    public static readonly Role PrivacyOfficer = new("privacyfunctionaris");

    public override string ToString() => Value;
}
