using Microsoft.AspNetCore.Http.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Ondermijning.Api;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Mapping;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Signals;
using Ondermijning.Api.Workflows;
using Ondermijning.Engine;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<WorkflowOptions>(builder.Configuration.GetSection(WorkflowOptions.Section));
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
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

builder.AddOndermijningSignIn();

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

app.Run();

public partial class Program;
