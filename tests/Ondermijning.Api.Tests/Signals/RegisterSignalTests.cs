using System.Net;
using System.Net.Http.Json;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Signals;

public class RegisterSignalTests
{
    [Fact]
    public async Task A_registered_signal_becomes_a_case_at_the_start_stage_with_its_subjects_and_history()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/signals", ApiClient.Signal());

        await response.ShouldHaveStatus(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!;
        var id = created.Str("id");
        response.Headers.Location!.ToString().Should().Be($"/api/cases/{id}");

        var fetched = await client.GetCaseAsync(id);
        fetched.Str("stage.id").Should().Be("ontvangen");
        fetched.Str("stage.label").Should().Be("Signaal ontvangen");
        fetched.Str("municipality").Should().Be("GM0935");
        fetched.Int("definitionVersion").Should().Be(1, "on 3 June 2024 only v1 applies");
        fetched["companies"]![0]!.Str("kvkNumber").Should().Be("12345678");
        fetched["addresses"]![0]!.Str("postcode").Should().Be("6211AB");
        fetched["history"]!.AsArray().Should().ContainSingle().Which!.Str("kind").Should().Be("registered");
        fetched["availableSteps"]![0]!.Str("trigger").Should().Be("start-verrijking");
    }
}
