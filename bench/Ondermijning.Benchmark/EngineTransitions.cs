using Ondermijning.Engine.Privacy;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ondermijning.Engine;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
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

    private static readonly TriggerRequest[] Route =
    [
        new(new TriggerId("start-verrijking"), null, new Dictionary<string, string>()),
        new(new TriggerId("bevestigd-naar-lwo"), null, new Dictionary<string, string>()),
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

        var cases = (options.Transitions + Route.Length - 1) / Route.Length;
        var ids = new CaseId[cases];
        for (var i = 0; i < cases; i++)
        {
            await using var scope = engine.CreateAsyncScope();
            var signal = new SignalDetails(MunicipalityCode.Parse(SampleData.Municipalities[i % SampleData.Municipalities.Length]),
                SourceChannel.MeldingGemeente, ReporterDetails.AnonymousReporter, $"Signaal {i}", "horeca", ["witwassen"], [], [], [], null);
            ids[i] = (await scope.ServiceProvider.GetRequiredService<RegisterSignal>().HandleAsync(signal, Regisseur)).Case.Id;
        }

        // Each worker walks its own cases down the route, so every transition commits and none is lost to a conflict.
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < cases; i = Interlocked.Increment(ref next))
                foreach (var step in Route)
                {
                    await using var scope = engine.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<FireTrigger>().HandleAsync(ids[i], step, null, Regisseur);
                }
        })));
        return cases * Route.Length / clock.Elapsed.TotalSeconds;
    }
}
