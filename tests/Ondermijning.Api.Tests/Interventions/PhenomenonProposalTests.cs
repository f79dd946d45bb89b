using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Statistics;

namespace Ondermijning.Api.Tests.Interventions;

public class PhenomenonProposalTests
{
    private static object Signal(string branch, string postcode, string tag, string municipality = "GM0935") => new
    {
        municipality,
        sourceChannel = "melding-gemeente",
        description = "Signaal",
        branch,
        phenomenonTags = new[] { tag },
        addresses = new[] { new { postcode, houseNumber = 1 } },
    };

    private static async Task RegisterAtAsync(ApiFactory factory, HttpClient client, string local, object signal)
    {
        factory.Clock.Reset(AnnualScenario.Local(local));
        await client.RegisterAsync(signal);
    }

    private static async Task<List<JsonNode>> ProposalsAsync(ApiFactory factory, HttpClient client)
    {
        factory.Clock.Reset(AnnualScenario.Local("2024-06-03T12:00"));
        var response = await client.GetAsync("/api/phenomenon-proposals?municipality=GM0935");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(p => p!).ToList();
    }

    [Fact]
    public async Task A_study_is_proposed_when_signals_about_one_subject_reach_the_threshold_within_the_window()
    {
        // Three signals within 30 days (today, 3 June 2024, and the 29 days before it: from 5 May 00:00 in Amsterdam).
        await using var baseFactory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        await using var factory = baseFactory.WithWebHostBuilder(b => b
            .UseSetting("PhenomenonProposals:Threshold", "3")
            .UseSetting("PhenomenonProposals:WindowDays", "30"));
        var client = factory.CreateClient();

        await RegisterAtAsync(baseFactory, client, "2024-05-04T23:59", Signal("kappers", "6211AB", "jongeren")); // just outside
        await RegisterAtAsync(baseFactory, client, "2024-05-10T10:00", Signal("kappers", "6211CD", "jongeren"));
        await RegisterAtAsync(baseFactory, client, "2024-06-01T10:00", Signal("Kappers", "6211GH", "mensenhandel"));
        await RegisterAtAsync(baseFactory, client, "2024-06-02T10:00", Signal("horeca", "6211EF", "jongeren"));
        await RegisterAtAsync(baseFactory, client, "2024-06-02T11:00", Signal("kappers", "6211AB", "jongeren", municipality: "GM0917"));

        var below = await ProposalsAsync(baseFactory, client);
        below.Should().ContainSingle("only area 6211 has three signals inside the window; branch kappers and target group jongeren have two inside and one outside")
            .Which.Str("subject").Should().Be("6211");
        below[0].Str("subjectKind").Should().Be("area");
        below[0].Int("signals").Should().Be(3);
        below[0].Str("windowStart").Should().Be("2024-05-05");

        await RegisterAtAsync(baseFactory, client, "2024-05-05T00:00", Signal("kappers", "6300AA", "jongeren")); // first minute inside

        var at = await ProposalsAsync(baseFactory, client);
        at.Select(p => (p.Str("subjectKind"), p.Str("subject"), p.Int("signals"))).Should().BeEquivalentTo(new[]
        {
            ("area", "6211", 3),
            ("branch", "kappers", 3),
            ("target-group", "jongeren", 3),
        });
    }

    [Fact]
    public async Task Only_the_OOV_regisseur_sees_proposals()
    {
        await using var factory = new ApiFactory { Roles = ["statistiek"] };
        var response = await factory.CreateClient().GetAsync("/api/phenomenon-proposals?municipality=GM0935");
        (await response.ProblemAsync(HttpStatusCode.Forbidden)).Str("detail").Should().Contain("oov-regisseur");
    }
}
