using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Data.Common;
using Npgsql;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Idempotency;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine;

public static class EngineServices
{
    /// <param name="contentRoot">Where a relative data-file path is resolved. A relative workflows path is resolved
    /// against the application folder, because the definitions ship with the binaries.</param>
    public static IServiceCollection AddOndermijningEngine(this IServiceCollection services, string contentRoot)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WorkflowOptions>>().Value;
            var folder = Path.GetFullPath(options.Path, AppContext.BaseDirectory);
            var vocabulary = DefinitionLoader.LoadVocabulary(Path.Combine(folder, DefinitionLoader.VocabularyFile));
            return new WorkflowCatalog(vocabulary, DefinitionLoader.LoadFolder(folder, vocabulary), new WorkflowId(options.DefaultWorkflow),
                WorkflowPerMunicipality(options));
        });
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowCatalog>().Vocabulary);
        services.AddSingleton<PublishedVersionsSync>();
        services.AddScoped<WorkflowPublishing>();

        // Pooled: a context is set up once and reset between requests; setting one up per request showed in profiles.
        // Interceptors the host registers (a test that watches the statements) come after the engine's own.
        services.AddDbContextPool<SqliteOndermijningDbContext>((sp, db) =>
            Quiet(db).UseSqlite(SqliteConnectionString(Path.GetFullPath(Storage(sp).SqlitePath, contentRoot), Storage(sp).SqliteBusyTimeoutSeconds))
                .AddInterceptors(sp.GetServices<IInterceptor>().Prepend(SqliteSecureDelete)));
        services.AddDbContextPool<PostgresOndermijningDbContext>((sp, db) =>
            Quiet(db).UseNpgsql(PostgresConnectionString(Storage(sp).RequiredConnectionString()),
                npgsql => npgsql.UseNodaTime()).AddInterceptors(sp.GetServices<IInterceptor>()));
        // The shared model is used through the subclass (and so the migrations) of the configured provider.
        services.AddScoped<DataScope>();
        services.AddScoped<RequestIdempotency>();
        services.AddScoped<OndermijningDbContext>(sp =>
        {
            OndermijningDbContext db = Storage(sp).Provider switch
            {
                StorageProvider.PostgreSql => sp.GetRequiredService<PostgresOndermijningDbContext>(),
                _ => sp.GetRequiredService<SqliteOndermijningDbContext>(),
            };
            // A pooled context keeps its properties between units of work: each lease gets this one's scope.
            db.Scope = sp.GetRequiredService<DataScope>();
            db.Idempotency = sp.GetRequiredService<RequestIdempotency>();
            return db;
        });
        services.AddScoped<AccessGate>();
        services.AddScoped<Search.SearchCases>();
        services.AddScoped<Search.RelatedCases>();
        services.AddScoped<Search.BackfillSearchTerms>();
        services.AddScoped<Search.CaseCodes>();

        services.AddScoped<RegisterSignal>();
        services.AddSingleton<SignalCommitter>();
        services.AddScoped<FireTrigger>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<MigrateCases>();
        services.AddScoped<DefinitionPublication>();
        services.AddEnrichment();
        services.AddDeadlines();
        services.AddSingleton<TableSeating>();
        services.AddSingleton<InformationAccess>();
        services.AddSingleton(sp => new AccessLogAnchors(AccessLogAnchorPath(sp, contentRoot)));
        services.AddScoped<AccessLog>();
        services.AddScoped<CaseInformation>();
        services.AddScoped<RaiseSeverity>();
        services.AddScoped<RetentionPurge>();
        services.AddScoped<Receipts>();
        services.AddChainOutcomes();
        return services;
    }

    /// <param name="busyTimeoutSeconds">How long a write waits for another writer's lock before it gives up with SQLITE_BUSY.</param>
    public static string SqliteConnectionString(string file, int busyTimeoutSeconds = 30) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = busyTimeoutSeconds }.ToString();

    /// <summary>
    /// Unless the connection string says otherwise, statements the engine runs again and again (registering, stepping,
    /// reading a case) are prepared once per connection, so PostgreSQL does not parse and plan them for every request.
    /// </summary>
    public static string PostgresConnectionString(string connectionString)
    {
        // Npgsql's own builder reports every keyword it knows as present, so ask the plain parser what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (written.ContainsKey("Max Auto Prepare") || written.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <summary>
    /// Unless configured, next to the data: beside the SQLite file, or for PostgreSQL in the same data folder under the
    /// database's name, so that two databases never share one anchor file.
    /// </summary>
    private static string AccessLogAnchorPath(IServiceProvider services, string contentRoot)
    {
        if (services.GetRequiredService<IOptions<PrivacyOptions>>().Value.AccessLogAnchor.Path is { Length: > 0 } configured)
            return Path.GetFullPath(configured, contentRoot);
        var storage = Storage(services);
        var sqliteFile = Path.GetFullPath(storage.SqlitePath, contentRoot);
        var name = storage.Provider == StorageProvider.PostgreSql
            ? new NpgsqlConnectionStringBuilder(storage.ConnectionString).Database ?? "ondermijning"
            : Path.GetFileNameWithoutExtension(sqliteFile);
        return Path.Combine(Path.GetDirectoryName(sqliteFile)!, $"{name}.access-log-anchors.jsonl");
    }

    private static readonly SqliteOndermijningDbContext.SecureDelete SqliteSecureDelete = new();

    private static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    // A lost concurrency race is an ordinary 409 for the user, not an error for the operator; an unreachable database
    // is logged once per request by the host's problem handler (503), and at start-up it stops the service with the reason;
    // migrating a new PostgreSQL database first fails to connect to it by design. Genuine failures still surface.
    // A model change shipped without its migration is caught before it ships (MigrationsTests in the engine tests), so
    // start-up does not compare the whole model with the migrations' snapshot every time, which cost it about a tenth of a
    // second of CPU.
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder db) =>
        db.ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug))
            .Ignore(RelationalEventId.PendingModelChangesWarning));

    private static Dictionary<MunicipalityCode, WorkflowId> WorkflowPerMunicipality(WorkflowOptions options)
    {
        var wrong = options.Municipalities.Keys.Where(code => !MunicipalityCode.TryParse(code, out _)).ToList();
        if (wrong.Count > 0)
            throw new StartupRefusal($"Workflows:Municipalities names {string.Join(", ", wrong)}, which is not a CBS municipality code like GM0935.");
        return options.Municipalities.ToDictionary(x => MunicipalityCode.Parse(x.Key), x => new WorkflowId(x.Value.Trim()));
    }

    /// <summary>
    /// Everything that must hold before the service takes a request: valid definitions, an up-to-date
    /// schema, no definition in use that changed, and a due date for every case that should have one.
    /// Any failure stops start-up with the reason.
    /// </summary>
    public static async Task InitialiseEngineAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // The definitions are read beside the building of the EF model, the largest part of start-up; a fault in them
        // still stops start-up before the database is touched.
        var definitions = Task.Run(() =>
        {
            _ = services.GetRequiredService<WorkflowCatalog>();
            _ = services.GetRequiredService<PublishedVersionsSync>();
            _ = services.GetRequiredService<TableSeating>();
        }, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        _ = db.Model;
        await definitions;
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        }
        // SQLite serves one instance; instances on one PostgreSQL database may start together and take turns here.
        await using var turn = db.Database.IsNpgsql() ? await PostgresStartup.TakeTurnAsync(db.Database, cancellationToken) : null;
        // Reading the applied migrations is all a restart needs; migrating takes the migrations lock, a write.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            // WAL keeps readers off the writers' backs; it is a property of the file and persists.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DefinitionPublication>().RecordAndVerifyAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<BackfillStays>().RunAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Search.BackfillSearchTerms>().RunAsync(cancellationToken);
    }
}
