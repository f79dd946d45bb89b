using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Tests.Validation;

/// <summary>
/// The new-signal form as a browser without JavaScript posts it: the rules in Dutch next to their fields, an error summary
/// that takes the focus, rows added and removed by the server, and nothing stored when anything is refused.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class SignalFormTests
{
    private static async Task<(ApiFactory Factory, HttpClient Page, string Token)> OpenAsync()
    {
        var factory = new ApiFactory { DemoUsers = true };
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync("/signalen/nieuw");
        return (factory, page, PageSignIn.FormToken(form));
    }

    private static FormUrlEncodedContent Form(string token, Dictionary<string, string> fields) =>
        new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

    private static void ShouldRefuse(string encoded, string id, string message)
    {
        var html = WebUtility.HtmlDecode(encoded);
        html.Should().Contain($"<span id=\"{id}-fout\" class=\"field-error\">{message}</span>");
        Regex.IsMatch(html, $"id=\"{Regex.Escape(id)}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*{Regex.Escape(id)}-fout\"").Should().BeTrue(id);
        html.Should().Contain($"<a href=\"#{id}\">{message}</a>", "the error summary links to the field");
    }

    [Fact]
    public async Task Refusals_stand_next_to_their_fields_in_Dutch_under_a_summary_that_takes_the_focus_and_nothing_is_stored()
    {
        var (factory, page, token) = await OpenAsync();
        await using var _ = factory;
        var tomorrow = LocalDatePattern.Iso.Format(factory.Clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date.PlusDays(1));

        var response = await page.PostAsync("/signalen/nieuw", Form(token, new()
        {
            ["Signaal.Gemeente"] = "GM0935", ["Signaal.Bron"] = "melding-gemeente", ["Signaal.Omschrijving"] = "",
            ["Signaal.OntvangenDatum"] = tomorrow, ["Signaal.Anoniem"] = "true",
            ["Signaal.Bedrijven[0].Plaats"] = "Maastricht",
            ["Signaal.Adressen[0].Postcode"] = "6211 AB", ["Signaal.Adressen[0].Huisnummer"] = "twaalf",
            ["Signaal.Personen[0].Naam"] = "J. Jansen", ["Signaal.Personen[1].Naam"] = "P. de Vries", ["Signaal.Personen[1].Geboortedatum"] = tomorrow,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"fouten-titel\" tabindex=\"-1\" id=\"foutenoverzicht\" autofocus>");
        ShouldRefuse(html, "omschrijving", "Vul dit veld in.");
        ShouldRefuse(html, "ontvangen-datum", "Deze datum ligt in de toekomst.");
        ShouldRefuse(html, "bedrijf-0-naam", "Vul de naam of het KvK-nummer van de onderneming in.");
        ShouldRefuse(html, "adres-0-huisnummer", "Vul een huisnummer van 1 tot en met 99999 in.");
        ShouldRefuse(html, "persoon-1-geboortedatum", "Deze datum ligt in de toekomst.");
        html.Should().Contain("value=\"P. de Vries\"", "what was typed is kept, in its own row");
        (await factory.CreateClient().CaseCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_name_typed_while_anoniem_is_ticked_is_refused_and_never_stored_without_a_word()
    {
        var (factory, page, token) = await OpenAsync();
        await using var _ = factory;

        var response = await page.PostAsync("/signalen/nieuw", Form(token, new()
        {
            ["Signaal.Gemeente"] = "GM0935", ["Signaal.Bron"] = "melding-gemeente", ["Signaal.Omschrijving"] = "Drukte bij een kapsalon",
            ["Signaal.Anoniem"] = "true", ["Signaal.MelderNaam"] = "Jan de Melder",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        ShouldRefuse(html, "melder-naam", "U heeft ‘anoniem’ aangevinkt én een naam of contactgegeven ingevuld. Een anonieme melding bewaart geen naam: haal de naam en het contactgegeven weg, of vink ‘anoniem’ uit.");
        (await factory.CreateClient().CaseCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Without_JavaScript_the_buttons_add_and_remove_rows_and_keep_what_was_typed()
    {
        var (factory, page, token) = await OpenAsync();
        await using var _ = factory;
        var typed = new Dictionary<string, string>
        {
            ["Signaal.Omschrijving"] = "Drukte", ["Signaal.Personen[0].Naam"] = "J. Jansen", ["Signaal.Personen[1].Naam"] = "P. de Vries",
        };

        var added = await page.PostAsync("/signalen/nieuw?handler=Toevoegen&soort=persoon", Form(token, typed));
        await added.ShouldHaveStatus(HttpStatusCode.OK);
        var html = await added.Content.ReadAsStringAsync();
        html.Should().Contain("name=\"Signaal.Personen[2].Naam\"").And.Contain("value=\"P. de Vries\"").And.Contain(">Drukte</textarea>");
        html.Should().NotContain("field-error", "nothing was checked yet");

        var removed = await page.PostAsync("/signalen/nieuw?handler=Verwijderen&soort=persoon&rij=0", Form(token, typed));
        html = await removed.Content.ReadAsStringAsync();
        Regex.IsMatch(html, "name=\"Signaal.Personen\\[0\\].Naam\" value=\"P. de Vries\"").Should().BeTrue();
        html.Should().NotContain("J. Jansen").And.NotContain("Signaal.Personen[1].Naam");
        (await factory.CreateClient().CaseCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task The_municipality_is_offered_by_name_from_the_users_own_municipalities()
    {
        var (factory, page, _) = await OpenAsync();
        await using var __ = factory;

        var html = await page.GetStringAsync("/signalen/nieuw");

        Regex.Matches(html, "<option value=\"GM[0-9]{4}\"[^>]*>([^<]+)</option>").Select(m => m.Groups[1].Value).Should().Equal("Maastricht");
    }

    [Fact]
    public async Task A_user_of_many_municipalities_types_one_by_name_and_is_refused_one_they_do_not_work_for()
    {
        var limburg = new[] { "GM0882", "GM0888", "GM0889", "GM0893", "GM0899", "GM0907", "GM0917", "GM0928", "GM0935", "GM0938",
            "GM0944", "GM0946", "GM0957", "GM0965", "GM0971", "GM0981", "GM0983", "GM0984", "GM0986", "GM0988" };
        var settings = new Dictionary<string, string>
        {
            ["Identity:Development:Users:40:UserId"] = "demo-regio", ["Identity:Development:Users:40:Name"] = "Demo regio",
            ["Identity:Development:Users:40:Organisation"] = "gemeente", ["Identity:Development:Users:40:Roles:0"] = "oov-regisseur",
        };
        foreach (var (code, i) in limburg.Select((c, i) => (c, i))) settings[$"Identity:Development:Users:40:Municipalities:{i}"] = code;
        await using var factory = new ApiFactory { DemoUsers = true, Settings = settings, Municipalities = limburg };
        var page = await factory.SignInOnPagesAsync("demo-regio");
        var form = await page.GetStringAsync("/signalen/nieuw");
        form.Should().Contain("<input id=\"gemeente\" name=\"Signaal.Gemeente\"").And.Contain("<option value=\"Maastricht\"></option>");
        Dictionary<string, string> Signal(string municipality) => new()
        {
            ["Signaal.Gemeente"] = municipality, ["Signaal.Bron"] = "melding-gemeente", ["Signaal.Omschrijving"] = "Drukte bij een kapsalon",
            ["Signaal.Anoniem"] = "true",
        };

        var elsewhere = await page.PostAsync("/signalen/nieuw", Form(PageSignIn.FormToken(form), Signal("Amsterdam")));
        elsewhere.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        ShouldRefuse(await elsewhere.Content.ReadAsStringAsync(), "gemeente", "U werkt niet voor Amsterdam; kies een van uw gemeenten.");

        var registered = await page.PostAsync("/signalen/nieuw", Form(PageSignIn.FormToken(form), Signal(" maastricht ")));
        registered.StatusCode.Should().Be(HttpStatusCode.OK, "the case page follows the registration");
        var cases = await factory.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/cases");
        cases!["items"]!.AsArray().Should().ContainSingle().Which!.Str("municipality").Should().Be("GM0935");
    }
}
