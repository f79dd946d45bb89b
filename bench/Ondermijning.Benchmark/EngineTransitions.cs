using Ondermijning.Engine.Privacy;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Ondermijning.Engine;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Statistics;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Benchmark;

/// <summary>Persisted transitions per second through the engine itself (no HTTP): load, check guards, append history, commit.</summary>
public static class EngineTransitions
{
    private static readonly Actor Regisseur = new("bench", "Benchmark regisseur", Organisations.Gemeente, new HashSet<Role> { Role.OovRegisseur },
        SampleData.Municipalities.Select(MunicipalityCode.Parse).ToHashSet());

    /// <summary>A step's request, or null for the enrichment decision, which is taken with the finding it rests on.</summary>
    private static readonly TriggerRequest?[] Route =
    [
        new(new TriggerId("start-verrijking"), null, new Dictionary<string, string>()),
        null,
        new(new TriggerId("naar-politie"), "Besproken in de LWO", new Dictionary<string, string> { ["vergaderdatum"] = "2025-03-04" }),
    ];

    public static ServiceProvider Engine(BenchDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.Configure<StorageOptions>(database.Configure);
        services.Configure<WorkflowOptions>(_ => { });
        services.Configure<StatisticsOptions>(o => o.Regions[SampleData.Region] = [.. SampleData.Municipalities]);
        services.AddOndermijningEngine(AppContext.BaseDirectory);
        return services.BuildServiceProvider();
    }

    public static async Task<double> RunAsync(BenchDatabase database, BenchOptions options)
    {
        await using var engine = Engine(database);
        await engine.InitialiseEngineAsync();

        // Warm up with the same work, unmeasured, so tiered JIT has settled (as for intake).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < options.WarmUp) await WalkAsync(engine, await RegisterAsync(engine, 100), options.Clients);

        var ids = await RegisterAsync(engine, (options.Transitions + Route.Length - 1) / Route.Length);
        var clock = Stopwatch.StartNew();
        await WalkAsync(engine, ids, options.Clients);
        return ids.Length * Route.Length / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A case and the finding its enrichment decision rests on, added before the clock runs.</summary>
    private sealed record Walk(CaseId Id, FindingId Basis);

    private static async Task<Walk[]> RegisterAsync(ServiceProvider engine, int count)
    {
        var ids = new Walk[count];
        for (var i = 0; i < count; i++)
        {
            await using var scope = engine.CreateAsyncScope();
            var signal = new SignalDetails(MunicipalityCode.Parse(SampleData.Municipalities[i % SampleData.Municipalities.Length]),
                SourceChannel.MeldingGemeente, ReporterDetails.AnonymousReporter, $"Signaal {i}", "horeca", ["witwassen"], [], [], [], null);
            var id = (await scope.ServiceProvider.GetRequiredService<RegisterSignal>().HandleAsync(signal, Regisseur)).Case.Id;
            var finding = await scope.ServiceProvider.GetRequiredService<AddManualFinding>().HandleAsync(id, new ManualFindingDetails(
                FindingSource.News, "Horecazaak", "Bericht over de zaak.", "https://www.example.nl/nieuws", new LocalDate(2025, 1, 1), "{}"), Regisseur);
            ids[i] = new Walk(id, finding.Id);
        }
        return ids;
    }

    /// <summary>Each worker walks its own cases down the route, so every transition commits and none is lost to a conflict.</summary>
    private static Task WalkAsync(ServiceProvider engine, Walk[] ids, int workers)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < ids.Length; i = Interlocked.Increment(ref next))
                foreach (var step in Route)
                {
                    await using var scope = engine.CreateAsyncScope();
                    if (step is null)
                        await scope.ServiceProvider.GetRequiredService<DecideEnrichment>().HandleAsync(ids[i].Id,
                            new EnrichmentVerdict(true, null, [ids[i].Basis]), Regisseur);
                    else await scope.ServiceProvider.GetRequiredService<FireTrigger>().HandleAsync(ids[i].Id, step, null, Regisseur);
                }
        })));
    }
}
