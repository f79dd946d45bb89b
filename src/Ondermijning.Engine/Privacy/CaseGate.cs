using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Privacy;

/// <summary>What a user outside a <see cref="CaseGate"/>'s readers learns of a case at its stages.</summary>
public enum OthersSee
{
    /// <summary>That the case exists, its stage, dates and severity: not its description, subjects, reporter or history texts.</summary>
    Existence,
    /// <summary>Nothing: the case is not found, as if it were another municipality's.</summary>
    Nothing,
}

/// <summary>
/// How much of a case a user sees, decided by the case's stage: its content, that it exists, or nothing. The protocol
/// keeps the first steps of a signal inside the municipality this way; items keep their own gates on top.
/// </summary>
public enum CaseView { Content, Existence, Nothing }

/// <summary>
/// One rule of the privacy protocol for the case itself, declared in the definition: at <see cref="Stages"/> only
/// <see cref="Readers"/> see the case's content (description, persons, companies, addresses, reporter, history reasons and
/// step information); other users who may read cases see what <see cref="Others"/> says. A stage no case gate names is
/// open to every user who may read cases, as the shipped chain has it.
/// </summary>
public sealed record CaseGate(string Id, IReadOnlySet<StageId> Stages, IReadOnlySet<OrganisationId> Readers, OthersSee Others)
{
    public CaseView ViewOf(Actor actor) =>
        Readers.Contains(actor.Organisation) ? CaseView.Content : Others == OthersSee.Existence ? CaseView.Existence : CaseView.Nothing;
}
