using System.Net;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Signals;

public class IdempotencyTests
{
    [Fact]
    public async Task The_same_key_twice_gives_the_same_case_first_201_then_200_with_the_same_case()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var first = await client.RegisterWithKeyAsync("intake-7f3a", ApiClient.Signal());
        var second = await client.RegisterWithKeyAsync("intake-7f3a", ApiClient.Signal());

        await first.ShouldHaveStatus(HttpStatusCode.Created);
        await second.ShouldHaveStatus(HttpStatusCode.OK);
        // The receipt code is handed out once (only its hash is kept), so the repeat carries the case without it.
        var firstBody = System.Text.Json.Nodes.JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsObject();
        firstBody.Remove("receiptCode").Should().BeTrue();
        (await second.Content.ReadAsStringAsync()).Should().Be(firstBody.ToJsonString(ApiClient.Json));
        second.Headers.Location.Should().Be(first.Headers.Location);
        (await client.CaseCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_key_reused_for_a_different_signal_is_refused_with_422()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await (await client.RegisterWithKeyAsync("intake-1", ApiClient.Signal())).ShouldHaveStatus(HttpStatusCode.Created);

        var reused = await client.RegisterWithKeyAsync("intake-1", ApiClient.Signal(description: "Een ander signaal over een nagelstudio"));

        var problem = await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.Str("title").Should().Be("This idempotency key was used for a different signal");
        (await client.CaseCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task An_empty_or_overlong_key_is_a_400_that_names_the_header()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var problem = await (await client.RegisterWithKeyAsync(new string('k', 201), ApiClient.Signal())).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["Idempotency-Key"].Should().NotBeNull();
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_create_exactly_one_case()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.RegisterWithKeyAsync("burst", ApiClient.Signal())));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        var ids = await Task.WhenAll(responses.Select(async r => JsonNode.Parse(await r.Content.ReadAsStringAsync())!.Str("id")));
        ids.Distinct().Should().ContainSingle();
        (await client.CaseCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_key_survives_a_restart_because_it_is_stored_with_the_case()
    {
        var database = TestDatabase.New();
        string id;
        await using (var before = new ApiFactory(database))
        {
            var response = await before.CreateClient().RegisterWithKeyAsync("before-restart", ApiClient.Signal());
            await response.ShouldHaveStatus(HttpStatusCode.Created);
            id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.Str("id");
        }

        await using var after = new ApiFactory(database);
        var retry = await after.CreateClient().RegisterWithKeyAsync("before-restart", ApiClient.Signal());

        await retry.ShouldHaveStatus(HttpStatusCode.OK);
        JsonNode.Parse(await retry.Content.ReadAsStringAsync())!.Str("id").Should().Be(id);
    }
}
