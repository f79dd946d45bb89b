using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Every published definition version. Versions are only ever added (a published version is immutable), by the files
/// at start-up and by publishing at runtime; readers see one consistent snapshot without locking.
/// </summary>
public sealed class WorkflowCatalog
{
    private volatile IReadOnlyDictionary<DefinitionKey, WorkflowDefinition> _byKey;
    private readonly IReadOnlyDictionary<MunicipalityCode, WorkflowId> _perMunicipality;
    private readonly Lock _adding = new();

    public WorkflowCatalog(Vocabulary vocabulary, IEnumerable<WorkflowDefinition> definitions, WorkflowId defaultWorkflow,
        IReadOnlyDictionary<MunicipalityCode, WorkflowId>? perMunicipality = null)
    {
        Vocabulary = vocabulary;
        _byKey = definitions.ToDictionary(d => d.Key);
        DefaultWorkflow = defaultWorkflow;
        _perMunicipality = perMunicipality ?? new Dictionary<MunicipalityCode, WorkflowId>();
    }

    /// <summary>
    /// The configured workflows must exist once the files and the database are read (a workflow may have been published at
    /// runtime only): a typo would otherwise send a municipality's signals nowhere.
    /// </summary>
    public IReadOnlyList<DefinitionError> UnknownConfiguredWorkflows()
    {
        var loaded = _byKey.Keys.Select(k => k.Workflow).ToHashSet();
        return _perMunicipality.Select(x => (Setting: $"Workflows:Municipalities:{x.Key}", Workflow: x.Value))
            .Prepend((Setting: "Workflows:DefaultWorkflow", Workflow: DefaultWorkflow))
            .Where(x => !loaded.Contains(x.Workflow))
            .Select(x => new DefinitionError("(configuration)", x.Setting, null,
                $"the workflow '{x.Workflow}' has no definition; loaded: {string.Join(", ", loaded.Select(w => w.Value).Order())}"))
            .ToList();
    }

    /// <summary>Called when a key is not in the catalog: another instance may have published it since.</summary>
    public Func<DefinitionKey, IReadOnlyList<WorkflowDefinition>>? LoadMissing { get; set; }

    public WorkflowId DefaultWorkflow { get; }

    /// <summary>What every definition, sign-in and seating may name; versions published at runtime are read against it too.</summary>
    public Vocabulary Vocabulary { get; }

    public int Count => _byKey.Count;

    public IEnumerable<WorkflowDefinition> All => _byKey.Values.OrderBy(d => d.Key.Workflow.Value).ThenBy(d => d.Key.Version);

    /// <summary>The workflow a municipality's new signals start on: its own setting, else the deployment's default.</summary>
    public WorkflowId WorkflowFor(MunicipalityCode municipality) => _perMunicipality.GetValueOrDefault(municipality, DefaultWorkflow);

    public IReadOnlyList<WorkflowId> Workflows => [.. _byKey.Keys.Select(k => k.Workflow).Distinct().OrderBy(w => w.Value)];

    /// <summary>
    /// The tables of the vocabulary that a stage of some version sits at: the agendas worth offering. A table declared for a
    /// workflow not yet published has no cases to discuss.
    /// </summary>
    public IEnumerable<TableDefinition> TablesInUse =>
        Vocabulary.Tables.Where(t => _byKey.Values.Any(d => d.Stages.Any(s => s.Table?.Id == t.Id)));

    /// <summary>Whether this instance holds the version already, without asking the database.</summary>
    public bool Holds(DefinitionKey key) => _byKey.ContainsKey(key);

    public WorkflowDefinition? Find(DefinitionKey key)
    {
        if (_byKey.TryGetValue(key, out var definition)) return definition;
        if (LoadMissing?.Invoke(key) is { Count: > 0 } published) Add(published);
        return _byKey.GetValueOrDefault(key);
    }

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
                $"Workflow '{workflow}' has no published version; ask an administrator to publish one.");

    /// <summary>Adds published versions; a version already present is left as it is, since published versions never change.</summary>
    public void Add(IEnumerable<WorkflowDefinition> published)
    {
        lock (_adding)
        {
            var next = new Dictionary<DefinitionKey, WorkflowDefinition>(_byKey);
            foreach (var definition in published) next.TryAdd(definition.Key, definition);
            _byKey = next;
        }
    }
}
