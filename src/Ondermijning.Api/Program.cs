using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Ondermijning.Api;
using Ondermijning.Api.Access;
using Ondermijning.Api.Atom;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Deadlines;
using Ondermijning.Api.Enrichment;
using Ondermijning.Api.Hosting;
using Ondermijning.Api.Idempotency;
using Ondermijning.Api.Imports;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Interventions;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Lwo;
using Ondermijning.Api.Mapping;
using Ondermijning.Api.Mot;
using Ondermijning.Api.Pages;
using Ondermijning.Api.Privacy;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Search;
using Ondermijning.Api.Signals;
using Ondermijning.Api.Statistics;
using Ondermijning.Api.Workflows;
using Ondermijning.Engine;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Statistics;
using Ondermijning.Engine.Workflows;

// `dotnet Ondermijning.Api.dll verify-access-log` checks the access log's hash chain and exits: 0 intact, 1 broken.
var verifyAccessLog = args.FirstOrDefault() == "verify-access-log";
var builder = WebApplication.CreateBuilder(verifyAccessLog ? args[1..] : args);

try
{
    builder.Services.Configure<WorkflowOptions>(builder.Configuration.GetSection(WorkflowOptions.Section));
    builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
    builder.Services.Configure<EnrichmentOptions>(builder.Configuration.GetSection(EnrichmentOptions.Section));
    builder.Services.Configure<PrivacyOptions>(builder.Configuration.GetSection(PrivacyOptions.Section));
    builder.Services.Configure<StatisticsOptions>(builder.Configuration.GetSection(StatisticsOptions.Section));
    builder.Services.Configure<PhenomenonProposalOptions>(builder.Configuration.GetSection(PhenomenonProposalOptions.Section));
    builder.Services.AddOndermijningEngine(builder.Environment.ContentRootPath);
    builder.Services.AddEngineJobs(builder.Configuration);

    builder.Services.AddApiMapping(builder.Configuration["AutoMapper:LicenseKey"]);
    builder.Services.AddScoped<CaseResponder>();
    builder.Services.AddScoped<HistoryImport>();
    builder.Services.AddScoped<Ondermijning.Api.Pages.Zaken.ZaakKeten>();

    builder.Services.ConfigureHttpJsonOptions(o =>
    {
        o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        // A misspelt property (company, adresses, receivedAt) is refused with its path instead of dropped without a word.
        o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    });
    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.AnyBody);
    builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemHandler.Explain);
    builder.Services.AddExceptionHandler<ProblemHandler>();

    // The verification runs on the server's own console and needs no sign-in.
    if (!verifyAccessLog) builder.AddOndermijningSignIn();
    builder.AddReceiptLookupLimits();

    builder.Services.AddRazorPages(o =>
    {
        o.Conventions.ConfigureFilter(new PagePermissionFilter());
        o.Conventions.AuthorizeFolder("/", SignIn.PagesPolicy);
        o.Conventions.AllowAnonymousToPage("/Inloggen");
        o.Conventions.AllowAnonymousToPage("/Fout");
        o.Conventions.AllowAnonymousToPage("/Melding");
    }).AddMvcOptions(DutchModelBinding.Apply);
    builder.Services.AddOpenApi(o =>
    {
        o.AddSchemaTransformer<NodaTimeSchemaTransformer>();
        o.AddSchemaTransformer<ContractSchemaTransformer>();
        o.AddSchemaTransformer<MappedChoiceTransformer>();
        o.AddOperationTransformer<ContractOperationTransformer>();
        o.AddOperationTransformer<IdempotencyKeyOperationTransformer>();
        o.AddDocumentTransformer<StepInformationDocumentTransformer>();
    });
    builder.Services.AddHealthChecks().AddDbContextCheck<OndermijningDbContext>("database");

    var app = builder.Build();

    // The engine's start-up (definitions, EF model, migrations, backfills) runs beside the building of the request
    // pipeline and its endpoints below; nothing is served, scheduled or run before it has finished.
    var engine = Task.Run(async () =>
    {
        var initialising = System.Diagnostics.Stopwatch.StartNew();
        await app.Services.InitialiseEngineAsync();
        return initialising.Elapsed;
    });

    // A verification only reads: it must not schedule or produce anything.
    if (verifyAccessLog)
    {
        await engine;
        await using var scope = app.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AccessLog>().VerifyAsync();
        Console.WriteLine(verification.Message);
        return verification.Intact ? 0 : 1;
    }

    // First, so that every response carries them, also those the error handlers below produce.
    app.UseSecurityHeaders();
    app.UseWhen(IsForMachines, api =>
    {
        api.UseExceptionHandler();
        api.UseStatusCodePages();
    });
    // People get a Dutch page, not a bare status; machines (the API and its OpenAPI document, the Hangfire dashboard) keep their own answers.
    app.UseWhen(c => !IsForMachines(c) && !c.Request.Path.StartsWithSegments("/hangfire"), pages =>
    {
        if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/fout");
        pages.UseStatusCodePagesWithReExecute("/fout/{0}");
    });
    // Routing after the status-code pages, so that a re-executed request finds the error page's endpoint.
    app.UseRouting();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseDataScope();
    app.UsePublishedVersions();
    app.UseRateLimiter();

    app.MapApiReference();
    app.MapHealthChecks("/health");
    app.MapStaticAssets();
    app.MapRazorPages().WithStaticAssets();

    var api = app.MapGroup("/api").RequireAuthorization().LimitBody(RequestLimits.ApiBody).RecordOnce();
    api.MapSignalEndpoints();
    api.MapImportEndpoints();
    api.MapCaseEndpoints();
    api.MapWorkflowEndpoints();
    api.MapMigrationEndpoints();
    api.MapEnrichmentEndpoints();
    api.MapOverdueEndpoints();
    api.MapReportEndpoints();
    api.MapAdminJobEndpoints();
    api.MapInformationEndpoints();
    api.MapReceiptEndpoints();
    api.MapAdminEndpoints();
    api.MapLwoEndpoints();
    api.MapAtomEndpoints();
    api.MapInterventionEndpoints();
    api.MapEnforcementEndpoints();
    api.MapStatisticsEndpoints();
    api.MapSearchEndpoints();

    // The part of start-up that could grow with the data; the benchmark reads it to tell it from the runtime's own start.
    app.Logger.LogInformation("Engine initialised in {Milliseconds:F0} ms", (await engine).TotalMilliseconds);

    // The job queue after the engine: on PostgreSQL it lives in the database, which the engine's migrations create on a
    // first start. The dashboard's branch still comes last before the endpoints, as the routes above are endpoints.
    app.UseJobsDashboard();
    // The recurring jobs, and the migrations a stopped service left unfinished, after the engine's own migrations.
    app.Services.ScheduleJobs();

    await app.RunAsync();
    return 0;
}
// Misconfiguration is the operator's to fix: one line that says what to set, not a stack trace and exit code 134.
catch (StartupRefusal refusal) when (StartupRefusals.OwnsProcess)
{
    return StartupRefusals.Report(builder.Configuration, refusal);
}

static bool IsForMachines(HttpContext context) =>
    context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(ApiReference.DocumentPath);

public partial class Program;
