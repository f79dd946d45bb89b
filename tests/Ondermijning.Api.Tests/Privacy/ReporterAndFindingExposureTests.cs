using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// The reporter's name and contact, and a finding shared under the enrichment's open-source gate, for every demo user
/// (one per organisation, plus the administrator and the statistics reader) on every path that shows a case: the case,
/// the export, the findings and the case page. Raw response bytes are scanned; the expectation comes from the roles
/// and from the gate in the shipped definition, not from the code under test.
/// </summary>
public class ReporterAndFindingExposureTests
{
    private const string ReporterName = "Reporter Markervelt";
    private const string ReporterContact = "06-99887766";
    private const string FindingNote = "FINDINGMARKER artikel over de kapsalon";

    [Fact]
    public async Task Only_the_oov_regisseur_sees_the_reporter_and_only_the_gates_readers_see_an_enrichment_finding()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var signal = new
        {
            municipality = "GM0935", sourceChannel = "melding-gemeente", description = "Drukte bij een kapsalon",
            reporter = new { anonymous = false, name = ReporterName, contact = ReporterContact },
        };
        var id = (await oov.RegisterAsync(signal)).Str("id");
        await oov.FireOkAsync(id, "start-verrijking");
        var added = await oov.PostAsJsonAsync($"/api/cases/{id}/findings",
            new { source = "news", link = "https://www.l1.nl/nieuws/2", date = "2024-06-01", note = FindingNote, subject = "Kapsalon De Schaar" });
        await added.ShouldHaveStatus(HttpStatusCode.Created);
        var finding = added.Headers.Location!.OriginalString;

        var definition = DefinitionLoader.LoadFolder(factory.WorkflowsPath, ShippedVocabulary.Value).Single(d => d.Key == new DefinitionKey(new WorkflowId("ondermijning"), 1));
        var gate = definition.Gates.Single(g => g.Stage.Value == "verrijking" && g.Category == InformationCategory.Open);
        var users = factory.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Development.Users;
        users.Should().HaveCountGreaterThan(10);

        var failures = new List<string>();
        // The demo users of the municipality on the CCV protocol do not see Maastricht's case at all.
        foreach (var user in users.Where(u => u.Municipalities.Contains("GM0935")))
        {
            var roles = user.Roles.Select(r => new Role(r)).ToHashSet();
            var seesReporter = roles.Contains(Role.OovRegisseur);
            var seesFinding = roles.Overlaps(InformationAccess.ContentRoles) && gate.Readers.Contains(new OrganisationId(user.Organisation));

            var api = factory.CreateClientFor(user.UserId, user.Organisation, user.Roles, user.Municipalities);
            foreach (var url in new[] { $"/api/cases/{id}", $"/api/cases/{id}/export", $"/api/cases/{id}/findings", finding })
            {
                var raw = await (await api.GetAsync(url)).Content.ReadAsStringAsync();
                // The findings name no reporter to anyone; the case and its export name them to the OOV regisseur only.
                var reporterExpected = seesReporter && !url.Contains("/findings");
                if (raw.Contains(ReporterName) != reporterExpected || raw.Contains(ReporterContact) != reporterExpected)
                    failures.Add($"{user.UserId} {url}: reporter {(reporterExpected ? "missing" : "shown")}");
                if (raw.Contains("FINDINGMARKER") != seesFinding)
                    failures.Add($"{user.UserId} {url}: finding {(seesFinding ? "missing" : "shown")}");
            }

            var page = await (await factory.SignInOnPagesAsync(user.UserId)).GetStringAsync($"/zaken/{id}");
            if (page.Contains(ReporterName) != seesReporter || page.Contains(ReporterContact) != seesReporter)
                failures.Add($"{user.UserId} case page: reporter {(seesReporter ? "missing" : "shown")}");
            if (!seesReporter && !page.Contains("Melder bekend bij de gemeente"))
                failures.Add($"{user.UserId} case page does not say the reporter is known to the municipality");
            if (page.Contains("FINDINGMARKER") != seesFinding)
                failures.Add($"{user.UserId} case page: finding {(seesFinding ? "missing" : "shown")}");
        }
        failures.Should().BeEmpty();
    }
}
