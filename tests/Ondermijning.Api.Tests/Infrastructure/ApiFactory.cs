using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using Ondermijning.Api.Jobs;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The real service over a real database (a fresh one unless given, see <see cref="TestDatabase"/>), with a fake clock
/// and real sign-in: clients carry signed test tokens (<see cref="TestTokens"/>) for the user described by <see cref="UserId"/>,
/// <see cref="Organisation"/>, <see cref="Roles"/> and <see cref="Municipalities"/>.
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
    public string Organisation { get; init; } = "gemeente";
    public IReadOnlyList<string> Municipalities { get; init; } = ["GM0935"];
    public string Environment { get; init; } = "Development";
    /// <summary>False models a deployment where nobody configured an identity provider.</summary>
    public bool WithIdentityProvider { get; init; } = true;
    /// <summary>Turns on the demo users, as on the embedded default, for the pages' sign-in in browser tests.</summary>
    public bool DemoUsers { get; init; }
    /// <summary>
    /// Runs a real Hangfire server, for a test that triggers or awaits a job. Off by default, so that hosts can run side
    /// by side; a class that turns it on belongs in <see cref="JobServerCollection"/> (a browser class runs in the browser pass,
    /// where no other host runs a job server). The queue and the recurring
    /// schedules are there either way, as shipped.
    /// </summary>
    public bool JobServer { get; init; }
    /// <summary>
    /// Waits, before the first request, for the reports a start-up catches up on in the background, so a test sees them as
    /// a user who comes a little later would. Off for a test about that background work itself.
    /// </summary>
    public bool AwaitReportCatchUp { get; init; } = true;
    /// <summary>Extra settings, e.g. a lower rate limit or the enrichment registers' addresses and keys.</summary>
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


    /// <summary>A client signed in as someone else than the factory's user.</summary>
    public HttpClient CreateClientFor(string userId, string organisation, IEnumerable<string> roles, IEnumerable<string>? municipalities = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(userId, organisation, roles, municipalities));
        return client;
    }

    /// <summary>A client without any sign-in, as a reporter on the internet.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>
    /// A stopped host leaves its idle PostgreSQL connections in this process's pools (the engine's and the job queue's);
    /// over a whole test pass they would add up to the server's connection limit and starve the service processes that
    /// later tests start.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Database.Provider == StorageProvider.PostgreSql) NpgsqlConnection.ClearAllPools();
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (AwaitReportCatchUp) host.Services.GetRequiredService<ReportCatchUp>().Completion.WaitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        return host;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(UserId, Organisation, Roles, Municipalities));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Database.Settings()) builder.UseSetting(key, value);
        builder.UseSetting("Workflows:Path", WorkflowsPath);
        builder.UseSetting("Identity:Development:Enabled", DemoUsers ? "true" : "false");
        builder.UseSetting("Jobs:Server", JobServer ? "true" : "false");
        if (WithIdentityProvider)
        {
            builder.UseSetting("Identity:Jwt:SigningKey", TestTokens.SigningKey);
            builder.UseSetting("Identity:Jwt:Issuer", TestTokens.Issuer);
            builder.UseSetting("Identity:Jwt:Audience", TestTokens.Audience);
        }
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            // One factory that outlives every host, because Hangfire's log provider is process-wide (see TestLogs).
            services.RemoveAll<ILoggerFactory>();
            services.AddSingleton(TestLogs.Factory);
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
            ReplaceServices?.Invoke(services);
        });
    }
}
