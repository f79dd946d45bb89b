using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Validation;

/// <summary>
/// The pages' forms under malformed and boundary input, as a browser would post it (whatever the form's own checks
/// allow or a hand-made request sends): the case page's forms, the signal form and an LWO agenda; never a 5xx, and a
/// refused form changes nothing.
/// </summary>
public class PageFormFuzzTests
{
    /// <summary>Values at and around the rules: empty, blank, at and over the limits, control characters, broken UTF-8, dates out of range.</summary>
    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.Const(""), Gen.Const("   "), Gen.Const("Kapsalon De Schaar"), Gen.Const("regel een\nregel twee\ttab"),
        Gen.Int[0, 12].Select(n => new string('x', n)),
        Gen.OneOf(Gen.Const(100), Gen.Const(200), Gen.Const(500), Gen.Const(2000), Gen.Const(4000), Gen.Const(8000))
            .SelectMany(limit => Gen.Int[-1, 1].Select(d => new string('y', limit + d))),
        Gen.Const(new string('z', 20_000)),
        Gen.Char['\0', '\u001f'].Select(c => $"voor{c}na"),
        Gen.Const("\ud800"), Gen.Const("emoji 😀"), Gen.Const("\u202eomgekeerd"),
        Gen.OneOf(Gen.Const("2024-06-01"), Gen.Const("9999-12-31"), Gen.Const("0001-01-01"), Gen.Const("2024-02-30"),
            Gen.Const("morgen"), Gen.Const("1899-12-31"), Gen.Const("2100-12-31")),
        Gen.OneOf(Gen.Const("GM0935"), Gen.Const("gm0935"), Gen.Const("6211 AB"), Gen.Const("12345678"), Gen.Const("-1"),
            Gen.Const("99999999999"), Gen.Const("open"), Gen.Const("vertrouwelijk"), Gen.Const("hoog"), Gen.Const("start-verrijking"),
            Gen.Const("bevestigd-naar-lwo"), Gen.Const("naar-ketenpartner"), Gen.Const("naar-atom"),
            Gen.Const("melding-gemeente"), Gen.Const("true")));

    private static Gen<(string Path, List<(string Name, string Value)> Fields)> Form(string caseId)
    {
        Gen<List<(string, string)>> Fields(params string[] names) =>
            Value.Array[names.Length].Select(values => names.Zip(values, (n, v) => (n, v)).ToList());
        return Gen.OneOf(
            Fields("categorie", "grondslag", "inhoud", "vertrouwelijkheid").Select(f => ($"/zaken/{caseId}?handler=Informatie", f)),
            Fields("zwaarte", "reden").Select(f => ($"/zaken/{caseId}?handler=Zwaarte", f)),
            Fields("tekst").Select(f => ($"/zaken/{caseId}?handler=Terugkoppeling", f)),
            Fields("soort", "uitvoerder", "gepland").Select(f => ($"/zaken/{caseId}?handler=Interventie", f)),
            Fields("trigger", "reden", "revisie", "informatie[vergaderdatum]", "informatie[ketenpartner]").Select(f => ($"/zaken/{caseId}?handler=Stap", f)),
            Fields("Signaal.Gemeente", "Signaal.Bron", "Signaal.Omschrijving", "Signaal.Branche", "Signaal.Fenomenen", "Signaal.Anoniem",
                "Signaal.MelderNaam", "Signaal.MelderContact", "Signaal.BedrijfNaam", "Signaal.KvkNummer", "Signaal.BedrijfPlaats",
                "Signaal.Postcode", "Signaal.Huisnummer", "Signaal.Toevoeging", "Signaal.Straat", "Signaal.Plaats", "Signaal.PersoonNaam",
                "Signaal.Geboortedatum", "Signaal.PersoonRol").Select(f => ("/signalen/nieuw", f)),
            Fields("vergaderdatum", "besluiten[0].Revisie", "besluiten[0].Stap", "besluiten[0].Reden", "besluiten[0].Informatie[ketenpartner]")
                .Select(f => ("/tafels/lwo", f.Prepend(("besluiten[0].Zaak", caseId)).ToList())));
    }

    [Fact]
    public async Task Malformed_and_boundary_page_forms_never_get_a_5xx_and_a_refused_form_changes_nothing()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var api = factory.CreateClient();
        var caseId = (await api.RegisterAsync()).Str("id");
        // At the LWO, where the agenda and the step form take decisions that carry a meeting date and a chain partner.
        await api.MoveToAsync(caseId, "lwo");
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var token = PageSignIn.FormToken(await page.GetStringAsync($"/zaken/{caseId}"));
        var state = await StateAsync(api, caseId);
        var statuses = new List<HttpStatusCode>();

        await Form(caseId).SampleAsync(async form =>
        {
            var body = string.Join("&", form.Fields.Append(("__RequestVerificationToken", token)).Select(f => $"{Encode(f.Item1)}={Encode(f.Item2)}"));
            var response = await page.PostAsync(form.Path, new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
            statuses.Add(response.StatusCode);
            ((int)response.StatusCode).Should().BeLessThan(500, $"{form.Path} with {body[..Math.Min(body.Length, 300)]}");
            var now = await StateAsync(api, caseId);
            // The client follows the redirect of a form that was taken, so a 4xx is a refusal.
            if ((int)response.StatusCode >= 400) now.Should().Be(state, $"a refused {form.Path} stores nothing");
            state = now;
        }, iter: 300, threads: 1);

        statuses.Should().HaveCount(300);
        statuses.Should().Contain(HttpStatusCode.UnprocessableEntity, "the generator reaches the rules")
            .And.Contain(HttpStatusCode.OK, "and also forms that pass them");
    }

    /// <summary>What a form could change: the case (stage, severity, history), its items and the number of cases.</summary>
    private static async Task<string> StateAsync(HttpClient api, string caseId)
    {
        var @case = (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!;
        var items = (await api.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}/items"))!;
        return $"{@case.ToJsonString()}|{items.ToJsonString()}|{await api.CaseCountAsync()}";
    }

    /// <summary>Percent-encodes UTF-8; a lone surrogate goes as the bytes of one (ED A0 80), which no valid UTF-8 holds.</summary>
    private static string Encode(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (char.IsSurrogate(text[i]) && !pair)
            {
                result.Append("%ED%A0%80");
                continue;
            }
            foreach (var b in Encoding.UTF8.GetBytes(text.Substring(i, pair ? 2 : 1))) result.Append($"%{b:X2}");
            if (pair) i++;
        }
        return result.ToString();
    }
}
