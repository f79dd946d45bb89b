using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Idempotency;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Signals;

public static class SignalEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapSignalEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/signals").WithTags("Signals");
        group.MapPost("/", Register).Requires(Permission.RegisterSignal)
            .WithSummary("Register a signal; it becomes a case on the workflow version that applied when it was received.")
            .WithDescription("`receivedAt` is when the signal reached the municipality, if not now: `YYYY-MM-DD` (the start of that " +
                "day), `YYYY-MM-DDTHH:mm` (Europe/Amsterdam) or an instant with its offset; not in the future. The case is registered " +
                "on the version that applied then (the oldest version for a moment before every version) and counted in the " +
                "statistics by it. The answer's `receiptCode` is for the reporter, shown once; a signal from Meld Misdaad Anoniem " +
                "gets none. " +
                $"With an `{IdempotencyKeyHeader}` header a retry is safe: the first request creates the case (201), " +
                "a repeat with the same key and the same signal returns that case as it is now (200), and the same key with a " +
                "different signal is refused (422).")
            .ProducesValidationProblem()
            .ProducesProblem(422)
            .ProducesProblem(503);
        return api;
    }

    private static async Task<Results<Created<RegisteredSignalDto>, Ok<CaseDetailDto>>> Register(RegisterSignalRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, RegisterSignal handler, CaseResponder responder,
        IClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var signal = request.ToSignal(clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
        var idempotency = idempotencyKey is null ? null : IdempotencyKey.Parse(idempotencyKey, IdempotentRecords.Fingerprint(request));
        var actor = http.User.ToActor();
        var registered = await handler.HandleAsync(signal, actor, idempotency, cancellationToken);
        if (registered.Created)
            return TypedResults.Created($"/api/cases/{registered.Case.Id}",
                responder.Registered(registered.Case, actor, registered.Receipt));
        http.Response.Headers.Location = $"/api/cases/{registered.Case.Id}";
        return TypedResults.Ok(await responder.DetailAsync(registered.Case, actor, AccessAction.Read, cancellationToken));
    }
}
