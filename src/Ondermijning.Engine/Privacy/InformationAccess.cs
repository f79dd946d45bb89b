using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

/// <summary>
/// The privacy protocol as a decision: who may add and who may read which item. Every read path asks here, so
/// there is one rule and not one per endpoint.
/// </summary>
public sealed class InformationAccess(WorkflowCatalog catalog, TableSeating seating)
{
    /// <summary>
    /// The roles that work with case contents. Administrators keep the system and its log, statistics readers count;
    /// neither needs to read what partners share.
    /// </summary>
    public static readonly IReadOnlySet<Role> ContentRoles = new HashSet<Role> { Role.OovRegisseur, Role.TableParticipant, Role.Analyst };

    public Vocabulary Vocabulary => catalog.Vocabulary;

    /// <summary>Of the organisations a gate lists, those that count: at a table, only the ones the case's municipality seats there.</summary>
    public IReadOnlySet<OrganisationId> Audience(Case @case, StageDefinition stage, IReadOnlySet<OrganisationId> listed) =>
        stage.Table is { } table ? listed.Intersect(seating.Seated(@case.Municipality, table)).ToHashSet() : listed;

    public bool MayRead(Case @case, InformationItem item, Actor actor)
    {
        if (!ContentRoles.Any(actor.HasPermissionsOf) || !actor.WorksFor(@case.Municipality)) return false;
        var definition = catalog.Get(@case.Definition);
        var stage = definition.FindStage(item.AddedAtStage);
        // A gate that no longer exists (e.g. after a migration) grants nothing: the protocol fails closed.
        var gate = stage is null ? null : definition.GateFor(item.AddedAtStage, item.Category, item.AddedAtSeverity, item.AddedByOrganisation);
        return gate is not null && Audience(@case, stage!, gate.Readers).Contains(actor.Organisation);
    }

    /// <summary>Why it was shared: the table and stage of the gate it was added under.</summary>
    public string Purpose(Case @case, StageId stage)
    {
        var definition = catalog.Get(@case.Definition);
        var found = definition.FindStage(stage);
        return found?.Table is { } table ? $"{table.Id.Value.ToUpperInvariant()} / {stage}" : stage.Value;
    }

    /// <summary>The gate that lets <paramref name="actor"/> add <paramref name="category"/> now; otherwise a refusal naming the rule.</summary>
    public InformationGate GateForAdding(Case @case, InformationCategory category, Actor actor)
    {
        var (gate, refusal) = DecideAdding(@case, category, actor);
        return gate ?? throw refusal!;
    }

    /// <summary>The categories <paramref name="actor"/> may add to the case as it stands, so a form offers only those.</summary>
    public IReadOnlyList<InformationCategory> AddableCategories(Case @case, Actor actor) =>
        Enum.GetValues<InformationCategory>().Where(category => DecideAdding(@case, category, actor).Gate is not null).ToList();

    private (InformationGate? Gate, EngineProblem? Refusal) DecideAdding(Case @case, InformationCategory category, Actor actor)
    {
        if (!ContentRoles.Any(actor.HasPermissionsOf))
            return (null, new EngineProblem(ProblemKind.Forbidden, "You may not add information",
                $"Only a user with the role {string.Join(" or ", ContentRoles)} adds information to a case."));

        var definition = catalog.Get(@case.Definition);
        var stage = definition.Stage(@case.Stage);
        var categoryName = InformationTerms.Name(category);
        var open = definition.OpenGates(@case.Stage, category, @case.Severity);
        if (open.Count == 0)
        {
            var atStage = definition.Gates.Where(g => g.Stage == @case.Stage && g.Category == category).ToList();
            return (null, new EngineProblem(ProblemKind.RuleViolation, "The privacy protocol does not allow this information here",
                atStage.Count == 0
                    ? $"No gate of the privacy protocol ({definition.Key}) allows {categoryName} information at stage '{stage.Label}'."
                    : $"Gate '{atStage[0].Id}' allows {categoryName} information at stage '{stage.Label}' only from severity " +
                      $"'{definition.SeverityLabel(atStage.MinBy(g => definition.Rank(g.MinimumSeverity))!.MinimumSeverity)}'; " +
                      $"the case's severity is '{definition.SeverityLabel(@case.Severity)}'."));
        }

        var gate = open.Where(g => Audience(@case, stage, g.AddedBy).Contains(actor.Organisation))
            .OrderByDescending(g => definition.Rank(g.MinimumSeverity)).FirstOrDefault();
        if (gate is null)
            return (null, new EngineProblem(ProblemKind.Forbidden, "Your organisation may not add this information here",
                string.Join(" ", open.Select(g => $"Gate '{g.Id}' of the privacy protocol lets only {Names(Audience(@case, stage, g.AddedBy))} " +
                    $"add {categoryName} information at stage '{stage.Label}'.")) +
                $" You sign in for {Vocabulary.NameOf(actor.Organisation)}."));
        return (gate, null);
    }

    private string Names(IReadOnlySet<OrganisationId> organisations) =>
        organisations.Count == 0 ? "nobody" : string.Join(", ", organisations.Select(Vocabulary.NameOf));
}
