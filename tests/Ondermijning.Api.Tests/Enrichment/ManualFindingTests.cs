using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Enrichment;

public class ManualFindingTests : IClassFixture<ManualFindingTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly ApiFactory _factory;
    private readonly HttpClient _client;

    public ManualFindingTests(Service service)
    {
        _factory = service.Factory;
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task An_oov_user_adds_a_finding_from_the_internet_and_it_is_listed_with_its_provenance()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.PostAsJsonAsync($"/api/cases/{id}/findings", new
        {
            source = "social-media",
            link = "https://www.instagram.com/deschaar_mstricht/",
            date = "2024-05-28",
            note = "Account toont vooral luxe auto's voor de zaak, nauwelijks kapperswerk.",
            subject = "Kapsalon De Schaar",
        });

        await response.ShouldHaveStatus(HttpStatusCode.Created);
        var findings = await _client.FindingsAsync(id);
        var finding = findings.Should().ContainSingle().Subject!;
        finding.Str("source").Should().Be("social-media");
        finding.Str("kind").Should().Be("manual");
        finding.Str("status").Should().Be("found");
        finding.Str("summary").Should().StartWith("Account toont");
        finding.Str("link").Should().Be("https://www.instagram.com/deschaar_mstricht/");
        finding.Str("observedOn").Should().Be("2024-05-28");
        finding.Str("provenance.sourceOrganisation").Should().Be("Sociale media");
        finding.Str("provenance.recordedBy.id").Should().Be("test-oov");
        finding.Str("provenance.retrievedAt").Should().Be("2024-06-03T08:00:00Z");
        finding["provenance"]!["requestUrl"].Should().BeNull();

        var item = (await _client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/cases/{id}/items"))!["items"]!.AsArray()
            .Should().ContainSingle().Subject!;
        item.Str("category").Should().Be("open");
        item.Str("content").Should().StartWith("Account toont").And.Contain("https://www.instagram.com/deschaar_mstricht/")
            .And.Contain($"bevinding {finding.Str("id")}");
    }

    [Fact]
    public async Task Land_registry_ownership_is_entered_as_an_extract_with_structured_facts_and_no_link()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.PostAsJsonAsync($"/api/cases/{id}/findings", new
        {
            source = "kadaster",
            date = "2024-06-01",
            note = "Eigendomsinformatie BRK: eigenaar sinds 2023 is Vastgoed Zuid BV.",
            subject = "Grote Straat 12, 6211AB Maastricht",
            facts = new { kadastraleAanduiding = "MTT00-A-1234", eigenaren = new[] { "Vastgoed Zuid BV" } },
        });

        await response.ShouldHaveStatus(HttpStatusCode.Created);
        var finding = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        finding.Str("source").Should().Be("kadaster");
        finding["facts"]!["eigenaren"]![0]!.GetValue<string>().Should().Be("Vastgoed Zuid BV");
        finding.Str("provenance.sourceOrganisation").Should().Be("Kadaster (Basisregistratie Kadaster)");
    }

    [Fact]
    public async Task A_finding_without_link_or_with_a_future_date_is_a_400_problem_naming_the_fields()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.PostAsJsonAsync($"/api/cases/{id}/findings",
            new { source = "news", date = "2024-07-01", note = "Artikel over de zaak" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["link"]![0]!.GetValue<string>().Should().Contain("web address");
        problem["errors"]!["date"]![0]!.GetValue<string>().Should().Be("The date lies in the future.");
        (await _client.FindingsAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Register_sources_cannot_be_entered_by_hand()
    {
        var id = (await _client.RegisterAsync()).Str("id");
        var response = await _client.PostAsJsonAsync($"/api/cases/{id}/findings",
            new { source = "kvk", date = "2024-06-01", note = "Ingeschreven", link = "https://www.kvk.nl/" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["source"].Should().NotBeNull();
    }

    [Fact]
    public async Task Only_an_oov_regisseur_adds_findings()
    {
        var id = (await _client.RegisterAsync()).Str("id");
        await using var analyst = new ApiFactory(_factory.Database) { Roles = ["analist"], UserId = "analist-1" };

        var response = await analyst.CreateClient().PostAsJsonAsync($"/api/cases/{id}/findings",
            new { source = "internet", link = "https://example.org/", date = "2024-06-01", note = "Iets gevonden" });

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        problem.Str("detail").Should().Contain("OOV regisseur");
    }
}
