using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Validation;

/// <summary>
/// The case page's forms keep the engine's rules, as a person signed in on the pages meets them: the rule in Dutch next
/// to the field (marked aria-invalid and described by the message), what was typed kept, nothing stored, never a 500.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class CasePageFormTests
{
    [Theory]
    [InlineData(20_000, 20, "item-inhoud", "Gebruik hoogstens 8000 tekens.")]
    [InlineData(100, 600, "grondslag", "Gebruik hoogstens 500 tekens.")]
    [InlineData(0, 20, "item-inhoud", "Vul dit veld in.")]
    [InlineData(100, 0, "grondslag", "Vul dit veld in.")]
    public async Task The_information_form_refuses_what_the_api_refuses_with_the_Dutch_rule_next_to_the_field_and_stores_nothing(
        int contentLength, int legalBasisLength, string fieldId, string message)
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var api = factory.CreateClient();
        var id = (await api.RegisterAsync()).Str("id");
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync($"/zaken/{id}");

        var response = await page.PostAsync($"/zaken/{id}?handler=Informatie", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["categorie"] = "open", ["vertrouwelijkheid"] = "vertrouwelijk",
            ["grondslag"] = new string('g', legalBasisLength), ["inhoud"] = new string('i', contentLength),
            ["__RequestVerificationToken"] = PageSignIn.FormToken(form),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain($"<span id=\"{fieldId}-fout\" class=\"field-error\">{message}</span>");
        Regex.IsMatch(html, $"id=\"{fieldId}\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"{fieldId}-fout\"").Should().BeTrue(html);
        if (contentLength > 0) html.Should().Contain(new string('i', contentLength), "what was typed is kept");
        var items = await api.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/items");
        items!["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_signal_form_refuses_a_too_long_branch_and_a_control_character_next_to_their_fields_and_registers_nothing()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync("/signalen/nieuw");

        var response = await page.PostAsync("/signalen/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Signaal.Gemeente"] = "GM0935", ["Signaal.Bron"] = "melding-gemeente", ["Signaal.Omschrijving"] = "Drukte bij een kapsalon",
            ["Signaal.Anoniem"] = "true", ["Signaal.Branche"] = new string('b', 150), ["Signaal.Personen[0].Naam"] = "J.\u0001Jansen",
            ["__RequestVerificationToken"] = PageSignIn.FormToken(form),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<span id=\"branche-fout\" class=\"field-error\">Gebruik hoogstens 100 tekens.</span>");
        Regex.IsMatch(html, "id=\"branche\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"branche-fout\"").Should().BeTrue();
        html.Should().Contain("<span id=\"persoon-0-naam-fout\" class=\"field-error\">Dit veld bevat een stuurteken");
        (await factory.CreateClient().CaseCountAsync()).Should().Be(0);
    }
}
