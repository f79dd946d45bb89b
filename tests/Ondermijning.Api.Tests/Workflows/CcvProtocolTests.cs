using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>
/// The shipped CCV model protocol (workflows/ccv/v1.json) runs for Eijsden-Margraten, as the shipped settings configure it,
/// while Maastricht stays on its chain in the same deployment: each municipality gets its own annual table, the CCV one
/// with a section counted from what the protocol's steps declare they record, and the first three steps stay inside the
/// municipality.
/// </summary>
public class CcvProtocolTests
{
    public const string Maastricht = "GM0935";
    public const string EijsdenMargraten = "GM1903";
    public const string Workflow = "ccv-privacyprotocol";

    public static object Signal(string description = "Woning met dichtgeplakte ramen en veel kort bezoek") => new
    {
        municipality = EijsdenMargraten,
        sourceChannel = "melding-gemeente",
        description,
        persons = new[] { new { name = "P. Pietersen", birthDate = "1979-05-06", role = "bewoner" } },
    };

    public static readonly Dictionary<string, string> FirstWeighing = new()
    {
        ["datum-weging-1"] = "2024-05-20",
        ["indicatoren"] = "Vastgoed of huurconstructie\nDrugs",
        ["doel"] = "Vaststellen of de woning voor een hennepkwekerij wordt gebruikt",
    };

    public static readonly Dictionary<string, string> Approval = new()
    {
        ["bronnen"] = "BRP\nKadaster",
        ["proportionaliteit"] = "Beperkt: alleen gegevens over het object of de onderneming",
        ["subsidiariteit"] = "ja",
    };

    private static readonly Dictionary<string, string> ThirdWeighing = new() { ["binnen-toestemming"] = "ja", ["partners"] = "Politie\nBelastingdienst" };
    private static readonly Dictionary<string, string> Check = new() { ["datum-check"] = "2024-05-31" };

    public static HttpClient PrivacyOfficer(ApiFactory factory) =>
        factory.CreateClientFor("pf-eijsden", "gemeente", ["privacyfunctionaris"], [EijsdenMargraten]);

    private static async Task<JsonObject> AnnualAsync(HttpClient client, string municipality)
    {
        var response = await client.GetAsync($"/api/statistics/annual?municipality={municipality}&year=2024");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Dictionary<string, long> Figures(JsonObject table) =>
        table["sections"]!.AsArray().SelectMany(s => s!["figures"]!.AsArray())
            .ToDictionary(f => f!.Str("id"), f => f!["value"]!.GetValue<long>());

    [Fact]
    public async Task The_CCV_protocol_runs_for_one_municipality_beside_Maastricht_s_chain_each_with_its_own_annual_table()
    {
        await using var factory = new ApiFactory { Municipalities = [Maastricht, EijsdenMargraten] };
        var oov = factory.CreateClient();
        var officer = PrivacyOfficer(factory);

        var chain = await oov.RegisterAsync(ApiClient.Signal(municipality: Maastricht));
        chain.Str("workflow").Should().Be("ondermijning");
        await oov.MoveToAsync(chain.Str("id"), "atom");
        var maastrichtBefore = Figures(await AnnualAsync(oov, Maastricht));

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var registered = await oov.RegisterAsync(Signal());
            registered.Str("workflow").Should().Be(Workflow);
            ids.Add(registered.Str("id"));
        }
        var (toMeeting, noHit, noIndicators, refused) = (ids[0], ids[1], ids[2], ids[3]);

        foreach (var id in new[] { toMeeting, noHit, refused }) await oov.FireOkAsync(id, "weging-1-aanwijzingen", information: FirstWeighing);
        await oov.FireOkAsync(noIndicators, "weging-1-geen-actie", "Geen indicatoren van ondermijning gevonden");

        // Only the privacy officer approves the sources; the regisseur who asked for them cannot.
        (await oov.FireAsync(toMeeting, "bronnen-goedgekeurd", information: Approval)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var id in new[] { toMeeting, noHit }) await officer.FireOkAsync(id, "bronnen-goedgekeurd", information: Approval);
        await officer.FireOkAsync(refused, "bronnen-afgewezen", "Het doel rechtvaardigt het raadplegen van het BRP niet");

        foreach (var id in new[] { toMeeting, noHit }) await oov.FireOkAsync(id, "weging-3-check-aanvragen", information: ThirdWeighing);
        await oov.FireOkAsync(toMeeting, "hit", information: Check);
        await oov.FireOkAsync(noHit, "no-hit", information: Check);
        await oov.FireOkAsync(toMeeting, "naar-casusoverleg", "De politie kent de bewoner van eerdere hennepzaken",
            new Dictionary<string, string> { ["deelnemers"] = "Politie\nRIEC" });

        var table = await AnnualAsync(oov, EijsdenMargraten);
        var section = table["sections"]!.AsArray().Single(s => s!.Str("id") == Workflow)!;
        section.Str("title").Should().Be("CCV-modelprotocol: privacyprotocol bij signalen van ondermijning");
        var figures = Figures(table);
        figures.Where(f => f.Key.StartsWith(Workflow + ".")).Should().BeEquivalentTo(new Dictionary<string, long>
        {
            [$"{Workflow}.signalen"] = 4,
            [$"{Workflow}.wegingen"] = 5, // the first weighing of three cases, the third of two
            [$"{Workflow}.bronnen-goedgekeurd"] = 2,
            [$"{Workflow}.hit"] = 1,
            [$"{Workflow}.no-hit"] = 1,
            [$"{Workflow}.casusoverleg"] = 1,
            [$"{Workflow}.geen-actie"] = 2,
        });
        figures.Where(f => f.Key.StartsWith("lwo.") || f.Key.StartsWith("atom.") || f.Key.StartsWith("mot."))
            .Should().OnlyContain(f => f.Value == 0, "none of Maastricht's chain is counted in Eijsden-Margraten's table");

        var maastricht = await AnnualAsync(oov, Maastricht);
        maastricht["sections"]!.AsArray().Should().NotContain(s => s!.Str("id") == Workflow, "Maastricht has no case on the protocol");
        Figures(maastricht).Should().BeEquivalentTo(maastrichtBefore);
        maastrichtBefore["lwo.atom"].Should().Be(1);
    }

    [Fact]
    public async Task A_police_user_sees_nothing_of_a_CCV_case_in_steps_one_to_three_and_the_case_at_the_case_meeting()
    {
        await using var factory = new ApiFactory { Municipalities = [EijsdenMargraten] };
        var oov = factory.CreateClient();
        var police = factory.CreateClientFor("politie-eijsden", "politie", ["tafeldeelnemer"], [EijsdenMargraten]);
        var id = (await oov.RegisterAsync(Signal("GEHEIMOMSCHRIJVING van een woning"))).Str("id");

        async Task ShouldSeeNothingAsync()
        {
            await (await police.GetAsync($"/api/cases/{id}")).ProblemAsync(HttpStatusCode.NotFound);
            await (await police.GetAsync($"/api/cases/{id}/export")).ProblemAsync(HttpStatusCode.NotFound);
            (await police.GetStringAsync("/api/cases")).Should().NotContain(id);
            (await police.GetStringAsync("/api/search?q=Pietersen")).Should().NotContain(id).And.NotContain("GEHEIMOMSCHRIJVING");
        }

        await ShouldSeeNothingAsync();
        await oov.FireOkAsync(id, "weging-1-aanwijzingen", information: FirstWeighing);
        await ShouldSeeNothingAsync();
        await PrivacyOfficer(factory).FireOkAsync(id, "bronnen-goedgekeurd", information: Approval);
        await ShouldSeeNothingAsync();
        await oov.FireOkAsync(id, "weging-3-check-aanvragen", information: ThirdWeighing);
        await ShouldSeeNothingAsync();
        await oov.FireOkAsync(id, "hit", information: Check);
        await ShouldSeeNothingAsync();

        await oov.FireOkAsync(id, "naar-casusoverleg", "Hit bij de politie", new Dictionary<string, string> { ["deelnemers"] = "Politie" });
        var seen = await police.GetCaseAsync(id);
        seen.Str("stage.id").Should().Be("casusoverleg");
        seen.Str("description").Should().Be("GEHEIMOMSCHRIJVING van een woning", "from the case meeting on the police sits at the table");
    }
}
