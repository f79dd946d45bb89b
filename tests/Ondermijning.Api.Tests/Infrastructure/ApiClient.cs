using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>Small helpers that keep tests about behaviour rather than HTTP plumbing.</summary>
public static class ApiClient
{
    public static object Signal(string municipality = "GM0935", string? severity = null, string channel = "meld-misdaad-anoniem",
        string description = "Veel bezoekers met korte bezoekjes bij een kapsalon", string? branch = "kappers") => new
    {
        municipality,
        sourceChannel = channel,
        description,
        severity,
        branch,
        phenomenonTags = new[] { "drugshandel" },
        companies = new[] { new { name = "Kapsalon De Schaar", kvkNumber = "12345678", place = "Maastricht" } },
        addresses = new[] { new { postcode = "6211AB", houseNumber = 12, street = "Grote Straat", city = "Maastricht" } },
        persons = new[] { new { name = "J. Jansen", birthDate = "1980-04-01", role = "eigenaar" } },
    };

    public static async Task<JsonObject> RegisterAsync(this HttpClient client, object? signal = null)
    {
        var response = await client.PostAsJsonAsync("/api/signals", signal ?? Signal());
        await response.ShouldHaveStatus(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Registers with an Idempotency-Key header; the caller decides what a status means.</summary>
    public static Task<HttpResponseMessage> RegisterWithKeyAsync(this HttpClient client, string key, object signal, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(signal) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request, cancellationToken);
    }

    public static async Task<int> CaseCountAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/api/cases?pageSize=1");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!.Int("totalCount");
    }

    public static Task<HttpResponseMessage> FireAsync(this HttpClient client, string caseId, string trigger, string? reason = null,
        IDictionary<string, string>? information = null, int? expectedRevision = null) =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/transitions", new { trigger, reason, information, expectedRevision });

    /// <summary>Records the ATOM inspection an ATOM decision rests on.</summary>
    public static async Task RecordInspectionAsync(this HttpClient client, string caseId) =>
        await (await client.PostAsJsonAsync($"/api/cases/{caseId}/atom-inspections",
            new { location = "Pand", organisations = new[] { "Politie" }, outcomes = new[] { "last-onder-dwangsom" } })).ShouldHaveStatus(HttpStatusCode.Created);

    /// <summary>Records an intervention the MOT decided on, already executed, so that the case may later be closed too.</summary>
    public static async Task RecordExecutedInterventionAsync(this HttpClient client, string caseId)
    {
        var recorded = await client.PostAsJsonAsync($"/api/cases/{caseId}/interventions", new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" });
        await recorded.ShouldHaveStatus(HttpStatusCode.Created);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonObject>())!.Str("id");
        await (await client.PatchAsJsonAsync($"/api/cases/{caseId}/interventions/{id}", new { status = "executed" })).ShouldHaveStatus(HttpStatusCode.OK);
    }

    public static async Task<JsonObject> FireOkAsync(this HttpClient client, string caseId, string trigger, string? reason = null,
        IDictionary<string, string>? information = null)
    {
        var response = await client.FireAsync(caseId, trigger, reason, information);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Confirms the signal the only way a case leaves enrichment confirmed: by the enrichment decision, resting on a
    /// finding added by hand (dated long ago, so that no test clock puts it in the future).
    /// </summary>
    public static async Task<JsonObject> ConfirmSignalAsync(this HttpClient client, string caseId, string? reason = null)
    {
        var finding = await client.PostAsJsonAsync($"/api/cases/{caseId}/findings", new
        {
            source = "social-media", link = "https://www.instagram.com/kapsalon/", date = "2001-01-01",
            note = "Account toont vooral luxe auto's voor de zaak.", subject = "Kapsalon",
        });
        await finding.ShouldHaveStatus(HttpStatusCode.Created);
        var findingId = (await finding.Content.ReadFromJsonAsync<JsonObject>())!.Str("id");
        return await client.DecideEnrichmentOkAsync(caseId, true, reason, findingId);
    }

    /// <summary>Closes the case as not confirmed by the open sources, through the enrichment decision.</summary>
    public static Task<JsonObject> RejectSignalAsync(this HttpClient client, string caseId, string reason) =>
        client.DecideEnrichmentOkAsync(caseId, false, reason);

    private static async Task<JsonObject> DecideEnrichmentOkAsync(this HttpClient client, string caseId, bool confirmed, string? reason, params string[] findingIds)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/enrichment/decision", new { confirmed, reason, findingIds });
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> GetCaseAsync(this HttpClient client, string caseId)
    {
        var response = await client.GetAsync($"/api/cases/{caseId}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<HttpResponseMessage> AddItemAsync(this HttpClient client, string caseId, string category, string sourceOrganisation,
        string content, string legalBasis = "Convenant RIEC Limburg, art. 5", string confidentiality = "vertrouwelijk") =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/items", new { category, sourceOrganisation, legalBasis, content, confidentiality });

    /// <summary>Takes a freshly registered case along the v1 chain to <paramref name="stage"/>: verrijking, lwo, atom or mot.</summary>
    public static async Task MoveToAsync(this HttpClient client, string caseId, string stage)
    {
        var meeting = new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" };
        await client.FireOkAsync(caseId, "start-verrijking");
        if (stage == "verrijking") return;
        await client.ConfirmSignalAsync(caseId);
        if (stage == "lwo") return;
        if (stage == "atom") await client.FireOkAsync(caseId, "naar-atom", information: meeting);
        else if (stage == "mot") await client.FireOkAsync(caseId, "naar-mot", "Concrete aanwijzingen voor georganiseerde criminaliteit", meeting);
        else throw new ArgumentOutOfRangeException(nameof(stage), stage, "not a stage this helper reaches");
    }

    public static async Task ShouldHaveStatus(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new Xunit.Sdk.XunitException(
                $"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Reads an RFC 9457 problem and checks the media type and status that say it is one.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldHaveStatus(expected);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem["status"]!.GetValue<int>().Should().Be((int)expected);
        problem["title"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        return problem;
    }

    public static string Str(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.')) current = current?[part];
        return current?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No text at '{path}' in {node.ToJsonString()}");
    }

    public static int Int(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.')) current = current?[part];
        return current?.GetValue<int>() ?? throw new Xunit.Sdk.XunitException($"No number at '{path}' in {node.ToJsonString()}");
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
