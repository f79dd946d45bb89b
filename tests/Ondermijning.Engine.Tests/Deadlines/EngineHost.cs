using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Tests.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Deadlines;

/// <summary>
/// The engine's services over a real SQLite file with a fake clock, as one service instance would run them.
/// Two hosts on the same file model two instances of the service.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    public static readonly Actor Regisseur = new("test-oov", "Test OOV", Organisations.Gemeente, new HashSet<Role> { Role.OovRegisseur }, new HashSet<MunicipalityCode> { MunicipalityCode.Parse("GM0935") });

    private readonly ServiceProvider _services;

    private EngineHost(string databasePath, FakeClock clock, string workflowsFolder)
    {
        DatabasePath = databasePath;
        Clock = clock;
        var services = new ServiceCollection();
        services.Configure<StorageOptions>(o => o.SqlitePath = databasePath);
        services.Configure<WorkflowOptions>(o => o.Path = workflowsFolder);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOndermijningEngine(Path.GetDirectoryName(databasePath)!);
        services.RemoveAll<IClock>();
        services.AddSingleton<IClock>(clock);
        _services = services.BuildServiceProvider();
    }

    public string DatabasePath { get; }
    public FakeClock Clock { get; }

    /// <param name="workflowsFolder">The definitions the host runs; the shipped ones unless given.</param>
    public static async Task<EngineHost> StartAsync(string? databasePath = null, FakeClock? clock = null, string? workflowsFolder = null)
    {
        var host = new EngineHost(databasePath ?? NewDatabasePath(), clock ?? new FakeClock(Instant.FromUtc(2024, 6, 3, 8, 0)),
            workflowsFolder ?? ShippedDefinitionTests.ShippedFolder);
        await host._services.InitialiseEngineAsync();
        return host;
    }

    public static string NewDatabasePath() => Path.Combine(Scratch.NewFolder(), "ondermijning.db");

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<Case> RegisterAsync() => RunAsync<RegisterSignal, Case>(async r => (await r.HandleAsync(new SignalDetails(
        MunicipalityCode.Parse("GM0935"), SourceChannel.MeldMisdaadAnoniem, ReporterDetails.AnonymousReporter,
        "Veel korte bezoekjes bij een kapsalon", "kappers", ["drugshandel"], [], [], [], null), Regisseur)).Case);

    public Task<Case> FireAsync(CaseId id, string trigger, string? reason = null) => RunAsync<FireTrigger, Case>(f =>
        f.HandleAsync(id, new TriggerRequest(new TriggerId(trigger), reason, new Dictionary<string, string>()), null, Regisseur));

    /// <summary>
    /// The enrichment decision, the only way out of enrichment: a confirmation rests on a finding by hand, added here.
    /// </summary>
    public async Task<Case> DecideAsync(CaseId id, bool confirmed, string? reason = null, Actor? actor = null)
    {
        var by = actor ?? Regisseur;
        List<FindingId> basis = [];
        if (confirmed)
            basis.Add((await RunAsync<AddManualFinding, EnrichmentFinding>(a => a.HandleAsync(id, new ManualFindingDetails(FindingSource.SocialMedia,
                "Kapsalon", "Account toont vooral luxe auto's.", "https://www.instagram.com/kapsalon/", Clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date, "{}"),
                by))).Id);
        return await RunAsync<DecideEnrichment, Case>(d => d.HandleAsync(id, new EnrichmentVerdict(confirmed, reason, basis), by));
    }

    public Task<Case> GetAsync(CaseId id) => RunAsync<CaseQueries, Case>(q => q.GetAsync(id, Regisseur));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
