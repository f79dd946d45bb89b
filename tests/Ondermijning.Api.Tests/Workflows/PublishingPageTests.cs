using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>The functional administrator writes, checks and publishes a version on the pages, as on the API.</summary>
public partial class PublishingPageTests
{
    private static string Textarea(string html) => WebUtility.HtmlDecode(Definition().Match(html).Groups[1].Value);

    private static FormUrlEncodedContent Form(string html, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", PageSignIn.FormToken(html))));

    [Fact]
    public async Task An_administrator_copies_the_newest_version_changes_it_sees_what_changes_and_publishes_it_on_the_pages()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var page = await factory.SignInOnPagesAsync("demo-beheerder");

        var start = await page.GetStringAsync("/definities/concept");
        var copy = JsonNode.Parse(Textarea(start))!.AsObject();
        copy["version"]!.GetValue<int>().Should().Be(4, "a new version starts as a copy of the newest, one higher");
        copy["stages"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "lwo")!["label"] = "Lokale weegploeg (LWO)";

        var saved = await page.PostAsync("/definities/concept?handler=Opslaan", Form(start, ("Werkproces", "ondermijning"), ("Definitie", copy.ToJsonString())));
        saved.StatusCode.Should().Be(HttpStatusCode.OK);
        saved.RequestMessage!.RequestUri!.PathAndQuery.Should().Be("/definities/concept?werkproces=ondermijning&versie=4");
        var draft = await saved.Content.ReadAsStringAsync();
        draft.Should().Contain("Wijzigingen ten opzichte van de vorige versie").And.Contain("<td>Fase</td><td><code>lwo</code></td><td>gewijzigd</td>")
            .And.Contain("Lokale weegploeg (LWO)").And.Contain("<svg");

        var published = await page.PostAsync("/definities/concept?handler=Publiceren&versie=4",
            Form(draft, ("Werkproces", "ondermijning"), ("GeldtVanaf", "2024-06-01")));
        published.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/definities");
        (await published.Content.ReadAsStringAsync()).Should().Contain("is gepubliceerd en geldt vanaf 1 juni 2024");

        var api = factory.CreateClient();
        var version = (await api.GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/4"))!;
        version.Str("state").Should().Be("published");
        (await api.RegisterAsync()).Int("definitionVersion").Should().Be(4);
    }

    [Fact]
    public async Task A_faulty_draft_is_shown_with_each_problem_and_its_line_and_a_wrong_date_next_to_its_field_and_nothing_is_published()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var page = await factory.SignInOnPagesAsync("demo-beheerder");
        var start = await page.GetStringAsync("/definities/concept");
        var faulty = Textarea(start).Replace("\"kind\": \"start\"", "\"kind\": \"begin\"");
        faulty = faulty[..faulty.IndexOf("\"title\"", StringComparison.Ordinal)] + "\"toelichting\": \"Een uitleg\",\n  " + faulty[faulty.IndexOf("\"title\"", StringComparison.Ordinal)..];

        var refused = await page.PostAsync("/definities/concept?handler=Opslaan", Form(start, ("Werkproces", "ondermijning"), ("Definitie", faulty)));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await refused.Content.ReadAsStringAsync();
        html.Should().Contain("er is niets opgeslagen").And.MatchRegex("Regel \\d+, <code>\\$\\.stages\\[0\\]\\.kind</code>");
        Regex.IsMatch(html, "id=\"definitie\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"fouten\"").Should().BeTrue();
        WebUtility.HtmlDecode(html).Should().Contain("\"kind\": \"begin\"", "what was typed is kept")
            .And.MatchRegex("Regel \\d+, <code>\\$\\.toelichting</code>: ‘toelichting’ hoort hier niet; hier horen: \\$schema, id, version, title", "a common mistake is told in Dutch");

        var saved = await page.PostAsync("/definities/concept?handler=Opslaan", Form(start, ("Werkproces", "ondermijning"), ("Definitie", Textarea(start))));
        var draft = await saved.Content.ReadAsStringAsync();
        var wrongDate = await page.PostAsync("/definities/concept?handler=Publiceren&versie=4",
            Form(draft, ("Werkproces", "ondermijning"), ("GeldtVanaf", "morgen")));
        wrongDate.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var dateHtml = await wrongDate.Content.ReadAsStringAsync();
        Regex.IsMatch(dateHtml, "id=\"geldt-vanaf\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"geldt-vanaf-fout").Should().BeTrue();
        dateHtml.Should().Contain("<span id=\"geldt-vanaf-fout\" class=\"field-error\">");

        var api = factory.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]);
        (await api.GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/4"))!.Str("state").Should().Be("draft");
    }

    [Fact]
    public async Task Only_those_who_publish_reach_the_draft_page()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var page = await factory.SignInOnPagesAsync("demo-oov");
        (await page.GetAsync("/definities/concept")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await page.GetStringAsync("/definities")).Should().NotContain("Nieuwe versie schrijven");
    }

    [GeneratedRegex("<textarea id=\"definitie\"[^>]*>([\\s\\S]*?)</textarea>")]
    private static partial Regex Definition();
}
