using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

public class ListAndReferenceTests
{
    [Fact]
    public async Task Cases_are_listed_newest_first_filtered_by_stage_municipality_version_and_period_and_paged()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var client = factory.CreateClient();
        var june3 = (await client.RegisterAsync(ApiClient.Signal(municipality: "GM0935"))).Str("id");
        factory.Clock.AdvanceDays(1);
        var june4 = (await client.RegisterAsync(ApiClient.Signal(municipality: "GM0935"))).Str("id");
        await client.FireOkAsync(june4, "start-verrijking");
        factory.Clock.AdvanceDays(1);
        var heerlen = (await client.RegisterAsync(ApiClient.Signal(municipality: "GM0917"))).Str("id");

        async Task<string[]> Ids(string query)
        {
            var page = (await client.GetFromJsonAsync<JsonObject>("/api/cases" + query))!;
            return page["items"]!.AsArray().Select(i => i!.Str("id")).ToArray();
        }

        (await Ids("")).Should().Equal(heerlen, june4, june3);
        (await Ids("?municipality=GM0935")).Should().Equal(june4, june3);
        (await Ids("?stage=verrijking")).Should().Equal(june4);
        (await Ids("?workflow=ondermijning&version=1")).Should().HaveCount(3);
        (await Ids("?version=2")).Should().BeEmpty();
        (await Ids("?receivedFrom=2024-06-04&receivedTo=2024-06-04")).Should().Equal(june4);
        (await Ids("?pageSize=2&page=2")).Should().Equal(june3);

        var page = (await client.GetFromJsonAsync<JsonObject>("/api/cases?pageSize=2"))!;
        page.Int("totalCount").Should().Be(3);
        page["items"]![0]!.Str("stage.label").Should().Be("Signaal ontvangen");
    }

    [Fact]
    public async Task The_period_filter_uses_Amsterdam_days()
    {
        // 23:30 UTC on 3 June is already 4 June in Amsterdam (summer time, UTC+2).
        await using var factory = new ApiFactory(clock: new NodaTime.Testing.FakeClock(Instant.FromUtc(2024, 6, 3, 23, 30)));
        var client = factory.CreateClient();
        var id = (await client.RegisterAsync()).Str("id");

        var page = (await client.GetFromJsonAsync<JsonObject>("/api/cases?receivedFrom=2024-06-04&receivedTo=2024-06-04"))!;
        page["items"]!.AsArray().Select(i => i!.Str("id")).Should().Equal(id);
    }

    [Fact]
    public async Task The_pages_send_a_visitor_who_has_not_signed_in_to_the_sign_in_page_even_with_an_API_token()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/zaken/abc");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/inloggen?ReturnUrl=%2Fzaken%2Fabc");
        var signIn = await factory.CreateAnonymousClient().GetStringAsync("/inloggen");
        signIn.Should().Contain("Inloggen als Demo OOV-regisseur").And.Contain("Inloggen als Demo Belastingdienst");
    }

    [Fact]
    public async Task Definitions_versions_and_diagrams_are_served()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var all = (await client.GetFromJsonAsync<JsonArray>("/api/workflows"))!;
        all.Select(v => v!.Str("workflow")).Distinct().Should().Equal("ccv-privacyprotocol", "ondermijning");
        var versions = all.Where(v => v!.Str("workflow") == "ondermijning").ToList();
        versions.Select(v => v!.Int("version")).Should().Equal(1, 2, 3);
        versions[1]!.Str("appliesFrom").Should().Be("2025-01-01");

        var v1 = (await client.GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/1"))!;
        v1["stages"]!.AsArray().Single(s => s!.Str("id") == "verrijking")!.Str("deadline").Should().Be("P14D");
        v1["transitions"]!.AsArray().Single(t => t!.Str("trigger") == "naar-mot")!.Str("minimumSeverity").Should().Be("hoog");

        var diagram = await client.GetAsync("/api/workflows/ondermijning/versions/2/diagram");
        diagram.Content.Headers.ContentType!.MediaType.Should().Be("text/vnd.mermaid");
        var text = await diagram.Content.ReadAsStringAsync();
        text.Should().StartWith("stateDiagram-v2");
        text.Should().Contain("[*] --> ontvangen");
        text.Should().Contain("lwo --> bibob_advies : Bibob-advies aanvragen (vergunning in het spel)");
        text.Should().Contain("atom --> lwo : Bevindingen terug naar de LWO voor herweging");
        text.Should().Contain("afgesloten --> [*]");
    }

    [Fact]
    public async Task The_OpenAPI_document_the_API_reference_and_health_are_served()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var openApi = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        openApi["paths"]!.AsObject().Select(p => p.Key).Should().Contain(
            ["/api/signals", "/api/cases", "/api/cases/{id}", "/api/cases/{id}/transitions", "/api/workflows/{workflow}/migrations"]);
        var instant = openApi["components"]!["schemas"]!["Instant"]!;
        instant.Str("type").Should().Be("string");
        instant.Str("format").Should().Be("date-time");
        instant["properties"].Should().BeNull("an instant travels as ISO-8601 text, not as an object");

        (await client.GetAsync("/api-reference")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetStringAsync("/health")).Should().Be("Healthy");
    }
}
