using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Keeps this instance's catalog level with the database, so a version published on any instance is in force on every
/// instance without a restart. Requests call <see cref="CatchUpAsync"/>, which asks the database at most once per
/// <see cref="Interval"/> (one count over a table of a few rows); a case on a version this instance has not read yet loads
/// it on the spot through <see cref="WorkflowCatalog.LoadMissing"/>.
/// </summary>
public sealed class PublishedVersionsSync
{
    // Elapsed machine time, not the domain's clock: this paces database reads, and a test's frozen clock must not stop it.
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IServiceScopeFactory _scopes;
    private readonly WorkflowCatalog _catalog;
    private readonly SemaphoreSlim _one = new(1, 1);
    private long _checkedAt;

    public PublishedVersionsSync(IServiceScopeFactory scopes, WorkflowCatalog catalog)
    {
        (_scopes, _catalog) = (scopes, catalog);
        catalog.LoadMissing = LoadOne;
    }

    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if ((_checkedAt != 0 && Stopwatch.GetElapsedTime(_checkedAt) < Interval) || !await _one.WaitAsync(0, cancellationToken)) return;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
            var published = db.WorkflowVersions.AsNoTracking().Where(v => v.State == WorkflowVersionState.Published && v.Content != null);
            if (await published.CountAsync(cancellationToken) > _catalog.Count)
                _catalog.Add(PublishedVersions.NotYetIn(_catalog, await published.ToListAsync(cancellationToken)));
            _checkedAt = Stopwatch.GetTimestamp();
        }
        finally
        {
            _one.Release();
        }
    }

    private IReadOnlyList<WorkflowDefinition> LoadOne(DefinitionKey key)
    {
        using var scope = _scopes.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>().WorkflowVersions.AsNoTracking()
            .Where(v => v.Workflow == key.Workflow && v.Version == key.Version && v.State == WorkflowVersionState.Published && v.Content != null)
            .ToList();
        return PublishedVersions.NotYetIn(_catalog, stored);
    }
}
