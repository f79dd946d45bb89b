namespace Ondermijning.Engine.Privacy;

/// <summary>A partner organisation in the chain, by its id as definitions, claims and configuration spell it ("riec", "fiod", …).</summary>
public readonly record struct OrganisationId(string Value)
{
    public override string ToString() => Value;
}

/// <param name="Name">The Dutch name the pages show.</param>
public sealed record Organisation(OrganisationId Id, string Name);

/// <summary>
/// The organisations that take part are declared in the vocabulary (<see cref="Workflows.Vocabulary"/>); the list is closed
/// on purpose there: a gate or a sign-in that names anything else is a mistake.
/// </summary>
public static class Organisations
{
    /// <summary>The municipality itself, which every vocabulary declares: background jobs act for it.</summary>
    public static readonly OrganisationId Gemeente = new("gemeente");
}
