using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>
/// What a step asks for is checked by its declared type on every path that takes a step (the API here, the case page
/// and the agenda through the same engine), rendered by type on the pages, and described in the OpenAPI document.
/// </summary>
public class StepInformationApiTests
{
    /// <summary>A case at the ATOM with its inspection recorded, so an ATOM decision may be taken.</summary>
    private static async Task<string> AtAtomAsync(HttpClient client)
    {
        var id = (await client.RegisterAsync()).Str("id");
        await client.MoveToAsync(id, "atom");
        await client.RecordInspectionAsync(id);
        return id;
    }

    [Theory]
    [InlineData("morgen", "is a date, written as YYYY-MM-DD; 'morgen' is not one")]
    [InlineData("2024-06-04", "lies in the future")]
    public async Task A_check_date_that_is_not_a_past_date_is_refused_naming_the_field(string value, string problem)
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = await AtAtomAsync(client);

        var refused = await client.FireAsync(id, "last-onder-dwangsom", information: new Dictionary<string, string> { ["controledatum"] = value });

        var errors = (await refused.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["information.controledatum"]!.AsArray();
        errors.Select(e => e!.GetValue<string>()).Should().ContainSingle().Which.Should()
            .StartWith("'Datum van de controle' (controledatum)").And.Contain(problem);
        (await client.GetCaseAsync(id)).Str("stage.id").Should().Be("atom", "a refused step is not taken");
    }

    [Fact]
    public async Task A_valid_date_is_stored_as_checked_and_a_meeting_date_in_the_future_is_refused_on_the_LWO_decision_path()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = await AtAtomAsync(client);
        var taken = await client.FireOkAsync(id, "last-onder-dwangsom", information: new Dictionary<string, string> { ["controledatum"] = " 2024-06-01 " });
        taken["history"]!.AsArray().Last()!["information"]!.Str("controledatum").Should().Be("2024-06-01");

        var other = (await client.RegisterAsync()).Str("id");
        await client.MoveToAsync(other, "lwo");
        var refused = await client.FireAsync(other, "naar-politie", information: new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-10" });
        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["information.vergaderdatum"]![0]!.GetValue<string>().Should().StartWith("'Datum van het LWO-overleg' (vergaderdatum) lies in the future");
        (await client.GetFromJsonAsync<JsonArray>($"/api/cases/{other}/lwo-decisions"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task The_case_page_asks_for_a_date_with_a_date_input_that_ends_today()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var id = await AtAtomAsync(factory.CreateClient());

        var page = await (await factory.SignInOnPagesAsync("demo-oov")).GetStringAsync($"/zaken/{id}");

        // An ATOM step records its inspection; the inspection's date is the step's check date.
        page.Should().MatchRegex("<input id=\"last-onder-dwangsom-controle-datum\" name=\"stap.Controle.Datum\" type=\"date\" required=\"required\" max=\"2024-06-03\"");
    }

    [Fact]
    public async Task The_case_page_refuses_a_check_date_in_words_with_the_rule_in_Dutch_next_to_the_field()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var api = factory.CreateClient();
        var id = await AtAtomAsync(api);
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync($"/zaken/{id}");

        var refused = await page.PostAsync($"/zaken/{id}?handler=Stap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["trigger"] = "last-onder-dwangsom", ["revisie"] = (await api.GetCaseAsync(id)).Int("revision").ToString(),
            ["stap.Controle.Datum"] = "morgen", ["stap.Controle.Locatie"] = "Loods aan de Grote Straat",
            ["__RequestVerificationToken"] = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value,
        }));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.Should().MatchRegex("<span id=\"last-onder-dwangsom-controle-datum-fout\" class=\"field-error\">[^<]+</span>");
        html.Should().Contain("aria-describedby=\"last-onder-dwangsom-controle-datum-fout\"", "the field names its error");
        (await api.GetCaseAsync(id)).Str("stage.id").Should().Be("atom");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_what_every_step_asks_for_with_its_type()
    {
        await using var factory = new ApiFactory();
        var openApi = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var schemas = openApi["components"]!["schemas"]!;
        var check = schemas["StepInformation.ondermijning.v1.last-onder-dwangsom"]!;
        check["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("controledatum");
        check["additionalProperties"]!.ToJsonString().Should().Be("false");
        check["properties"]!["controledatum"]!.Str("format").Should().Be("date");
        var partner = schemas["StepInformation.ondermijning.v2.naar-ketenpartner"]!["properties"]!;
        partner["vergaderdatum"]!.Str("format").Should().Be("date");
        partner["ketenpartner"]!["maxLength"]!.GetValue<int>().Should().Be(200);
        schemas["StepInformation.ondermijning.v1.start-verrijking"]!["properties"].Should().BeNull("the step asks for nothing");

        var transitions = openApi["paths"]!["/api/cases/{id}/transitions"]!["post"]!.Str("description");
        transitions.Should().Contain("| ondermijning v1 | `last-onder-dwangsom` | atom → atom-last-onder-dwangsom | optional | " +
            "`controledatum`: date, not in the future (`StepInformation.ondermijning.v1.last-onder-dwangsom`) |");
    }
}
