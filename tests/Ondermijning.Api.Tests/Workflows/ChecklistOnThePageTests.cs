using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>
/// A step that asks for a checklist (a structured weighing: "at least two indicators") shows it on the case page and on a
/// table's agenda as boxes to tick, refuses too few next to the field in Dutch, and stores the ticked options as the API does.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class ChecklistOnThePageTests
{
    private static readonly string[] Indicators = ["Contante betalingen", "Afgeschermde ramen", "Wisselende bezoekers", "Geen openingstijden"];

    [Fact]
    public async Task A_checklist_is_ticked_on_the_page_and_too_few_ticks_are_refused_next_to_it()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        await VocabularyGuardTests.PublishVersion4Async(factory, d =>
        {
            var start = d["transitions"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["trigger"]!.GetValue<string>() == "start-verrijking");
            start["guards"]!["requiredInformation"] = new JsonArray(new JsonObject
            {
                ["key"] = "indicatoren", ["label"] = "Indicatoren van ondermijning", ["type"] = "checklist",
                ["values"] = new JsonArray(Indicators.Select(i => (JsonNode)i!).ToArray()), ["minimum"] = 2,
            });
        });
        var api = factory.CreateClient();
        var id = (await api.RegisterAsync()).Str("id");
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync($"/zaken/{id}");
        form.Should().Contain("<legend>Indicatoren van ondermijning (kruis er minstens 2 aan)</legend>");
        foreach (var indicator in Indicators) form.Should().Contain($"name=\"keuzelijst[indicatoren]\" value=\"{indicator}\"");

        async Task<HttpResponseMessage> TakeAsync(string html, params string[] ticked) =>
            await page.PostAsync($"/zaken/{id}?handler=Stap", new FormUrlEncodedContent(
                new[] { ("trigger", "start-verrijking"), ("revisie", Regex.Match(html, "name=\"revisie\" value=\"(\\d+)\"").Groups[1].Value),
                        ("__RequestVerificationToken", PageSignIn.FormToken(html)) }
                    .Concat(ticked.Select(t => ("keuzelijst[indicatoren]", t)))
                    .Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))));

        var refused = await TakeAsync(form, Indicators[1]);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await refused.Content.ReadAsStringAsync();
        WebUtility.HtmlDecode(html).Should().Contain("Kruis bij ‘Indicatoren van ondermijning’ minstens 2 aan");
        html.Should().Contain("<fieldset id=\"start-verrijking-indicatoren\" class=\"keuzes\" aria-invalid=\"true\" aria-describedby=\"start-verrijking-indicatoren-fout\">");
        html.Should().Contain($"value=\"{Indicators[1]}\" checked=\"checked\"", "what was ticked stays ticked");
        (await api.GetCaseAsync(id)).Str("stage.id").Should().Be("ontvangen");

        var taken = await TakeAsync(html, Indicators[3], Indicators[0]);
        (await taken.Content.ReadAsStringAsync()).Should().Contain("Stap gezet.", "the page returns to the case with the step taken");
        var step = (await api.GetCaseAsync(id))["history"]!.AsArray().Last(h => h!.Str("kind") == "transition")!;
        step["information"]!.Str("indicatoren").Should().Be($"{Indicators[0]}\n{Indicators[3]}", "the ticked options, in the order the definition declares them");
    }

    [Fact]
    public async Task The_agenda_offers_a_checklist_as_boxes_and_a_yes_no_question_as_a_choice_and_records_them_with_the_decision()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        await VocabularyGuardTests.PublishVersion4Async(factory, d =>
        {
            var toPolice = d["transitions"]!.AsArray().Select(t => t!.AsObject()).Single(t => t["trigger"]!.GetValue<string>() == "naar-politie");
            toPolice["guards"]!["requiredInformation"]!.AsArray().Add(new JsonObject
            {
                ["key"] = "indicatoren", ["label"] = "Indicatoren van ondermijning", ["type"] = "checklist",
                ["values"] = new JsonArray(Indicators.Select(i => (JsonNode)i!).ToArray()), ["minimum"] = 2,
            });
            toPolice["guards"]!["requiredInformation"]!.AsArray().Add(new JsonObject
            {
                ["key"] = "proportioneel", ["label"] = "Is de inbreuk proportioneel", ["type"] = "yesNo",
            });
        });
        var api = factory.CreateClient();
        var id = (await api.RegisterAsync()).Str("id");
        await api.MoveToAsync(id, "lwo");
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var agenda = await page.GetStringAsync("/tafels/lwo");
        var row = Regex.Match(agenda, $"name=\"besluiten\\[(\\d+)\\].Zaak\" value=\"{id}\" />\\s*<input type=\"hidden\" name=\"besluiten\\[\\1\\].Revisie\" value=\"(\\d+)\"");
        row.Success.Should().BeTrue("the agenda offers a decision for the case");
        var (i, revision) = (row.Groups[1].Value, row.Groups[2].Value);
        foreach (var indicator in Indicators) agenda.Should().Contain($"name=\"besluiten[{i}].Keuzelijst[indicatoren]\" value=\"{indicator}\"");
        agenda.Should().MatchRegex($"<select id=\"info-{i}-proportioneel\" name=\"besluiten\\[{i}\\].Informatie\\[proportioneel\\]\"[^>]*>\\s*<option value=\"\">— kies —</option>\\s*<option value=\"true\">Ja</option>");

        async Task<HttpResponseMessage> DecideAsync(string html, string? proportional, params string[] ticked) =>
            await page.PostAsync("/tafels/lwo", new FormUrlEncodedContent(
                new[] { ("__RequestVerificationToken", PageSignIn.FormToken(html)), ("vergaderdatum", "2024-06-03"), ("besluiten.Index", i),
                        ($"besluiten[{i}].Zaak", id), ($"besluiten[{i}].Revisie", revision), ($"besluiten[{i}].Stap", "naar-politie"),
                        ($"besluiten[{i}].Reden", "Concrete aanwijzingen") }
                    .Concat(proportional is null ? [] : [($"besluiten[{i}].Informatie[proportioneel]", proportional)])
                    .Concat(ticked.Select(t => ($"besluiten[{i}].Keuzelijst[indicatoren]", t)))
                    .Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))));

        var refused = await DecideAsync(agenda, "true", Indicators[2]);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await refused.Content.ReadAsStringAsync();
        WebUtility.HtmlDecode(html).Should().Contain("Kruis bij ‘Indicatoren van ondermijning’ minstens 2 aan");
        html.Should().Contain($"value=\"{Indicators[2]}\" checked=\"checked\"", "what was ticked stays ticked")
            .And.Contain("<option value=\"true\" selected=\"selected\">Ja</option>", "the answer given stays chosen");
        (await api.GetCaseAsync(id)).Str("stage.id").Should().Be("lwo");

        var decided = await DecideAsync(html, "false", Indicators[2], Indicators[1]);
        decided.StatusCode.Should().Be(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var step = (await api.GetCaseAsync(id))["history"]!.AsArray().Last(h => h!.Str("kind") == "transition")!;
        (step.Str("trigger"), step["information"]!.Str("indicatoren"), step["information"]!.Str("proportioneel"))
            .Should().Be(("naar-politie", $"{Indicators[1]}\n{Indicators[2]}", "false"));
    }
}
