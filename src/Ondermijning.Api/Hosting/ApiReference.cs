using Ondermijning.Api.Identity;
using Scalar.AspNetCore;

namespace Ondermijning.Api.Hosting;

public sealed class ApiReferenceOptions
{
    public const string Section = "ApiReference";

    /// <summary>
    /// Serve the OpenAPI document and the API reference without sign-in. Off by default: they describe every endpoint
    /// and field, which need not be told to whoever asks.
    /// </summary>
    public bool Public { get; set; }
}

public static class ApiReference
{
    /// <summary>Where <c>MapOpenApi</c> serves the documents (<c>/openapi/v1.json</c>).</summary>
    public const string DocumentPath = "/openapi";
    public const string ReferencePath = "/api-reference";

    public static void MapApiReference(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ApiReferenceOptions.Section).Get<ApiReferenceOptions>() ?? new ApiReferenceOptions();
        IEndpointConventionBuilder[] endpoints = [app.MapOpenApi(), app.MapScalarApiReference(ReferencePath)];
        foreach (var endpoint in endpoints)
        {
            if (options.Public) endpoint.AllowAnonymous();
            else endpoint.RequireAuthorization(SignIn.ReferencePolicy);
        }
    }
}
