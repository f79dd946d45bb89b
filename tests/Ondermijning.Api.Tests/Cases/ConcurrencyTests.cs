using System.Net;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

public class ConcurrencyTests
{
    [Fact]
    public async Task Two_concurrent_steps_on_one_case_have_exactly_one_winner_and_one_history_entry()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var meeting = new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" };

        // Several rounds, so that the two requests really overlap in at least some of them.
        for (var round = 0; round < 10; round++)
        {
            var id = (await client.RegisterAsync()).Str("id");
            await client.FireOkAsync(id, "start-verrijking");
            var atLwo = await client.ConfirmSignalAsync(id);
            var revision = atLwo.Int("revision");

            var responses = await Task.WhenAll(
                client.FireAsync(id, "naar-politie", information: meeting, expectedRevision: revision),
                client.FireAsync(id, "naar-atom", information: meeting, expectedRevision: revision));

            responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            (await loser.ProblemAsync(HttpStatusCode.Conflict)).Str("title").Should().Be("The case was changed by someone else");

            var @case = await client.GetCaseAsync(id);
            var history = @case["history"]!.AsArray();
            history.Should().HaveCount(4, "registered, enrichment, LWO and exactly one route");
            var winner = history.Last()!.Str("trigger");
            @case.Str("stage.id").Should().Be(winner == "naar-politie" ? "politie" : "atom");
            @case.Int("revision").Should().Be(4);
        }
    }
}
