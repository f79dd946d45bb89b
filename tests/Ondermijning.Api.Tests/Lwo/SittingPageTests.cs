using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Lwo;

/// <summary>
/// A sitting says what happened — everything recorded, part of it, or nothing — in distinct styles, naming each refused
/// case and why; a stale agenda shows who decided meanwhile; a step that cannot be taken says why instead of vanishing.
/// </summary>
public partial class SittingPageTests
{
    private static string Code(string id) => id.Replace("-", "")[^8..].ToUpperInvariant();

    private static async Task<(ApiFactory Factory, HttpClient Api, HttpClient Page, List<string> Ids)> AgendaAsync(int cases, string stage = "lwo",
        string? severity = null)
    {
        var factory = new ApiFactory { DemoUsers = true };
        var api = factory.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var id = (await api.RegisterAsync(ApiClient.Signal(severity: severity, description: $"Signaal {i}"))).Str("id");
            await api.MoveToAsync(id, stage);
            ids.Add(id);
            factory.Clock.Advance(Duration.FromMinutes(1));
        }
        return (factory, api, await factory.SignInOnPagesAsync("demo-oov"), ids);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient page, string table, string agenda, string? meetingDate,
        params (string Case, string Step, string? Reason)[] decisions)
    {
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PageSignIn.FormToken(agenda)) };
        if (meetingDate is not null) form.Add(new("vergaderdatum", meetingDate));
        foreach (var (decision, i) in decisions.Select((d, i) => (d, i)))
        {
            form.Add(new("besluiten.Index", i.ToString()));
            form.Add(new($"besluiten[{i}].Zaak", decision.Case));
            form.Add(new($"besluiten[{i}].Revisie", Revision(agenda, decision.Case)));
            form.Add(new($"besluiten[{i}].Stap", decision.Step));
            if (decision.Reason is not null) form.Add(new($"besluiten[{i}].Reden", decision.Reason));
        }
        return await page.PostAsync($"/tafels/{table}", new FormUrlEncodedContent(form));
    }

    /// <summary>The revision the agenda showed for a case, so a submission is as fresh (or as stale) as the page it came from.</summary>
    private static string Revision(string agenda, string caseId)
    {
        var row = Regex.Match(agenda, $"name=\"besluiten\\[(\\d+)\\].Zaak\" value=\"{caseId}\" />\\s*<input type=\"hidden\" name=\"besluiten\\[\\1\\].Revisie\" value=\"(\\d+)\"");
        row.Success.Should().BeTrue("the agenda offers a decision for case {0}", caseId);
        return row.Groups[2].Value;
    }

    private static string Feedback(string html) => UitslagBlock().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Value) : "";

    [GeneratedRegex("<div class=\"uitslag [^\"]+\"[\\s\\S]*?</div>")]
    private static partial Regex UitslagBlock();

    [Fact]
    public async Task A_sitting_shows_success_partial_success_and_refusal_in_distinct_styles_with_each_refused_case_and_its_reason()
    {
        var (factory, api, page, ids) = await AgendaAsync(3);
        await using var _ = factory;
        var agenda = await page.GetStringAsync("/tafels/lwo");
        foreach (var id in ids) agenda.Should().Contain($"Besluit voor zaak {Code(id)} (Kapsalon De Schaar)").And.Contain($"Reden voor zaak {Code(id)} (Kapsalon De Schaar)");

        var refused = await SubmitAsync(page, "lwo", agenda, "2024-06-03", (ids[0], "geen-vervolg", null));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await refused.Content.ReadAsStringAsync();
        Feedback(html).Should().StartWith("<div class=\"uitslag geweigerd\" role=\"alert\"").And.Contain("Niets vastgelegd.")
            .And.Contain($"Zaak {Code(ids[0])} (Kapsalon De Schaar)</a>: Geef een reden op.");
        html.Should().NotContain("uitslag gelukt").And.NotContain("class=\"notice\"", "a refusal is never shown as a success");

        agenda = await page.GetStringAsync("/tafels/lwo");
        var partial = await SubmitAsync(page, "lwo", agenda, "2024-06-03", (ids[0], "naar-politie", null), (ids[1], "geen-vervolg", null));
        partial.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var feedback = Feedback(await partial.Content.ReadAsStringAsync());
        feedback.Should().StartWith("<div class=\"uitslag gedeeltelijk\" role=\"alert\"").And.Contain("Gedeeltelijk vastgelegd.")
            .And.Contain("1 besluit vastgelegd; 1 niet.")
            .And.Contain($"Zaak {Code(ids[0])} (Kapsalon De Schaar): Overdragen aan de politie")
            .And.Contain($"Zaak {Code(ids[1])} (Kapsalon De Schaar)</a>: Geef een reden op.");

        agenda = await page.GetStringAsync("/tafels/lwo");
        var recorded = await SubmitAsync(page, "lwo", agenda, "2024-06-03", (ids[1], "geen-vervolg", "Geen aanwijzingen"), (ids[2], "naar-atom", null));
        recorded.StatusCode.Should().Be(HttpStatusCode.OK, "a submission that recorded everything goes back to the agenda");
        feedback = Feedback(await recorded.Content.ReadAsStringAsync());
        feedback.Should().StartWith("<div class=\"uitslag gelukt\" role=\"status\"").And.Contain("2 besluiten vastgelegd.")
            .And.Contain($"Zaak {Code(ids[2])} (Kapsalon De Schaar)</a>: Doorzetten naar ATOM");

        var stages = new List<string>();
        foreach (var id in ids) stages.Add((await api.GetCaseAsync(id)).Str("stage.id"));
        stages.Should().Equal("politie", "geen-vervolg", "atom");
    }

    [Fact]
    public async Task A_stale_agenda_reloads_with_the_decision_taken_meanwhile_and_records_nothing_over_it()
    {
        var (factory, api, page, ids) = await AgendaAsync(2);
        await using var _ = factory;
        var agenda = await page.GetStringAsync("/tafels/lwo");
        await api.FireOkAsync(ids[0], "naar-politie", information: new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });

        var response = await SubmitAsync(page, "lwo", agenda, "2024-06-03", (ids[0], "geen-vervolg", "Geen aanwijzingen"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        Feedback(html).Should().Contain("uitslag geweigerd").And.Contain("Intussen al besloten door")
            .And.Contain("‘Overdragen aan de politie’").And.Contain("De zaak staat nu in ‘Opgepakt door de politie’");
        html.Should().NotContain($"name=\"besluiten[0].Zaak\" value=\"{ids[0]}\"", "the reloaded agenda no longer offers the case decided meanwhile")
            .And.Contain($"value=\"{ids[1]}\"");
        (await api.GetCaseAsync(ids[0])).Str("stage.id").Should().Be("politie");
    }

    [Fact]
    public async Task A_meeting_date_in_the_future_is_refused_as_such_before_any_case_moves()
    {
        var (factory, api, page, ids) = await AgendaAsync(1);
        await using var _ = factory;
        var agenda = await page.GetStringAsync("/tafels/lwo");

        var response = await SubmitAsync(page, "lwo", agenda, "2024-06-04", (ids[0], "naar-politie", null));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = await response.Content.ReadAsStringAsync();
        Feedback(html).Should().Contain("uitslag geweigerd").And.Contain("Deze datum ligt in de toekomst.").And.NotContain("verplicht");
        Regex.IsMatch(html, "id=\"vergaderdatum\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"vergaderdatum-fout\"").Should().BeTrue();
        (await api.GetCaseAsync(ids[0])).Str("stage.id").Should().Be("lwo");
    }

    [Fact]
    public async Task A_MOT_decision_without_any_intervention_is_refused_in_Dutch_and_the_case_stays_at_the_MOT()
    {
        var (factory, api, page, ids) = await AgendaAsync(1, "mot", severity: "hoog");
        await using var _ = factory;
        var agenda = await page.GetStringAsync("/tafels/mot");
        var refused = await SubmitAsync(page, "mot", agenda, "2024-06-03", (ids[0], "interventies-besloten", "Bestuurlijke aanpak"));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        Feedback(await refused.Content.ReadAsStringAsync()).Should().Contain("Bij dit besluit horen de interventies die de MOT besloot: vul er minstens één in.");
        (await api.GetCaseAsync(ids[0])).Str("stage.id").Should().Be("mot");
    }

    [Fact]
    public async Task An_ATOM_decision_whose_step_is_refused_leaves_no_inspection_behind()
    {
        var (factory, api, page, ids) = await AgendaAsync(1, "atom");
        await using var _ = factory;
        var agenda = await page.GetStringAsync("/tafels/atom");
        agenda.Should().Contain("Datum van de controle").And.NotContain("Datum van het overleg", "an ATOM decision is dated by its inspection");
        var revision = Revision(agenda, ids[0]);
        KeyValuePair<string, string> F(string key, string value) => new(key, value);
        List<KeyValuePair<string, string>> Form(string revisie, string location) =>
        [
            F("__RequestVerificationToken", PageSignIn.FormToken(agenda)), F("besluiten.Index", "0"), F("besluiten[0].Zaak", ids[0]),
            F("besluiten[0].Revisie", revisie), F("besluiten[0].Stap", "last-onder-dwangsom"), F("besluiten[0].Controle.Datum", "2024-06-01"),
            F("besluiten[0].Controle.Locatie", location), F("besluiten[0].Controle.Organisaties", "Politie"),
            F("besluiten[0].Controle.Uitkomsten", "last-onder-dwangsom"),
        ];

        var missing = await page.PostAsync("/tafels/atom", new FormUrlEncodedContent(Form(revision, "")));
        missing.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("<span id=\"controle-0-locatie-fout\" class=\"field-error\">Vul dit veld in.</span>");

        var stale = await page.PostAsync("/tafels/atom", new FormUrlEncodedContent(Form((int.Parse(revision) - 1).ToString(), "Grote Straat 12")));
        stale.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{ids[0]}/atom-inspections"))!.Should().BeEmpty("the inspection is stored with its step or not at all");

        var recorded = await page.PostAsync("/tafels/atom", new FormUrlEncodedContent(Form(revision, "Grote Straat 12")));
        recorded.StatusCode.Should().Be(HttpStatusCode.OK);
        var inspections = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{ids[0]}/atom-inspections"))!;
        inspections.Should().ContainSingle();
        inspections[0]!.Str("inspectedOn").Should().Be("2024-06-01");
        (await api.GetCaseAsync(ids[0]))["history"]!.AsArray().Last()!["information"]!["controledatum"]!.GetValue<string>().Should().Be("2024-06-01");
    }

    [Fact]
    public async Task A_step_that_is_not_available_says_why_instead_of_disappearing()
    {
        var (factory, api, page, ids) = await AgendaAsync(1, severity: "laag");
        await using var _ = factory;

        WebUtility.HtmlDecode(await page.GetStringAsync("/tafels/lwo")).Should()
            .Contain("Doorzetten naar de MOT: De zwaarte is te laag: deze stap vraagt minimaal ‘Hoog’, de zaak heeft ‘Laag’.");
        WebUtility.HtmlDecode(await (await factory.SignInOnPagesAsync("demo-politie")).GetStringAsync("/tafels/lwo")).Should()
            .Contain("Overdragen aan de politie: Uw rol mag deze stap niet zetten: alleen een OOV-regisseur.");

        var fresh = (await api.RegisterAsync()).Str("id");
        await api.MoveToAsync(fresh, "verrijking");
        WebUtility.HtmlDecode(await page.GetStringAsync($"/zaken/{fresh}")).Should().Contain("Bevestigd: agenderen voor de LWO (nu niet mogelijk)")
            .And.Contain("Er ontbreekt informatie: er zijn nog geen bevindingen");

        var atMot = (await api.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await api.MoveToAsync(atMot, "mot");
        (await api.PostAsJsonAsync($"/api/cases/{atMot}/interventions", new { subtype = "sluiting-13b-opiumwet", executingOrganisation = "Gemeente" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await api.FireOkAsync(atMot, "interventies-besloten", "Bestuurlijke aanpak", new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });
        WebUtility.HtmlDecode(await page.GetStringAsync($"/zaken/{atMot}")).Should().Contain("Interventies uitgevoerd: dossier afsluiten (nu niet mogelijk)")
            .And.Contain("Er is nog 1 interventie gepland: markeer elke interventie eerst als uitgevoerd of vervallen.");
        var refused = await api.FireAsync(atMot, "afsluiten", "Klaar");
        (await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["interventions"].Should().NotBeNull("the engine refuses it too");
    }

    [Fact]
    public async Task The_agenda_marks_overdue_cases_prints_and_holds_the_cases_the_regisseur_chose()
    {
        var (factory, _, page, ids) = await AgendaAsync(2);
        await using var _ = factory;
        factory.Clock.Advance(Duration.FromDays(43));

        var agenda = await page.GetStringAsync("/tafels/lwo");
        Regex.Matches(agenda, "<span class=\"badge overdue\">te laat</span>").Should().HaveCount(2);

        var print = await page.GetStringAsync("/tafels/lwo?weergave=afdrukken");
        print.Should().Contain("<table class=\"agenda afdruk\">").And.NotContain("name=\"besluiten.Index\"").And.Contain("Doorzetten naar de MOT");

        var chosen = await page.GetStringAsync($"/tafels/lwo?zaken={ids[1]}");
        var table = chosen[chosen.IndexOf("<table class=\"agenda\">", StringComparison.Ordinal)..];
        table.Should().Contain($"/zaken/{ids[1]}").And.NotContain($"/zaken/{ids[0]}");
        chosen.Should().Contain($"<input type=\"hidden\" name=\"zaken\" value=\"{ids[1]}\" />", "the sitting keeps its choice when it is submitted");
    }

    [Fact]
    public async Task Cases_inspected_at_one_location_in_one_visit_share_it_and_the_location_counts_once()
    {
        var (factory, api, page, ids) = await AgendaAsync(3, "atom");
        await using var _ = factory;
        var agenda = await page.GetStringAsync("/tafels/atom");
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PageSignIn.FormToken(agenda)) };
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            // Two cases at one address, one elsewhere; typed a little differently, as people do.
            var location = i == 2 ? "Markt 1, Maastricht" : i == 0 ? "Grote Straat 12, Maastricht" : " grote straat 12, maastricht ";
            form.AddRange([new("besluiten.Index", $"{i}"), new($"besluiten[{i}].Zaak", id), new($"besluiten[{i}].Revisie", Revision(agenda, id)),
                new($"besluiten[{i}].Stap", "atom-geen-bevindingen"), new($"besluiten[{i}].Controle.Datum", "2024-06-01"),
                new($"besluiten[{i}].Controle.Locatie", location), new($"besluiten[{i}].Controle.Organisaties", "Politie")]);
        }

        (await page.PostAsync("/tafels/atom", new FormUrlEncodedContent(form))).StatusCode.Should().Be(HttpStatusCode.OK);

        var table = await api.GetFromJsonAsync<JsonObject>("/api/statistics/annual?municipality=GM0935&year=2024");
        Statistics.AnnualStatisticsTests.Figures(table!)["atom.locaties"].Should().Be(2, "three cases were inspected at two locations");
        WebUtility.HtmlDecode(await page.GetStringAsync($"/zaken/{ids[1]}")).Should().Contain("zelfde locatie en dag als de controle voor een andere zaak");
    }
}
