using System.Net;
using System.Net.Http.Headers;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Identity;

public class SignInTests
{
    [Fact]
    public void Production_without_an_identity_provider_refuses_to_start_and_says_what_to_configure()
    {
        using var factory = new ApiFactory { Environment = "Production", WithIdentityProvider = false };

        var start = () => factory.CreateClient();

        start.Should().Throw<InvalidOperationException>()
            .WithMessage("No identity provider is configured*Identity:Jwt:Authority*Identity:Jwt:Audience*");
    }

    [Fact]
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
}
