using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Interventions;

public class EnforcementRecordTests
{
    [Fact]
    public async Task Every_mistake_in_a_record_is_named_per_field()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/bibob-screenings",
            new { municipality = "Maastricht", date = "31-12-2023", kind = "grondig", outcome = "weigering" });

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo("municipality", "date", "kind", "permitType", "outcome");
        errors["kind"]!.ToJsonString().Should().Contain("quick-scan").And.Contain("in-depth");
    }

    [Fact]
    public async Task A_record_linked_to_a_case_must_be_of_the_case_s_municipality_and_may_not_lie_in_the_future()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var client = factory.CreateClient();
        var caseId = (await client.RegisterAsync(ApiClient.Signal(municipality: "GM0917"))).Str("id");

        var other = await client.PostAsJsonAsync("/api/drug-premises-closures",
            new { municipality = "GM0935", closedOn = "2024-06-01", premises = "Markt 1", caseId });
        (await other.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Str("detail").Should().Contain("GM0917");

        var future = await client.PostAsJsonAsync("/api/street-dealing-penalties",
            new { municipality = "GM0935", imposedOn = "2024-06-04", party = "seller" });
        (await future.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["imposedOn"].Should().NotBeNull();

        var same = await client.PostAsJsonAsync("/api/drug-premises-closures",
            new { municipality = "GM0917", closedOn = "2024-06-03", premises = "Markt 1", caseId });
        await same.ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_list_holds_one_municipality_s_records_of_the_year_asked_newest_first_in_pages()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var client = factory.CreateClient();
        foreach (var (municipality, imposedOn) in new[] { ("GM0935", "2023-12-31"), ("GM0935", "2024-01-01"), ("GM0935", "2024-05-02"), ("GM0917", "2024-03-01") })
            await (await client.PostAsJsonAsync("/api/street-dealing-penalties", new { municipality, imposedOn, party = "buyer" }))
                .ShouldHaveStatus(HttpStatusCode.Created);

        var first = (await client.GetFromJsonAsync<JsonObject>("/api/street-dealing-penalties?municipality=GM0935&year=2024&pageSize=1"))!;
        first.Int("totalCount").Should().Be(2, "the penalty of 31 December 2023 counts in 2023, Heerlen's in Heerlen");
        first["items"]!.AsArray().Select(i => i!.Str("imposedOn")).Should().Equal("2024-05-02");
        var second = (await client.GetFromJsonAsync<JsonObject>("/api/street-dealing-penalties?municipality=GM0935&year=2024&pageSize=1&page=2"))!;
        second["items"]!.AsArray().Select(i => i!.Str("imposedOn")).Should().Equal("2024-01-01");
        var all = (await client.GetFromJsonAsync<JsonObject>("/api/street-dealing-penalties?municipality=GM0935"))!;
        all["items"]!.AsArray().Select(i => i!.Str("imposedOn")).Should().Equal("2024-05-02", "2024-01-01", "2023-12-31");

        var bad = await client.GetAsync("/api/street-dealing-penalties?municipality=GM0935&year=1800&pageSize=500");
        (await bad.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("year", "pageSize");
        var stranger = factory.CreateClientFor("heerlen", "gemeente", ["oov-regisseur"], ["GM0917"]);
        (await stranger.GetAsync("/api/street-dealing-penalties?municipality=GM0935")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
