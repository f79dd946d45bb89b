using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Brings the files and the database together at start-up. The database keeps every published version's content and
/// hash: a file version not seen before is published; a version in use whose file changed stops the service (a running
/// case's rules never change under it); versions published at runtime are read back into the catalog.
/// </summary>
public sealed class DefinitionPublication(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    /// <remarks>
    /// Runs at every start-up, so it reads no case unless a file changed or went missing: every version a case runs on was
    /// recorded here before the case could start, so the recorded versions say which ones to ask about, and then one
    /// index lookup per version does.
    /// </remarks>
    public async Task RecordAndVerifyAsync(CancellationToken cancellationToken = default)
    {
        var recorded = await db.WorkflowVersions.ToDictionaryAsync(v => new DefinitionKey(v.Workflow, v.Version), cancellationToken);

        var errors = new List<DefinitionError>();
        foreach (var definition in catalog.All.ToList())
        {
            if (!recorded.TryGetValue(definition.Key, out var stored))
            {
                var now = clock.GetCurrentInstant();
                db.WorkflowVersions.Add(new StoredWorkflowVersion
                {
                    Workflow = definition.Key.Workflow,
                    Version = definition.Key.Version,
                    ContentHash = definition.ContentHash,
                    Content = definition.Content,
                    SourceFile = definition.SourceFile,
                    FirstSeenAt = now,
                    PublishedAt = now,
                });
            }
            else if (stored.ContentHash != definition.ContentHash)
            {
                if (await CasesOnAsync(definition.Key, cancellationToken) is > 0 and var count)
                    errors.Add(new DefinitionError(definition.SourceFile, "$", null,
                        $"this file changed after {count} case(s) started on {definition.Key}; a version in use must not change. " +
                        $"Restore the file and publish the change as version {catalog.Versions(definition.Key.Workflow).Max(d => d.Key.Version) + 1}"));
                else
                {
                    // Nobody depends on it yet, so the author may still correct it; a draft of that number becomes this file.
                    stored.ContentHash = definition.ContentHash;
                    stored.Content = definition.Content;
                    stored.SourceFile = definition.SourceFile;
                    stored.State = WorkflowVersionState.Published;
                    stored.PublishedAt ??= clock.GetCurrentInstant();
                }
            }
            else stored.Content ??= definition.Content;
        }

        // Published at runtime (no file): read back, so that every instance holds the same versions after a restart.
        var runtime = recorded.Values
            .Where(v => v.State == WorkflowVersionState.Published && v.Content is not null && !catalog.Holds(new DefinitionKey(v.Workflow, v.Version)))
            .Select(v => PublishedVersions.Parse(v, catalog.Vocabulary, errors))
            .OfType<WorkflowDefinition>()
            .ToList();

        foreach (var (key, gone) in recorded.Where(x => x.Value.State == WorkflowVersionState.Published && !catalog.Holds(x.Key) && runtime.All(d => d.Key != x.Key)))
            if (await CasesOnAsync(key, cancellationToken) is > 0 and var count)
                errors.Add(new DefinitionError(gone.SourceFile, "$", null,
                    $"{count} case(s) run on {key}, but no file defines it any more and the database holds no content for it; restore the file"));

        catalog.Add(runtime);
        errors.AddRange(catalog.UnknownConfiguredWorkflows());
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<int> CasesOnAsync(DefinitionKey key, CancellationToken cancellationToken) =>
        db.Cases.CountAsync(c => c.Workflow == key.Workflow && c.DefinitionVersion == key.Version, cancellationToken);
}

/// <summary>Reads published versions back from the database, at start-up and when another instance published one.</summary>
public static class PublishedVersions
{
    public static WorkflowDefinition? Parse(StoredWorkflowVersion stored, Vocabulary vocabulary, List<DefinitionError> errors) =>
        DefinitionLoader.Parse(Encoding.UTF8.GetBytes(stored.Content ?? ""), stored.SourceFile, errors, vocabulary);

    /// <summary>The published versions the catalog does not hold yet.</summary>
    public static List<WorkflowDefinition> NotYetIn(WorkflowCatalog catalog, IEnumerable<StoredWorkflowVersion> published)
    {
        var errors = new List<DefinitionError>();
        var definitions = published
            .Where(v => !catalog.Holds(new DefinitionKey(v.Workflow, v.Version)))
            .Select(v => Parse(v, catalog.Vocabulary, errors)).OfType<WorkflowDefinition>().ToList();
        // A version was valid when it was published; one that no longer parses is a fault of the code, not of the user.
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        return definitions;
    }
}
