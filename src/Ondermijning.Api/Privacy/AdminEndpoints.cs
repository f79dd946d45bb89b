using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Privacy;

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration");
        admin.MapGet("/access-log", Query).Requires(Permission.ReadAccessLog)
            .WithSummary("Access-log records of the administrator's municipalities, per case and/or per user, oldest first.").ProducesProblem(403);
        admin.MapGet("/access-log/verify", Verify).Requires(Permission.ReadAccessLog)
            .WithSummary("Check the whole access log's hash chain and its anchors; names the first broken record or the records cut off.")
            .ProducesProblem(403);
        admin.MapPost("/retention/run", RunRetention).Requires(Permission.RunRetention)
            .WithSummary("Erase personal data whose retention period has passed.").ProducesProblem(403);
        return api;
    }

    private static async Task<Ok<List<AccessLogRecordDto>>> Query(string? caseId, string? userId, int? limit, AccessLog log, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken)
    {
        var f = new RequestFields();
        var query = new AccessLogQuery(f.OptionalCase(caseId), f.OptionalText(userId, "userId", Limits.Name), limit ?? 500);
        f.ThrowIfAny();
        return TypedResults.Ok(mapper.Map<List<AccessLogRecordDto>>(await log.QueryAsync(query, http.User.ToActor(), cancellationToken)));
    }

    private static async Task<Ok<AccessLogVerificationDto>> Verify(AccessLog log, IMapper mapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<AccessLogVerificationDto>(await log.VerifyAsync(cancellationToken)));

    private static async Task<Ok<RetentionResultDto>> RunRetention(RetentionPurge purge, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<RetentionResultDto>(await purge.RunAsync(http.User.ToActor(), cancellationToken)));
}
