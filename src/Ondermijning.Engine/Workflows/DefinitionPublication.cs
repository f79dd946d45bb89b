using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Guards the promise that a running case's definition never changes under it: the database keeps the
/// content hash of every version it has seen, and a version in use whose file changed stops the service.
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
        foreach (var definition in catalog.All)
        {
            if (!recorded.TryGetValue(definition.Key, out var published))
            {
                db.WorkflowVersions.Add(new PublishedWorkflowVersion
                {
                    Workflow = definition.Key.Workflow,
                    Version = definition.Key.Version,
                    ContentHash = definition.ContentHash,
                    SourceFile = definition.SourceFile,
                    FirstSeenAt = clock.GetCurrentInstant(),
                });
            }
            else if (published.ContentHash != definition.ContentHash)
            {
                if (await CasesOnAsync(definition.Key, cancellationToken) is > 0 and var count)
                    errors.Add(new DefinitionError(definition.SourceFile, "$", null,
                        $"this file changed after {count} case(s) started on {definition.Key}; a version in use must not change. " +
                        $"Restore the file and publish the change as version {catalog.Versions(definition.Key.Workflow).Max(d => d.Key.Version) + 1}"));
                else
                {
                    // Nobody depends on it yet, so the author may still correct it.
                    published.ContentHash = definition.ContentHash;
                    published.SourceFile = definition.SourceFile;
                }
            }
        }

        foreach (var (key, gone) in recorded.Where(x => catalog.Find(x.Key) is null))
            if (await CasesOnAsync(key, cancellationToken) is > 0 and var count)
                errors.Add(new DefinitionError(gone.SourceFile, "$", null, $"{count} case(s) run on {key}, but no file defines it any more; restore the file"));

        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<int> CasesOnAsync(DefinitionKey key, CancellationToken cancellationToken) =>
        db.Cases.CountAsync(c => c.Workflow == key.Workflow && c.DefinitionVersion == key.Version, cancellationToken);
}
