using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

/// <summary>What a draft is: checked and stored, or every problem found in it.</summary>
public sealed record DraftOutcome(StoredWorkflowVersion? Stored, WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors, bool Created)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>A version as people read it: in force or a draft, who published it, and what it changes against the version before.</summary>
public sealed record WorkflowVersionView(WorkflowDefinition Definition, WorkflowVersionState State, Instant? PublishedAt, string? PublishedBy,
    IReadOnlyList<DefinitionChange> Changes);

/// <summary>
/// A functional administrator writes a new version as a draft, checks it against the same rules as a file at start-up
/// (every problem in one pass, with its path and line), and publishes it with the date it applies from. Publishing puts
/// it in force on every instance; from then on it never changes.
/// </summary>
public sealed class WorkflowPublishing(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    /// <summary>Checks <paramref name="json"/> and stores it as the draft of its version; an invalid draft is not stored.</summary>
    /// <param name="version">When editing: the draft's number, which the content must keep.</param>
    public async Task<DraftOutcome> SaveAsync(WorkflowId workflow, int? version, byte[] json, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.PublishWorkflows);
        if (version is null && await db.RecordedBeforeAsync<StoredWorkflowVersion>(cancellationToken) is { } earlier)
            return new DraftOutcome(earlier, null, [], false);
        var errors = new List<DefinitionError>();
        var source = $"{workflow} (concept)";
        var definition = DefinitionLoader.Parse(json, source, errors, catalog.Vocabulary);
        if (definition is null) return new DraftOutcome(null, null, errors, false);

        if (definition.Key.Workflow != workflow)
            errors.Add(new DefinitionError(source, "$.id", null, $"this draft is for workflow '{workflow}'; 'id' says '{definition.Key.Workflow}'"));
        if (version is { } editing && editing != definition.Key.Version)
            errors.Add(new DefinitionError(source, "$.version", null, $"you are editing the draft of version {editing}; 'version' must stay {editing}"));
        var highest = catalog.Versions(workflow).Select(d => d.Key.Version).DefaultIfEmpty(0).Max();
        if (definition.Key.Version <= highest)
            errors.Add(new DefinitionError(source, "$.version", null,
                $"version {highest} is published and published versions never change; give this draft number {highest + 1} or higher"));
        if (errors.Count > 0) return new DraftOutcome(null, definition, errors, false);

        var stored = await db.WorkflowVersions.FirstOrDefaultAsync(v => v.Workflow == workflow && v.Version == definition.Key.Version, cancellationToken);
        if (stored is { State: WorkflowVersionState.Published })
            throw new EngineProblem(ProblemKind.Conflict, "This version is published",
                $"Version {definition.Key.Version} of '{workflow}' is published meanwhile; give the draft a higher number.");
        // Creating is one request, editing another: a second "create" of a number already drafted would overwrite someone's work.
        if (version is null && stored is not null)
            throw new EngineProblem(ProblemKind.Conflict, "A draft of this version exists",
                $"Version {definition.Key.Version} of '{workflow}' already has a draft (written by {stored.WrittenBy}); edit that draft, or give yours another number.");
        if (version is not null && stored is null)
            throw new EngineProblem(ProblemKind.NotFound, "Draft not found", $"There is no draft of version {version} of workflow '{workflow}'.");
        var created = stored is null;
        if (stored is null)
        {
            stored = new StoredWorkflowVersion
            {
                Workflow = workflow,
                Version = definition.Key.Version,
                State = WorkflowVersionState.Draft,
                FirstSeenAt = clock.GetCurrentInstant(),
            };
            db.AddRecord(stored, stored.FirstSeenAt);
        }
        stored.Content = definition.Content;
        stored.ContentHash = definition.ContentHash;
        stored.SourceFile = source;
        stored.WrittenBy = actor.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return new DraftOutcome(stored, definition, [], created);
    }

    /// <summary>Puts a draft in force from <paramref name="appliesFrom"/>, on this instance at once and on the others at their next request.</summary>
    public async Task<WorkflowDefinition> PublishAsync(WorkflowId workflow, int version, LocalDate appliesFrom, Actor actor,
        CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.PublishWorkflows);
        var fields = new Fields();
        fields.Check(appliesFrom, "appliesFrom");
        fields.ThrowIfAny();
        var stored = await db.WorkflowVersions.FirstOrDefaultAsync(v => v.Workflow == workflow && v.Version == version, cancellationToken)
            ?? throw new EngineProblem(ProblemKind.NotFound, "Draft not found", $"There is no draft of version {version} of workflow '{workflow}'.");
        if (stored.State == WorkflowVersionState.Published)
            throw new EngineProblem(ProblemKind.Conflict, "Already published",
                $"Version {version} of '{workflow}' is already published; a change needs a new version.");
        if (catalog.Versions(workflow).Any(d => d.Key.Version >= version))
            throw new EngineProblem(ProblemKind.Conflict, "A higher version is published",
                $"Version {catalog.Versions(workflow).Max(d => d.Key.Version)} of '{workflow}' was published meanwhile; renumber this draft.");

        // The date is part of the content, so that the published text says when it applies and its hash covers that.
        var node = JsonNode.Parse(stored.Content ?? "", documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        node["appliesFrom"] = LocalDatePattern.Iso.Format(appliesFrom);
        var content = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var errors = new List<DefinitionError>();
        var source = $"{workflow} v{version} (published at runtime)";
        var definition = DefinitionLoader.Parse(Encoding.UTF8.GetBytes(content), source, errors, catalog.Vocabulary)
            ?? throw new WorkflowDefinitionException(errors);

        var now = clock.GetCurrentInstant();
        stored.State = WorkflowVersionState.Published;
        stored.Content = content;
        stored.ContentHash = definition.ContentHash;
        stored.SourceFile = source;
        stored.PublishedAt = now;
        stored.PublishedBy = actor.UserId;
        await db.SaveChangesAsync(cancellationToken);
        catalog.Add([definition]);
        return definition;
    }

    /// <summary>
    /// A published version, or a draft for those who may publish (to anyone else a draft does not exist). A draft that no
    /// longer passes the rules is reported as not found with its problems by <see cref="FindAsync"/>, not shown here.
    /// </summary>
    public async Task<WorkflowVersionView> ViewAsync(DefinitionKey key, Actor actor, CancellationToken cancellationToken = default)
    {
        var stored = await db.WorkflowVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Workflow == key.Workflow && v.Version == key.Version, cancellationToken);
        var definition = catalog.Find(key);
        if (definition is null && stored is { State: WorkflowVersionState.Draft } && actor.HasRoleFor(Permission.PublishWorkflows))
            definition = PublishedVersions.Parse(stored, catalog.Vocabulary, []);
        if (definition is null)
            throw new EngineProblem(ProblemKind.NotFound, "Workflow version not found", $"There is no version {key.Version} of workflow '{key.Workflow}'.");
        var previous = catalog.Versions(key.Workflow).LastOrDefault(d => d.Key.Version < key.Version);
        return new WorkflowVersionView(definition, stored?.State ?? WorkflowVersionState.Published, stored?.PublishedAt, stored?.PublishedBy,
            DefinitionChanges.Between(previous, definition));
    }

    /// <summary>The drafts not yet published, for the administrator's page.</summary>
    public async Task<IReadOnlyList<StoredWorkflowVersion>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.PublishWorkflows);
        return await db.WorkflowVersions.AsNoTracking().Where(v => v.State == WorkflowVersionState.Draft)
            .OrderBy(v => v.Workflow).ThenBy(v => v.Version).ToListAsync(cancellationToken);
    }

    /// <summary>One draft, checked again (the rules may have changed since it was written).</summary>
    public async Task<DraftOutcome?> FindAsync(WorkflowId workflow, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.PublishWorkflows);
        var stored = await db.WorkflowVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Workflow == workflow && v.Version == version && v.State == WorkflowVersionState.Draft, cancellationToken);
        if (stored is null) return null;
        var errors = new List<DefinitionError>();
        var definition = PublishedVersions.Parse(stored, catalog.Vocabulary, errors);
        return new DraftOutcome(stored, definition, errors, false);
    }
}
