using Hangfire.Dashboard;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Jobs;

/// <summary>The dashboard can retry and delete jobs, so only administrators may open it.</summary>
public sealed class AdministratorsOnlyDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return Task.FromResult(user.Identity?.IsAuthenticated == true && user.ToActor().HasRoleFor(Permission.ReadJobs));
    }
}
