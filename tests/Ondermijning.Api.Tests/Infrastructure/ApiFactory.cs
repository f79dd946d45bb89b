using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The real service over a real SQLite file in a fresh temporary folder, with a fake clock.
/// Give two factories the same <see cref="DatabasePath"/> to model a restart or a second deployment.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly Instant DefaultStart = Instant.FromUtc(2024, 6, 3, 8, 0);

    public ApiFactory(string? databasePath = null, string? workflowsPath = null, FakeClock? clock = null)
    {
        DatabasePath = databasePath ?? NewDatabasePath();
        WorkflowsPath = workflowsPath ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        Clock = clock ?? new FakeClock(DefaultStart);
    }

    public string DatabasePath { get; }
    public string WorkflowsPath { get; }
    public FakeClock Clock { get; }
    public IReadOnlyList<string> Roles { get; init; } = ["oov-regisseur"];
    public string UserId { get; init; } = "test-oov";
    public string Organisation { get; init; } = "Gemeente";
    /// <summary>Further configuration, for example the enrichment registers' addresses and keys.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Serves on a real loopback port, for a real browser.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First());
    }
    /// <summary>Replaces services after the service's own registrations, e.g. to make a job fail.</summary>
    public Action<IServiceCollection>? ReplaceServices { get; init; }

    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ondermijning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, "ondermijning.db");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:SqlitePath", DatabasePath);
        builder.UseSetting("Workflows:Path", WorkflowsPath);
        builder.UseSetting("Identity:Development:UserId", UserId);
        builder.UseSetting("Identity:Development:Name", $"Test {UserId}");
        builder.UseSetting("Identity:Development:Organisation", Organisation);
        for (var i = 0; i < Roles.Count; i++) builder.UseSetting($"Identity:Development:Roles:{i}", Roles[i]);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            ReplaceServices?.Invoke(services);
        });
    }
}
