using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Ondermijning.Api;
using Ondermijning.Api.Atom;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Interventions;
using Ondermijning.Api.Lwo;
using Ondermijning.Api.Mapping;
using Ondermijning.Api.Mot;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Signals;
using Ondermijning.Api.Statistics;
using Ondermijning.Api.Workflows;
using Ondermijning.Engine;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Statistics;
using Ondermijning.Engine.Workflows;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<WorkflowOptions>(builder.Configuration.GetSection(WorkflowOptions.Section));
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.Configure<StatisticsOptions>(builder.Configuration.GetSection(StatisticsOptions.Section));
builder.Services.Configure<PhenomenonProposalOptions>(builder.Configuration.GetSection(PhenomenonProposalOptions.Section));
builder.Services.Configure<DevelopmentIdentityOptions>(builder.Configuration.GetSection(DevelopmentIdentityOptions.Section));
builder.Services.AddOndermijningEngine(builder.Environment.ContentRootPath);

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

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapScalarApiReference("/api-reference");
app.MapHealthChecks("/health");
app.MapGet("/", () => Results.Redirect("/api-reference")).ExcludeFromDescription();

var api = app.MapGroup("/api").RequireAuthorization();
api.MapSignalEndpoints();
api.MapCaseEndpoints();
api.MapWorkflowEndpoints();
api.MapLwoEndpoints();
api.MapAtomEndpoints();
api.MapInterventionEndpoints();
api.MapEnforcementEndpoints();
api.MapStatisticsEndpoints();

app.Run();

public partial class Program;
