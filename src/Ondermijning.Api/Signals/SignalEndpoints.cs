using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Signals;

public static class SignalEndpoints
{
    public static RouteGroupBuilder MapSignalEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/signals").WithTags("Signals");
        group.MapPost("/", Register)
            .WithSummary("Register a signal; it becomes a case on the newest workflow version that applies today.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Created<RegisteredSignalDto>> Register(RegisterSignalRequest request, RegisterSignal handler,
        CaseResponder responder, IClock clock, HttpContext http, CancellationToken cancellationToken)
    {
        var signal = request.ToSignal(clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
        var actor = http.User.ToActor();
        var registered = await handler.HandleAsync(signal, actor, cancellationToken);
        var detail = await responder.DetailAsync<RegisteredSignalDto>(registered.Case, actor, AccessAction.Read, cancellationToken,
            o => o.Items[ApiMappingProfile.ReceiptItem] = registered.Receipt);
        return TypedResults.Created($"/api/cases/{registered.Case.Id}", detail);
    }
}
