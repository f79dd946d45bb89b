using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Tests.Statistics;

/// <summary>
/// A year (2023) of the chain in Maastricht, entered through the HTTP API as users would, with events on both
/// sides of the year boundaries and one neighbouring municipality. <see cref="Expected2023"/> is the table it must give.
/// </summary>
public sealed class AnnualScenario(ApiFactory factory)
{
    public const string Maastricht = "GM0935";
    public const string Heerlen = "GM0917";

    private readonly HttpClient _client = factory.CreateClient();

    public static readonly IReadOnlyDictionary<string, long> Expected2023 = new Dictionary<string, long>
    {
        ["lwo.behandeld"] = 16,
        ["lwo.politie"] = 3,
        ["lwo.handhaving-wabo"] = 2,
        ["lwo.handhaving-openbare-ruimte"] = 1,
        ["lwo.ketenpartner"] = 2,
        ["lwo.atom"] = 4,
        ["lwo.mot"] = 3,
        ["lwo.geen-vervolg"] = 1,
        ["atom.locaties"] = 5,
        ["atom.last-onder-dwangsom"] = 2,
        ["atom.handhaving-wabo"] = 1,
        ["atom.sociale-recherche"] = 2,
        ["atom.overig"] = 1,
        ["mot.casussen"] = 3,
        ["mot.bestuurlijk"] = 3,
        ["mot.strafrechtelijk"] = 1,
        ["mot.fiscaal"] = 2,
        ["bibob.screenings"] = 7,
        ["bibob.verdiepend"] = 2,
        ["bibob.weigering"] = 2,
        ["bibob.buiten-behandeling"] = 1,
        ["bibob.advies-lbb"] = 1,
        ["handhaving.drugspanden"] = 3,
        ["handhaving.dwangsommen-straathandel"] = 4,
        ["handhaving.dwangsommen-verkopers"] = 3,
        ["handhaving.dwangsommen-kopers"] = 1,
        ["fenomeen.gebied"] = 1,
        ["fenomeen.doelgroep"] = 1,
        ["fenomeen.branche"] = 0,
        ["bewustwording.workshops"] = 2,
        ["bewustwording.actiedagen"] = 3,
        ["bewustwording.gesprekken"] = 30,
        ["bewustwording.signalen-lwo"] = 2,
        // Every case above was received in 2023: the LWO's sixteen, the two weighed outside 2023 and the two residents'
        // signals registered on their own.
        ["signalen.ontvangen"] = 20,
        ["signalen.meld-misdaad-anoniem"] = 16,
        ["signalen.melding-gemeente"] = 0,
        ["signalen.melding-politie"] = 0,
        ["signalen.bewonersgesprek"] = 4,
        ["signalen.professional"] = 0,
    };

    /// <summary>The events that fall just after the 2023 boundary.</summary>
    public static readonly IReadOnlyDictionary<string, long> Expected2024 = new Dictionary<string, long>
    {
        ["lwo.behandeld"] = 1,
        ["lwo.politie"] = 1,
        ["atom.locaties"] = 1,
        ["atom.overig"] = 1,
        ["mot.fiscaal"] = 1,
        ["handhaving.drugspanden"] = 1,
        ["bewustwording.signalen-lwo"] = 1,
    };

    /// <summary>Amsterdam wall-clock time, e.g. "2023-12-31T23:30".</summary>
    public static Instant Local(string text) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(text).Value.InZoneStrictly(Amsterdam.Zone).ToInstant();

    public async Task BuildAsync()
    {
        // LWO: sixteen cases weighed at 2023 meetings; two of the police cases came from conversations with residents.
        await DecidedCaseAsync("2023-01-12", "naar-politie", channel: "bewonersgesprek");
        await DecidedCaseAsync("2023-02-09", "naar-politie", channel: "bewonersgesprek");
        await DecidedCaseAsync("2023-12-14", "naar-politie");
        await DecidedCaseAsync("2023-03-09", "naar-handhaving-wabo");
        await DecidedCaseAsync("2023-04-13", "naar-handhaving-wabo");
        await DecidedCaseAsync("2023-05-11", "naar-handhaving-openbare-ruimte");
        await DecidedCaseAsync("2023-06-08", "naar-ketenpartner", partner: "NVWA");
        await DecidedCaseAsync("2023-06-08", "naar-ketenpartner", partner: "Douane");
        var atom = new List<string>();
        foreach (var date in new[] { "2023-02-09", "2023-03-09", "2023-04-13", "2023-09-14" })
            atom.Add(await DecidedCaseAsync(date, "naar-atom"));
        var mot = new List<string>();
        foreach (var date in new[] { "2023-03-09", "2023-07-13", "2023-10-12" })
            mot.Add(await DecidedCaseAsync(date, "naar-mot", reason: "Concrete aanwijzingen voor georganiseerde criminaliteit"));
        await DecidedCaseAsync("2023-11-09", "geen-vervolg", reason: "Geen aanknopingspunten");

        // Boundaries: a meeting on 31 December 2022 recorded in January counts for 2022; one on 1 January 2024 for 2024.
        await DecidedCaseAsync("2022-12-31", "naar-politie", registeredAt: "2023-01-01T09:00");
        await DecidedCaseAsync("2024-01-01", "naar-politie");
        // A neighbouring municipality: part of the region, not of Maastricht.
        await DecidedCaseAsync("2023-05-11", "naar-politie", municipality: Heerlen);

        // Residents' signals: one reaches the LWO half an hour into 2024 (Amsterdam), one never reaches it.
        var late = await RegisteredCaseAsync("2023-12-30T10:00", "bewonersgesprek");
        await At("2023-12-31T10:00", () => _client.FireOkAsync(late, "start-verrijking"));
        await At("2024-01-01T00:30", () => _client.ConfirmSignalAsync(late));
        await RegisteredCaseAsync("2023-06-01T10:00", "bewonersgesprek");

        // ATOM inspections; two are dated by the clock at 23:30 on New Year's Eve and half an hour later.
        await InspectAsync(atom[0], "2023-12-20T12:00", "2023-03-10", ["last-onder-dwangsom", "sociale-recherche"]);
        await InspectAsync(atom[1], "2023-12-20T12:00", "2023-05-01", ["handhaving-wabo"]);
        await InspectAsync(atom[1], "2023-12-20T12:00", "2023-05-02", ["handhaving-wabo", "last-onder-dwangsom"]);
        await InspectAsync(atom[2], "2023-12-31T23:30", null, ["sociale-recherche"]);
        await InspectAsync(atom[3], "2024-01-01T00:30", null, ["overig"], "Illegale bewoning aangetroffen");
        await InspectAsync(atom[3], "2023-12-20T12:00", "2023-08-15", ["overig"], "Vuurwerk in beslag genomen");

        // MOT: interventions of each type; one dropped, one executed, one decided in 2024, one of a subtype users added.
        factory.Clock.Reset(Local("2024-02-01T12:00"));
        await PostAsync("/api/intervention-subtypes", new { code = "sluiting-woning", type = "bestuurlijk", label = "Sluiting woning (art. 174a Gemeentewet)" });
        await InterveneAsync(mot[0], "sluiting-13b-opiumwet", "2023-04-01");
        await InterveneAsync(mot[0], "last-onder-dwangsom", "2023-04-01");
        await InterveneAsync(mot[0], "boekenonderzoek", "2023-04-01");
        await InterveneAsync(mot[1], "inbeslagname", "2023-09-01");
        var executed = await InterveneAsync(mot[1], "navorderingsaanslag", "2023-09-01");
        var dropped = await InterveneAsync(mot[1], "beslaglegging", "2023-09-01");
        await InterveneAsync(mot[2], "sluiting-woning", "2023-11-20");
        await InterveneAsync(mot[2], "beslaglegging", "2024-01-05");
        await PatchAsync($"/api/cases/{mot[1]}/interventions/{executed}", new { status = "executed", date = "2023-12-01" });
        await PatchAsync($"/api/cases/{mot[1]}/interventions/{dropped}", new { status = "dropped", date = "2023-10-01" });

        // Bibob screenings.
        foreach (var (kind, outcome) in new[]
                 {
                     ("quick-scan", "no-objection"), ("quick-scan", "no-objection"), ("quick-scan", "no-objection"),
                     ("in-depth", "permit-or-manager-refused"), ("quick-scan", "permit-or-manager-refused"),
                     ("quick-scan", "withdrawn-or-not-processed"), ("in-depth", "advice-asked-of-lbb"),
                 })
            await PostAsync("/api/bibob-screenings", new { municipality = Maastricht, date = "2023-06-15", kind, permitType = "exploitatievergunning horeca", outcome });
        await PostAsync("/api/bibob-screenings", new { municipality = Maastricht, date = "2022-12-31", kind = "in-depth", permitType = "drank- en horecavergunning", outcome = "permit-or-manager-refused" });
        await PostAsync("/api/bibob-screenings", new { municipality = Heerlen, date = "2023-06-15", kind = "quick-scan", permitType = "exploitatievergunning horeca", outcome = "no-objection" });

        // Drug premises (Damocles) and street-dealing penalties.
        await PostAsync("/api/drug-premises-closures", new { municipality = Maastricht, closedOn = "2023-02-01", premises = "Boschstraat 1", durationMonths = 3, caseId = atom[0] });
        await PostAsync("/api/drug-premises-closures", new { municipality = Maastricht, closedOn = "2023-07-01", premises = "Markt 2", durationMonths = 6 });
        await PostAsync("/api/drug-premises-closures", new { municipality = Maastricht, closedOn = "2023-12-31", premises = "Wyck 3" });
        await PostAsync("/api/drug-premises-closures", new { municipality = Maastricht, closedOn = "2024-01-01", premises = "Wyck 4", durationMonths = 12 });
        foreach (var party in new[] { "seller", "seller", "seller", "buyer" })
            await PostAsync("/api/street-dealing-penalties", new { municipality = Maastricht, imposedOn = "2023-08-20", party });

        // Phenomenon studies: an area and a target group; a branch study that was stopped does not count.
        await PostAsync("/api/phenomenon-studies", new { municipality = Maastricht, subjectKind = "area", subject = "6211", origin = "proposal", startedOn = "2023-02-01" });
        await PostAsync("/api/phenomenon-studies", new { municipality = Maastricht, subjectKind = "target-group", subject = "jongeren", origin = "mot", startedOn = "2023-06-01", caseId = mot[0] });
        var branch = await PostAsync("/api/phenomenon-studies", new { municipality = Maastricht, subjectKind = "branch", subject = "kappers", origin = "mot", startedOn = "2023-07-01" });
        await PatchAsync($"/api/phenomenon-studies/{branch.Str("id")}", new { status = "stopped", date = "2023-08-01", result = "Onvoldoende capaciteit" });

        // Awareness: workshops and ONDERSCHAT action days with their conversations.
        await PostAsync("/api/awareness-activities", new { municipality = Maastricht, heldOn = "2023-03-01", kind = "workshop" });
        await PostAsync("/api/awareness-activities", new { municipality = Maastricht, heldOn = "2023-10-01", kind = "workshop" });
        foreach (var (day, conversations) in new[] { ("2023-04-01", 10), ("2023-05-01", 12), ("2023-09-01", 8) })
            await PostAsync("/api/awareness-activities", new { municipality = Maastricht, heldOn = day, kind = "action-day", programme = "ONDERSCHAT", conversations });
        await PostAsync("/api/awareness-activities", new { municipality = Maastricht, heldOn = "2022-12-31", kind = "action-day", programme = "ONDERSCHAT", conversations = 99 });
    }

    private async Task<T> At<T>(string local, Func<Task<T>> action)
    {
        factory.Clock.Reset(Local(local));
        return await action();
    }

    private async Task<string> RegisteredCaseAsync(string local, string channel, string municipality = Maastricht, string severity = "hoog")
    {
        var created = await At(local, () => _client.RegisterAsync(new
        {
            municipality,
            sourceChannel = channel,
            description = "Signaal over mogelijke drugshandel vanuit een pand",
            severity,
            branch = "horeca",
            reporter = new { anonymous = false, name = "A. Melder", contact = "06-12345678" },
            persons = new[] { new { name = "P. Verdacht", birthDate = "1985-01-01" } },
            addresses = new[] { new { postcode = "6211AB", houseNumber = 1, street = "Markt", city = "Maastricht" } },
        }));
        return created.Str("id");
    }

    /// <summary>A case taken to the LWO and decided at a meeting on <paramref name="meeting"/>, fired that evening unless said otherwise.</summary>
    private async Task<string> DecidedCaseAsync(string meeting, string trigger, string channel = "meld-misdaad-anoniem", string? reason = null,
        string? partner = null, string municipality = Maastricht, string? registeredAt = null)
    {
        var meetingDay = LocalDatePattern.Iso.Parse(meeting).Value;
        string Day(int offset, string time) => $"{LocalDatePattern.Iso.Format(meetingDay.PlusDays(offset))}T{time}";
        // A late registration (the meeting's date is then only in the recorded information) takes its steps that day.
        string Step(int offset, int hour) => registeredAt is null ? Day(offset, $"{hour:00}:00") : $"{registeredAt[..10]}T{hour + 10:00}:00";
        var id = await RegisteredCaseAsync(registeredAt ?? Day(-10, "09:00"), channel, municipality);
        await At(Step(-9, 9), () => _client.FireOkAsync(id, "start-verrijking"));
        await At(Step(-2, 9), () => _client.ConfirmSignalAsync(id));
        var information = new Dictionary<string, string> { ["vergaderdatum"] = meeting };
        if (partner is not null) information["ketenpartner"] = partner;
        await At(Step(0, 10), () => _client.FireOkAsync(id, trigger, reason, information));
        return id;
    }

    private Task<JsonObject> InspectAsync(string caseId, string clock, string? inspectedOn, string[] outcomes, string? otherOutcome = null) =>
        At(clock, () => PostAsync($"/api/cases/{caseId}/atom-inspections", new
        {
            location = "Bedrijfspand Boschstraat",
            inspectedOn,
            organisations = new[] { "Politie", "Handhaving Wabo", "Sociale Recherche" },
            outcomes,
            otherOutcome,
        }));

    private async Task<string> InterveneAsync(string caseId, string subtype, string decidedOn) =>
        (await PostAsync($"/api/cases/{caseId}/interventions", new { subtype, executingOrganisation = "Gemeente Maastricht", decidedOn })).Str("id");

    public async Task<JsonObject> PostAsync(string url, object body)
    {
        var response = await _client.PostAsJsonAsync(url, body);
        await response.ShouldHaveStatus(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task PatchAsync(string url, object body)
    {
        var response = await _client.PatchAsJsonAsync(url, body);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
    }
}
