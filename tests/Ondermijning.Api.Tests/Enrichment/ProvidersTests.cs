using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Enrichment;

public class ProvidersTests
{
    [Fact]
    public async Task Without_keys_the_service_starts_registers_signals_and_shows_the_providers_switched_off()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var providers = (await client.GetFromJsonAsync<JsonArray>("/api/enrichment/providers"))!;

        providers.Select(p => p!.Str("provider")).Should().Equal("kvk", "bag");
        providers.Should().AllSatisfy(p => p!["enabled"]!.GetValue<bool>().Should().BeFalse());
        providers[0]!.Str("reason").Should().Contain("Enrichment:Kvk:ApiKey").And.Contain("Enrichment__Kvk__ApiKey");
        providers[1]!.Str("reason").Should().Contain("Enrichment:Bag:ApiKey");

        var id = (await client.RegisterAsync()).Str("id");
        var run = await client.EnrichAsync(id);
        run["findings"]!.AsArray().Should().BeEmpty();
        run["skippedProviders"]!.AsArray().Select(p => p!.Str("provider")).Should().Equal("kvk", "bag");
        var proposal = await client.ProposalAsync(id);
        proposal.Str("proposal").Should().Be("not-confirmed");
        proposal["observations"]![0]!.Str("rule").Should().Be("no-register-data");
        (await client.GetCaseAsync(id)).Str("stage.id").Should().Be("ontvangen");
    }

    [Fact]
    public async Task With_a_key_a_provider_is_switched_on_and_a_bad_address_switches_it_off_with_the_setting_named()
    {
        await using var factory = new ApiFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Enrichment:Kvk:ApiKey"] = "key",
                ["Enrichment:Bag:ApiKey"] = "key",
                ["Enrichment:Bag:BaseUrl"] = "not a url",
            },
        };
        var providers = (await factory.CreateClient().GetFromJsonAsync<JsonArray>("/api/enrichment/providers"))!;

        providers[0]!["enabled"]!.GetValue<bool>().Should().BeTrue();
        providers[0]!.Str("reason").Should().Contain("https://api.kvk.nl/");
        providers[1]!["enabled"]!.GetValue<bool>().Should().BeFalse();
        providers[1]!.Str("reason").Should().Contain("Enrichment:Bag:BaseUrl");
    }

    [Fact]
    public async Task Enrichment_of_an_unknown_case_is_a_404_problem()
    {
        await using var factory = new ApiFactory();
        var response = await factory.CreateClient().PostAsync($"/api/cases/{Guid.NewGuid()}/enrichment", null);
        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
