using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The real service over a real database (a fresh one unless given, see <see cref="TestDatabase"/>), with a fake clock.
/// Give two factories the same <see cref="Database"/> to model a restart or a second deployment.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static readonly Instant DefaultStart = Instant.FromUtc(2024, 6, 3, 8, 0);

    public ApiFactory(TestDatabase? database = null, string? workflowsPath = null, FakeClock? clock = null)
    {
        Database = database ?? TestDatabase.New();
        WorkflowsPath = workflowsPath ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        Clock = clock ?? new FakeClock(DefaultStart);
    }

    public TestDatabase Database { get; }
    public string WorkflowsPath { get; }
    public FakeClock Clock { get; }
    public IReadOnlyList<string> Roles { get; init; } = ["oov-regisseur"];
    public string UserId { get; init; } = "test-oov";
    public string Organisation { get; init; } = "Gemeente";
    /// <summary>More configuration, keys as in appsettings.json.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Database.Settings().Concat(Settings)) builder.UseSetting(key, value);
        builder.UseSetting("Workflows:Path", WorkflowsPath);
        builder.UseSetting("Identity:Development:UserId", UserId);
        builder.UseSetting("Identity:Development:Name", $"Test {UserId}");
        builder.UseSetting("Identity:Development:Organisation", Organisation);
        for (var i = 0; i < Roles.Count; i++) builder.UseSetting($"Identity:Development:Roles:{i}", Roles[i]);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }
}
