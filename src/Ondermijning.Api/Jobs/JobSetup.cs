using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Ondermijning.Engine.Persistence;
using Microsoft.Extensions.Options;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Jobs;

public static class JobSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary>On PostgreSQL the job queue lives in the service's own database, in a schema of its own.</summary>
    public const string PostgresSchema = "hangfire";

    public static IServiceCollection AddEngineJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));

        // Hangfire's defaults are process-wide (JobStorage.Current, JobActivator.Current). Registered per service
        // provider instead, two hosts in one process never run each other's jobs against each other's database.
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var kind = sp.GetRequiredService<IOptions<JobsOptions>>().Value.Storage
                ?? (database.Provider == StorageProvider.PostgreSql ? JobStorageKind.PostgreSql : JobStorageKind.InMemory);
            return kind switch
            {
                JobStorageKind.PostgreSql when database.Provider != StorageProvider.PostgreSql => throw new StartupRefusal(
                    "Jobs:Storage is PostgreSql, but the service does not run on PostgreSQL (Storage:Provider); remove Jobs:Storage, " +
                    "set it to InMemory or set Storage:Provider=PostgreSql."),
                JobStorageKind.PostgreSql => OneInstanceAtATime(database.RequiredConnectionString(), () => new PostgreSqlStorage(
                    new NpgsqlConnectionFactory(database.RequiredConnectionString(), new PostgreSqlStorageOptions { SchemaName = PostgresSchema }),
                    new PostgreSqlStorageOptions { SchemaName = PostgresSchema, PrepareSchemaIfNecessary = true })),
                _ => new InMemoryStorage(),
            };
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Read here, not from the options later: the server is a hosted service, registered or not.
        if (configuration.GetSection(JobsOptions.Section).GetValue(nameof(JobsOptions.Server), true))
            services.AddHangfireServer((sp, server) => server.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount);
        services.AddScoped<EngineJobs>();
        services.AddScoped<MigrationJobs>();
        services.AddSingleton<ReportCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportCatchUp>());
        return services;
    }

    /// <summary>Advisory locks are per database; this one is Hangfire's schema, apart from the engine's migrations.</summary>
    private const long SchemaLockKey = 0x48616e6766697265; // "Hangfire"

    /// <summary>
    /// Hangfire creates and upgrades its schema without a lock of its own, so instances starting together on a new
    /// database race and leave it half made. They take turns, as for the engine's migrations.
    /// </summary>
    private static JobStorage OneInstanceAtATime(string connectionString, Func<JobStorage> prepare)
    {
        // A singleton's factory cannot await; it runs once, at start-up, where no synchronisation context can deadlock.
        var turn = PostgresStartup.TurnAsync(connectionString, SchemaLockKey, CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            return prepare();
        }
        finally
        {
            turn.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// At every start-up: (re)registers the recurring jobs and queues the taking up of unfinished migrations. The scheduler's
    /// storage may be empty after a restart, and the jobs derive their work from our database, so nothing is lost by
    /// starting afresh.
    /// </summary>
    public static void ScheduleJobs(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var schedule = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(Amsterdam.Zone.Id) };
        jobs.AddOrUpdate<EngineJobs>(JobNames.Escalation, j => j.EscalateOverdueCasesAsync(CancellationToken.None), options.EscalationCron, schedule);
        jobs.AddOrUpdate<EngineJobs>(JobNames.MonthlyOverview, j => j.ProduceMonthlyOverviewAsync(CancellationToken.None), options.MonthlyOverviewCron, schedule);
        jobs.AddOrUpdate<EngineJobs>(JobNames.AnnualDraft, j => j.ProduceAnnualDraftAsync(CancellationToken.None), options.AnnualDraftCron, schedule);
        jobs.AddOrUpdate<EngineJobs>(JobNames.Retention, j => j.PurgeExpiredPersonalDataAsync(CancellationToken.None), options.RetentionCron, schedule);
        jobs.AddOrUpdate<EngineJobs>(JobNames.Enrichment, j => j.EnrichNewSignalsAsync(CancellationToken.None), options.EnrichmentCron, schedule);
        jobs.AddOrUpdate<EngineJobs>(JobNames.AccessLogAnchor, j => j.AnchorAccessLogAsync(CancellationToken.None), options.AccessLogAnchorCron, schedule);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<MigrationJobs>(j => j.ResumeAsync(CancellationToken.None));
    }

    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            AsyncAuthorization = [new AdministratorsOnlyDashboardFilter()],
            DashboardTitle = "Ondermijning — achtergrondtaken",
            DisplayStorageConnectionString = false,
        });
}
