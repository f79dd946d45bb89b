using System.Net;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Enrichment;

/// <summary>
/// The steps a definition declares as recording the enrichment decision are taken only with that decision: a bare
/// <c>POST /api/cases/{id}/transitions</c> cannot confirm a signal without the findings it rests on.
/// </summary>
public class DeclaredDecisionStepTests
{
    [Theory]
    [InlineData("bevestigd-naar-lwo", null)]
    [InlineData("niet-bevestigd", "Open bronnen bevestigen het niet")]
    public async Task A_verdict_step_fired_bare_through_transitions_is_refused_and_the_case_stays_in_enrichment(string trigger, string? reason)
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = (await client.RegisterAsync()).Str("id");
        await client.FireOkAsync(id, "start-verrijking");

        var problem = await (await client.FireAsync(id, trigger, reason)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem.Str("title").Should().EndWith("records the enrichment decision");
        problem.Str("detail").Should().Contain($"/api/cases/{id}/enrichment/decision");
        var @case = await client.GetCaseAsync(id);
        @case.Str("stage.id").Should().Be("verrijking");
        @case["history"]!.AsArray().Should().HaveCount(2, "registered and started enrichment; the refused step left nothing");
    }

    [Fact]
    public async Task The_same_verdict_recorded_as_the_decision_takes_the_step()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = (await client.RegisterAsync()).Str("id");
        await client.FireOkAsync(id, "start-verrijking");

        var @case = await client.ConfirmSignalAsync(id, "Bevestigd door een bericht op sociale media");

        @case.Str("stage.id").Should().Be("lwo");
        @case["history"]!.AsArray().Last()!.Str("trigger").Should().Be("bevestigd-naar-lwo");
    }
}
