using System.Net;
using System.Net.Http.Json;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

public class SeverityTests
{
    [Fact]
    public async Task Raising_the_severity_needs_a_reason_is_recorded_and_opens_the_gate_for_closed_sources()
    {
        await using var factory = new ApiFactory();
        var oov = factory.CreateClient();
        var caseId = (await oov.RegisterAsync(ApiClient.Signal(severity: "gemiddeld"))).Str("id");
        await oov.MoveToAsync(caseId, "verrijking");
        await oov.ConfirmSignalAsync(caseId);
        var police = factory.CreateClientFor("agent", "politie", ["tafeldeelnemer"]);

        var noReason = await oov.PostAsJsonAsync($"/api/cases/{caseId}/severity", new { severity = "hoog" });
        (await noReason.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["reason"].Should().NotBeNull();
        await (await police.PostAsJsonAsync($"/api/cases/{caseId}/severity", new { severity = "hoog", reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);

        var raised = await oov.PostAsJsonAsync($"/api/cases/{caseId}/severity", new { severity = "hoog", reason = "Meerdere panden, contant geld" });
        await raised.ShouldHaveStatus(HttpStatusCode.OK);
        var @case = await oov.GetCaseAsync(caseId);
        @case.Str("severity.id").Should().Be("hoog");
        var entry = @case["history"]!.AsArray().Last()!;
        entry.Str("kind").Should().Be("severity-raised");
        entry.Str("reason").Should().Be("Meerdere panden, contant geld");
        entry["information"]!.Str("from").Should().Be("gemiddeld");

        var lower = await oov.PostAsJsonAsync($"/api/cases/{caseId}/severity", new { severity = "laag", reason = "toch niet" });
        (await lower.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Str("title").Should().Contain("only be raised");

        var atLwo = await police.AddItemAsync(caseId, "closed", "politie", "BVH-registratie");
        (await atLwo.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Str("detail").Should().Contain("No gate");
        await oov.FireOkAsync(caseId, "naar-mot", "Concrete aanwijzingen", new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });
        await (await police.AddItemAsync(caseId, "closed", "politie", "BVH-registratie")).ShouldHaveStatus(HttpStatusCode.Created);
        var byTheMunicipality = await oov.AddItemAsync(caseId, "closed", "gemeente", "doorgestuurd");
        (await byTheMunicipality.ProblemAsync(HttpStatusCode.Forbidden)).Str("detail").Should().Contain("Gate 'mot-closed'");
    }
}
