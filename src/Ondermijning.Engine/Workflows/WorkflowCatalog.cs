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

    /// <summary>The version new cases start on: the highest whose date has come.</summary>
    public WorkflowDefinition NewestApplying(WorkflowId workflow, LocalDate today) =>
        Versions(workflow).LastOrDefault(d => d.AppliesFrom <= today)
        ?? throw new EngineProblem(ProblemKind.Conflict, "No workflow applies yet",
            $"No version of workflow '{workflow}' applies on {today:yyyy-MM-dd}; ask an administrator to publish one.");
}
