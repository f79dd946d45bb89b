using System.Net;
using System.Net.Http.Headers;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Identity;

[LongRunning(seconds: 25)]
public class SignInTests
{
    /// <summary>The test identity provider, as the service process's environment.</summary>
    internal static readonly Dictionary<string, string> Provider = new()
    {
        ["Identity__Jwt__SigningKey"] = TestTokens.SigningKey,
        ["Identity__Jwt__Issuer"] = TestTokens.Issuer,
        ["Identity__Jwt__Audience"] = TestTokens.Audience,
    };

    [Fact]
    [Trait(StorageTrait.Name, StorageTrait.Independent)]
    public async Task In_Production_a_request_without_a_token_never_acts_as_a_demo_user()
    {
        await using var service = await ServiceProcess.StartAsync(TestDatabase.New(), Provider, environment: "Production");
        using var client = service.CreateClient();

        foreach (var demoUser in new string?[] { null, "demo-oov", "demo-beheerder" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
            if (demoUser is not null) request.Headers.Add("X-Demo-User", demoUser);
            (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"X-Demo-User: {demoUser ?? "(none)"}");
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("u", "gemeente", ["oov-regisseur"]));
        (await client.GetAsync("/api/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    [Trait(StorageTrait.Name, StorageTrait.Independent)]
    public async Task Requests_without_a_valid_token_are_refused()
    {
        await using var factory = new ApiFactory();

        var anonymous = await (await factory.CreateAnonymousClient().GetAsync("/api/cases")).ProblemAsync(HttpStatusCode.Unauthorized);
        anonymous.Str("title").Should().Be("Sign-in required");

        var forged = factory.CreateAnonymousClient();
        var token = TestTokens.For("u", "gemeente", ["oov-regisseur"]);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
        (await forged.GetAsync("/api/cases")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var stranger = factory.CreateClientFor("u", "interpol", ["tafeldeelnemer"]);
        (await stranger.GetAsync("/api/cases")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>Unlike the rest of the class, on both databases: the municipalities a user works for are a query filter.</summary>
    [Fact]
    public async Task Users_only_see_cases_of_the_municipalities_they_work_for()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var oov = factory.CreateClient();
        var maastricht = await oov.RegisterAsync(ApiClient.Signal(municipality: "GM0935"));
        await oov.RegisterAsync(ApiClient.Signal(municipality: "GM0917"));

        var colleague = factory.CreateClientFor("elders", "gemeente", ["oov-regisseur"], ["GM0917"]);

        (await colleague.GetAsync($"/api/cases/{maastricht.Str("id")}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var list = await colleague.GetStringAsync("/api/cases");
        list.Should().NotContain(maastricht.Str("id")).And.Contain("GM0917");
        var refused = await colleague.PostAsync("/api/signals", System.Net.Http.Json.JsonContent.Create(ApiClient.Signal(municipality: "GM0935")));
        await refused.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    [Trait(StorageTrait.Name, StorageTrait.Independent)]
    public async Task The_development_sign_in_picks_a_demo_user_per_request_and_defaults_to_the_OOV_regisseur()
    {
        await using var factory = new ApiFactory { Settings = new Dictionary<string, string> { ["Identity:Development:Enabled"] = "true" } };
        var browser = factory.CreateAnonymousClient();
        var caseId = (await browser.RegisterAsync()).Str("id");

        var history = (await browser.GetCaseAsync(caseId))["history"]![0]!;
        history.Str("actor.id").Should().Be("demo-oov");
        history.Str("actor.organisation").Should().Be("gemeente");

        browser.DefaultRequestHeaders.Add("X-Demo-User", "demo-politie");
        var refused = await browser.FireAsync(caseId, "start-verrijking");
        await refused.ProblemAsync(HttpStatusCode.Forbidden);

        browser.DefaultRequestHeaders.Remove("X-Demo-User");
        browser.DefaultRequestHeaders.Add("X-Demo-User", "nobody");
        (await browser.GetAsync("/api/cases")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await factory.CreateAnonymousClient().GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    [Trait(StorageTrait.Name, StorageTrait.Independent)]
    public async Task The_OpenAPI_document_and_the_API_reference_need_sign_in()
    {
        await using var factory = new ApiFactory();
        var anonymous = factory.CreateAnonymousClient();

        var refused = await (await anonymous.GetAsync("/openapi/v1.json")).ProblemAsync(HttpStatusCode.Unauthorized);
        refused.Str("title").Should().Be("Sign-in required");
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = null;
        var reference = await browser.GetAsync("/api-reference");
        reference.StatusCode.Should().Be(HttpStatusCode.Redirect, "a person is sent to sign in");
        reference.Headers.Location!.ToString().Should().Contain("/inloggen?ReturnUrl=%2Fapi-reference");

        var signedIn = factory.CreateClient();
        (await signedIn.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await signedIn.GetAsync("/api-reference")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    [Trait(StorageTrait.Name, StorageTrait.Independent)]
    public async Task A_setting_opens_the_OpenAPI_document_and_the_API_reference_to_everyone()
    {
        await using var factory = new ApiFactory { Settings = new Dictionary<string, string> { ["ApiReference:Public"] = "true" } };
        var anonymous = factory.CreateAnonymousClient();

        var document = await anonymous.GetAsync("/openapi/v1.json");
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        (await document.Content.ReadAsStringAsync()).Should().Contain("\"/api/cases\"");
        (await anonymous.GetAsync("/api-reference")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/api/cases")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "only the description is opened, not the API");
    }
}
