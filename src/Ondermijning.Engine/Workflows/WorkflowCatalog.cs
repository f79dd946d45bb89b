using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Workflows;

/// <summary>All loaded definition versions; immutable after start-up.</summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<DefinitionKey, WorkflowDefinition> _byKey;

    public WorkflowCatalog(IEnumerable<WorkflowDefinition> definitions, WorkflowId defaultWorkflow)
    {
        _byKey = definitions.ToDictionary(d => d.Key);
        DefaultWorkflow = defaultWorkflow;
        if (!_byKey.Keys.Any(k => k.Workflow == defaultWorkflow))
            throw new WorkflowDefinitionException([new DefinitionError("(configuration)", "Workflows:DefaultWorkflow", null,
                $"the default workflow '{defaultWorkflow}' has no definition; loaded: {string.Join(", ", _byKey.Keys.Select(k => k.Workflow).Distinct())}")]);
    }

    public WorkflowId DefaultWorkflow { get; }

    public IEnumerable<WorkflowDefinition> All => _byKey.Values.OrderBy(d => d.Key.Workflow.Value).ThenBy(d => d.Key.Version);

    public WorkflowDefinition? Find(DefinitionKey key) => _byKey.GetValueOrDefault(key);

    public WorkflowDefinition Get(DefinitionKey key) =>
        Find(key) ?? throw new EngineProblem(ProblemKind.NotFound, "Workflow version not found",
            $"There is no version {key.Version} of workflow '{key.Workflow}'.");

    public IReadOnlyList<WorkflowDefinition> Versions(WorkflowId workflow) =>
        _byKey.Values.Where(d => d.Key.Workflow == workflow).OrderBy(d => d.Key.Version).ToList();

    /// <summary>
    /// The version that applies on <paramref name="date"/>: the highest whose <c>appliesFrom</c> has come by then. Versions
    /// may apply from any date, and the oldest also covers every date before its own: a municipality that moves its
    /// history into the engine, or a signal received before the first version was published, is registered on the first
    /// chain it has rather than refused.
    /// </summary>
    public WorkflowDefinition NewestApplying(WorkflowId workflow, LocalDate date) =>
        Versions(workflow) is { Count: > 0 } versions
            ? versions.LastOrDefault(d => d.AppliesFrom <= date) ?? versions[0]
            : throw new EngineProblem(ProblemKind.Conflict, "No workflow applies",
                $"Workflow '{workflow}' has no version; ask an administrator to publish one.");
}
