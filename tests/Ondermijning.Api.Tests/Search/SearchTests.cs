using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Tests.Search;

public class SearchTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new() { DemoUsers = true };
    private HttpClient _oov = null!;

    public Task InitializeAsync()
    {
        _oov = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Signal(string company, string kvk, string postcode, int number, string person, string? birthDate = null,
        string municipality = "GM0935", string street = "Grote Straat") => new
    {
        municipality,
        sourceChannel = "melding-gemeente",
        description = "Signaal over een bedrijf",
        companies = new[] { new { name = company, kvkNumber = kvk, place = "Maastricht" } },
        addresses = new[] { new { postcode, houseNumber = number, street, city = "Maastricht" } },
        persons = new[] { new { name = person, birthDate, role = "eigenaar" } },
    };

    private async Task<JsonObject> SearchAsync(HttpClient client, string q, int page = 1)
    {
        var response = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&page={page}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Ids(JsonObject result) => result["hits"]!.AsArray().Select(h => h!.Str("id")).ToList();

    [Fact]
    public async Task Finds_a_case_by_KvK_number_address_as_typed_short_code_and_name_and_says_why()
    {
        var schaar = (await _oov.RegisterAsync(Signal("Kapsalon De Schaar", "12345678", "6211AB", 12, "Jan Jansen", "1980-04-01"))).Str("id");
        var other = (await _oov.RegisterAsync(Signal("Shisha Loünge", "87654321", "6221EA", 3, "Piet Pietersen", street: "Wycker Brugstraat"))).Str("id");

        var byKvk = await SearchAsync(_oov, "12345678");
        Ids(byKvk).Should().Equal(schaar);
        byKvk["hits"]![0]!["reasons"]![0]!.Str("kind").Should().Be("kvk-number");
        byKvk["hits"]![0]!["reasons"]![0]!.Str("value").Should().Be("12345678 (Kapsalon De Schaar)");
        byKvk["hits"]![0]!.Str("subject").Should().Be("Kapsalon De Schaar");

        Ids(await SearchAsync(_oov, "6211 ab 12")).Should().Equal(schaar);
        Ids(await SearchAsync(_oov, "6211AB")).Should().Equal(schaar);
        Ids(await SearchAsync(_oov, "6211 AB 13")).Should().BeEmpty();

        var code = other.Replace("-", "")[^8..];
        var byCode = await SearchAsync(_oov, code.ToUpperInvariant());
        Ids(byCode).Should().Equal(other);
        byCode["hits"]![0]!.Str("code").Should().Be(code.ToUpperInvariant());
        Ids(await SearchAsync(_oov, other)).Should().Equal(other);

        Ids(await SearchAsync(_oov, "jansen")).Should().Equal(schaar);
        Ids(await SearchAsync(_oov, "jan jans")).Should().Equal(schaar);
        Ids(await SearchAsync(_oov, "Jansen 1980-04-01")).Should().Equal(schaar);
        Ids(await SearchAsync(_oov, "Jansen 1-4-1980")).Should().Equal(schaar);
        Ids(await SearchAsync(_oov, "Jansen 1981-04-01")).Should().BeEmpty();
        Ids(await SearchAsync(_oov, "shisha lounge")).Should().Equal([other], "diacritics do not matter");
        Ids(await SearchAsync(_oov, "wycker")).Should().Equal(other);
        (await SearchAsync(_oov, "wycker"))["hits"]![0]!["reasons"]![0]!.Str("value").Should().Be("Wycker Brugstraat 3, 6221 EA Maastricht");
    }

    [Fact]
    public async Task A_user_of_another_municipality_finds_nothing_and_sees_no_links()
    {
        var id = (await _oov.RegisterAsync(Signal("Kapsalon De Schaar", "12345678", "6211AB", 12, "Jan Jansen"))).Str("id");
        var heerlen = _factory.CreateClientFor("heerlen", "gemeente", ["oov-regisseur"], ["GM0917"]);

        foreach (var q in new[] { "12345678", "6211AB 12", "jansen", id, id.Replace("-", "")[^8..] })
            Ids(await SearchAsync(heerlen, q)).Should().BeEmpty($"'{q}' names a case of Maastricht");
        (await heerlen.GetAsync($"/api/cases/{id}/related")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_case_links_the_other_cases_with_the_same_KvK_number_address_or_person()
    {
        var first = (await _oov.RegisterAsync(Signal("Kapsalon De Schaar", "12345678", "6211AB", 12, "Jan Jansen", "1980-04-01"))).Str("id");
        var sameAddress = (await _oov.RegisterAsync(Signal("Nagelstudio", "11112222", "6211 ab", 12, "Els Peters"))).Str("id");
        var samePerson = (await _oov.RegisterAsync(Signal("Autohandel", "33334444", "6221EA", 1, "jan  JANSEN", "1980-04-01"))).Str("id");
        await _oov.RegisterAsync(Signal("Bakkerij", "55556666", "6222AA", 5, "Kees Bakker"));
        var elsewhere = _factory.CreateClientFor("heerlen", "gemeente", ["oov-regisseur"], ["GM0917"]);
        await elsewhere.RegisterAsync(Signal("Kapsalon De Schaar", "12345678", "6211AB", 12, "Jan Jansen", "1980-04-01", municipality: "GM0917"));

        var response = await _oov.GetAsync($"/api/cases/{first}/related");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var related = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        related.Select(r => r!.Str("id")).Should().BeEquivalentTo([sameAddress, samePerson], "a case of Heerlen is not the user's to see");
        related.Single(r => r!.Str("id") == sameAddress)!["reasons"]![0]!.Str("kind").Should().Be("address");
        related.Single(r => r!.Str("id") == samePerson)!["reasons"]![0]!.Str("kind").Should().Be("person");
    }

    [Fact]
    public async Task A_common_name_is_counted_in_all_and_paged_newest_first()
    {
        var older = new List<string>();
        foreach (var batch in Enumerable.Range(0, SearchCases.MaxHits).Chunk(25))
            older.AddRange(await Task.WhenAll(batch.Select(async i =>
                (await _oov.RegisterAsync(Signal($"Bedrijf {i}", $"{10_000_000 + i}", "6211AB", i + 1, "Jan Jansen"))).Str("id"))));
        _factory.Clock.Advance(NodaTime.Duration.FromDays(1));
        var newest = (await _oov.RegisterAsync(Signal("Bakkerij", "55556666", "6222AA", 5, "Kees Jansen"))).Str("id");
        await _oov.RegisterAsync(Signal("Kapsalon", "77778888", "6222AA", 7, "Piet Pietersen"));

        var first = await SearchAsync(_oov, "jansen");
        first["total"]!.GetValue<int>().Should().Be(SearchCases.MaxHits + 1, "every case with a Jansen counts, not only those shown");
        first["more"]!.GetValue<bool>().Should().BeTrue();
        Ids(first).Should().HaveCount(SearchCases.MaxHits).And.StartWith(newest, "the newest comes first");

        var second = await SearchAsync(_oov, "jansen", page: 2);
        second["page"]!.GetValue<int>().Should().Be(2);
        second["more"]!.GetValue<bool>().Should().BeFalse();
        Ids(first).Concat(Ids(second)).Should().BeEquivalentTo(older.Append(newest), "the pages together hold every hit once");

        var page = await (await _factory.SignInOnPagesAsync("demo-oov")).GetStringAsync("/zoeken?q=jansen&pagina=2");
        page.Should().Contain($"{SearchCases.MaxHits + 1} zaken gevonden").And.Contain("Pagina 2 van 2").And.Contain("rel=\"prev\"");
        (await (await _oov.GetAsync("/api/search?q=jansen&page=0")).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["page"].Should().NotBeNull();
    }

    [Fact]
    public async Task An_empty_or_overlong_query_is_refused_naming_q()
    {
        (await (await _oov.GetAsync("/api/search?q=")).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["q"].Should().NotBeNull();
        (await (await _oov.GetAsync($"/api/search?q={new string('x', 201)}")).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["q"].Should().NotBeNull();
    }
}
