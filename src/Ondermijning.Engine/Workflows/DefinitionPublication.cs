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
    public async Task RecordAndVerifyAsync(CancellationToken cancellationToken = default)
    {
        var recorded = await db.WorkflowVersions.ToDictionaryAsync(v => new DefinitionKey(v.Workflow, v.Version), cancellationToken);
        var inUse = (await db.Cases
                .GroupBy(c => new { c.Workflow, c.DefinitionVersion })
                .Select(g => new { g.Key.Workflow, g.Key.DefinitionVersion, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => new DefinitionKey(x.Workflow, x.DefinitionVersion), x => x.Count);

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
                if (inUse.TryGetValue(definition.Key, out var count))
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

        foreach (var (key, count) in inUse.Where(x => catalog.Find(x.Key) is null))
            errors.Add(new DefinitionError(recorded.TryGetValue(key, out var gone) ? gone.SourceFile : key.ToString(), "$", null,
                $"{count} case(s) run on {key}, but no file defines it any more; restore the file"));

        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
        await db.SaveChangesAsync(cancellationToken);
    }
}
