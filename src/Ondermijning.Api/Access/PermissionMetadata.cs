using Microsoft.AspNetCore.Mvc.Filters;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Access;

/// <summary>
/// The permission an endpoint or page needs, from the engine's one permission table. Every endpoint and page declares
/// one (or is explicitly anonymous), so the route-enumeration test can list them; the role part is enforced here before
/// the handler runs, and the engine's <see cref="AccessGate"/> decides the rest (municipality, seat, gates).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPermissionAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

public static class PermissionEndpoints
{
    /// <summary>Declares and enforces the permission this endpoint needs.</summary>
    public static TBuilder Requires<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresPermissionAttribute(permission))
            .AddEndpointFilter(async (context, next) =>
            {
                AccessGate.Require(context.HttpContext.User.ToActor(), permission);
                return await next(context);
            });

    /// <summary>
    /// Narrows the database to the signed-in user's municipalities for the whole request, and to none for an anonymous
    /// one: the second line behind the access gate (<see cref="DataScope"/>).
    /// </summary>
    public static IApplicationBuilder UseDataScope(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var scope = http.RequestServices.GetRequiredService<DataScope>();
            scope.RestrictTo(http.User.Identity?.IsAuthenticated == true ? http.User.ToActor().Municipalities : []);
            await next(http);
        });
}

/// <summary>
/// The pages' side of <see cref="PermissionEndpoints.Requires{TBuilder}"/>: the permission a page model declares, which
/// reaches the page's endpoint metadata, checked before its handler.
/// </summary>
public sealed class PagePermissionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var declared = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RequiresPermissionAttribute>();
        if (declared is not null && context.HttpContext.User.Identity?.IsAuthenticated == true &&
            !context.HttpContext.User.ToActor().HasRoleFor(declared.Permission))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}
