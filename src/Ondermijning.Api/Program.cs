using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Ondermijning.Api;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Enrichment;
using Ondermijning.Api.Deadlines;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Mapping;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Signals;
using Ondermijning.Api.Workflows;
using Ondermijning.Engine;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<WorkflowOptions>(builder.Configuration.GetSection(WorkflowOptions.Section));
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.Configure<EnrichmentOptions>(builder.Configuration.GetSection(EnrichmentOptions.Section));
builder.Services.Configure<DevelopmentIdentityOptions>(builder.Configuration.GetSection(DevelopmentIdentityOptions.Section));
builder.Services.AddOndermijningEngine(builder.Environment.ContentRootPath);
builder.Services.AddEngineJobs(builder.Configuration);

builder.Services.AddAutoMapper(cfg =>
{
    // Production use needs a licence key (see README, "Configuration").
    cfg.LicenseKey = builder.Configuration["AutoMapper:LicenseKey"];
    cfg.AddProfile<ApiMappingProfile>();
});
builder.Services.AddScoped<CaseResponder>();

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemHandler>();

var developmentIdentity = builder.Configuration.GetValue<bool?>($"{DevelopmentIdentityOptions.Section}:Enabled") ?? builder.Environment.IsDevelopment();
var authentication = builder.Services.AddAuthentication(DevelopmentIdentityHandler.SchemeName);
if (developmentIdentity)
    authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentIdentityHandler>(DevelopmentIdentityHandler.SchemeName, null);
builder.Services.AddAuthorization();

builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/"));
builder.Services.AddOpenApi(o => o.AddSchemaTransformer<NodaTimeSchemaTransformer>());
builder.Services.AddHealthChecks().AddDbContextCheck<OndermijningDbContext>("database");

var app = builder.Build();

try
{
    await app.Services.InitialiseEngineAsync();
}
catch (WorkflowDefinitionException e)
{
    app.Logger.LogCritical("{Reason}", e.Message);
    throw;
}
app.Services.RegisterRecurringJobs();
await app.Services.CatchUpReportsAsync();

app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
// People get a Dutch page, not a bare status; machines (the API, the Hangfire dashboard) keep their own answers.
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api") && !c.Request.Path.StartsWithSegments("/hangfire"), pages =>
{
    if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/fout");
    pages.UseStatusCodePagesWithReExecute("/fout/{0}");
});
// Routing after the status-code pages, so that a re-executed request finds the error page's endpoint.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseJobsDashboard();

app.MapOpenApi();
app.MapScalarApiReference("/api-reference");
app.MapHealthChecks("/health");
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

var api = app.MapGroup("/api").RequireAuthorization();
api.MapSignalEndpoints();
api.MapCaseEndpoints();
api.MapWorkflowEndpoints();
api.MapEnrichmentEndpoints();
api.MapOverdueEndpoints();
api.MapReportEndpoints();
api.MapAdminJobEndpoints();

app.Run();

public partial class Program;
