using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Signals;

public partial class ReceiptTests
{
    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$")]
    private static partial Regex CodeFormat();

    private static string RandomCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var symbols = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join("-", symbols.Chunk(5).Select(g => new string(g)));
    }

    [Fact]
    public async Task A_reporter_sees_only_the_coarse_status_and_the_feedback_written_to_them()
    {
        await using var factory = new ApiFactory();
        var oov = factory.CreateClient();
        var registered = await oov.RegisterAsync(ApiClient.Signal(channel: "melding-gemeente", description: "Hennepgeur bij pand aan de Grote Straat"));
        var code = registered.Str("receiptCode");
        var caseId = registered.Str("id");
        code.Should().MatchRegex(CodeFormat());
        (await oov.GetStringAsync($"/api/cases/{caseId}")).Should().NotContain(code, "the code is handed out once");

        var reporter = factory.CreateAnonymousClient();
        async Task<JsonObject> LookUp(string typed)
        {
            var response = await reporter.GetAsync($"/api/receipts/{typed}");
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }

        var received = await LookUp(code);
        received.Select(p => p.Key).Should().BeEquivalentTo("status", "feedback", "feedbackAt");
        received.Str("status").Should().Be("ontvangen");
        received["feedback"].Should().BeNull();

        await oov.FireOkAsync(caseId, "start-verrijking");
        var feedback = "Dank voor uw melding. Wij onderzoeken het signaal.";
        (await oov.PostAsJsonAsync($"/api/cases/{caseId}/feedback", new { text = feedback })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var police = factory.CreateClientFor("agent", "politie", ["tafeldeelnemer"]);
        await (await police.PostAsJsonAsync($"/api/cases/{caseId}/feedback", new { text = "x" })).ProblemAsync(HttpStatusCode.Forbidden);

        var underWay = await LookUp(code.ToLowerInvariant().Replace("-", ""));
        underWay.Str("status").Should().Be("in behandeling");
        underWay.Str("feedback").Should().Be(feedback);
        var raw = underWay.ToJsonString();
        foreach (var secret in new[] { caseId, "Hennepgeur", "GM0935", "verrijking", "Jansen", "Kapsalon", "6211AB", "test-oov" })
            raw.Should().NotContain(secret);

        await oov.RejectSignalAsync(caseId, "Open bronnen bevestigen het signaal niet");
        (await LookUp(code)).Str("status").Should().Be("afgehandeld");
    }

    [Fact]
    public async Task A_thousand_random_codes_find_nothing()
    {
        await using var factory = new ApiFactory { Settings = new Dictionary<string, string> { ["Receipts:LookupsPerMinute"] = "5000" } };
        var oov = factory.CreateClient();
        for (var i = 0; i < 5; i++) await oov.RegisterAsync();
        var reporter = factory.CreateAnonymousClient();

        var found = 0;
        for (var i = 0; i < 1000; i++)
        {
            var response = await reporter.GetAsync($"/api/receipts/{RandomCode()}");
            if (response.StatusCode != HttpStatusCode.NotFound) found++;
        }

        found.Should().Be(0);
        var problem = await (await reporter.GetAsync($"/api/receipts/{RandomCode()}")).ProblemAsync(HttpStatusCode.NotFound);
        problem.Str("detail").Should().Contain("receipt code");
    }

    [Fact]
    public async Task Lookups_beyond_the_limit_are_refused_with_429_and_told_when_to_retry()
    {
        await using var factory = new ApiFactory { Settings = new Dictionary<string, string> { ["Receipts:LookupsPerMinute"] = "5" } };
        var code = (await factory.CreateClient().RegisterAsync(ApiClient.Signal(channel: "melding-gemeente"))).Str("receiptCode");
        var reporter = factory.CreateAnonymousClient();

        for (var i = 0; i < 5; i++) await (await reporter.GetAsync($"/api/receipts/{RandomCode()}")).ShouldHaveStatus(HttpStatusCode.NotFound);

        var refused = await reporter.GetAsync($"/api/receipts/{code}");
        var problem = await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        problem.Str("detail").Should().Contain("Retry-After");
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1),
            "the lookup window reopens within its minute, and the client is told when");
    }

    [Fact]
    public async Task A_signal_from_Meld_Misdaad_Anoniem_gets_no_receipt_code_and_its_feedback_is_still_kept_for_that_channel()
    {
        await using var factory = new ApiFactory();
        var oov = factory.CreateClient();

        var registered = await oov.RegisterAsync(ApiClient.Signal(channel: "meld-misdaad-anoniem"));

        registered.ContainsKey("receiptCode").Should().BeTrue();
        registered["receiptCode"].Should().BeNull("nobody at the municipality can hand a code to an MMA reporter");
        var caseId = registered.Str("id");
        (await oov.PostAsJsonAsync($"/api/cases/{caseId}/feedback", new { text = "Teruggekoppeld via Meld Misdaad Anoniem." }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var scope = factory.Services.CreateScope();
        var receipt = await scope.ServiceProvider.GetRequiredService<OndermijningDbContext>().ReporterReceipts.SingleAsync();
        receipt.CodeHash.Should().BeNull();
        receipt.Feedback.Should().Be("Teruggekoppeld via Meld Misdaad Anoniem.");
    }

    [Fact]
    public async Task The_reporters_page_answers_in_Dutch_and_shares_the_lookup_limit_with_the_api()
    {
        await using var factory = new ApiFactory { Settings = new Dictionary<string, string> { ["Receipts:LookupsPerMinute"] = "3" } };
        var reporter = factory.CreateAnonymousClient();
        var page = await reporter.GetAsync("/melding");
        await page.ShouldHaveStatus(HttpStatusCode.OK);
        var token = PageSignIn.FormToken(await page.Content.ReadAsStringAsync());

        var unknown = await reporter.PostAsync("/melding", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = RandomCode(), ["__RequestVerificationToken"] = token,
        }));
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        System.Net.WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).Should().Contain("Met deze code vinden we geen melding.");
        await (await reporter.GetAsync($"/api/receipts/{RandomCode()}")).ShouldHaveStatus(HttpStatusCode.NotFound);

        var refused = await reporter.GetAsync("/melding");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the page and the API count against one limit");
        refused.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        var html = await refused.Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"nl\">").And.Contain("Probeer het over");
    }
}
