using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Access;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// Every route the application serves, read from its own endpoint data source: each declares a permission (or is one
/// of the few routes that carry no case data); a user of another municipality gets 404 on every route that names a
/// case, record or municipality, and nothing is written; every role without the permission is refused. A new endpoint
/// without a declared permission, or without a sample request here, fails this test.
/// </summary>
public class RouteAccessTests
{
    private const string Maastricht = "GM0935";
    private const string Heerlen = "GM0917";

    /// <summary>Routes without case data: sign-in, error pages, health, the contract, static files, the job dashboard.</summary>
    private static readonly string[] Infrastructure =
        ["/inloggen", "/uitloggen", "/fout", "/health", "/openapi", "/api-reference", "/hangfire", "/css", "/js", "/favicon", "/{**"];

    internal sealed record Route(string Pattern, string Method, Permission? Permission, bool Anonymous);

    internal static IReadOnlyList<Route> Routes(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), method,
                e.Metadata.GetMetadata<RequiresPermissionAttribute>()?.Permission,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Where(r => !Infrastructure.Any(prefix => r.Pattern.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .ToList();

    [Fact]
    public async Task Every_endpoint_and_page_declares_its_permission()
    {
        await using var factory = new ApiFactory();
        var routes = Routes(factory);
        routes.Should().Contain(r => r.Pattern.StartsWith("/api/cases")).And.Contain(r => r.Pattern.StartsWith("/zaken"));
        routes.Where(r => r.Permission is null && !r.Anonymous).Select(r => $"{r.Method} {r.Pattern}")
            .Should().BeEmpty("every endpoint and page says which permission of the engine's table it needs");
        routes.Where(r => r.Anonymous).Select(r => r.Pattern).Order().Should().Equal(["/api/receipts/{code}", "/melding"],
            "the reporter's receipt lookup, on the API and on the reporter's page, is the one anonymous route with data; it is found by a secret code");
    }

    internal static object Finding(string note) =>
        new { source = "news", link = "https://www.l1.nl/nieuws/1", date = "2024-06-01", note, subject = "Kapsalon De Schaar" };

    /// <summary>
    /// A case walked to the MOT and one at the ATOM, with every record the API creates (the answers to <see cref="Creations"/>,
    /// keyed by the POST's route pattern).
    /// </summary>
    internal sealed record World(string CaseId, string AtomCaseId, IReadOnlyDictionary<(string Method, string Pattern), Created> Records, string MigrationId)
    {
        public string Id(string postPattern) => Records[("POST", postPattern)].Id;
        public string InterventionId => Id("/api/cases/{id}/interventions/");
        public string StudyId => Id("/api/phenomenon-studies/");
    }

    /// <param name="Creator">Who created it, and so may read it (a draft definition is seen only by those who publish).</param>
    internal sealed record Created(string Location, string Id, string Body, HttpClient Creator);

    /// <summary>The shipped v3 as a draft of <paramref name="version"/>.</summary>
    internal static JsonObject DraftDefinition(int version)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "ondermijning", "v3.json")))!.AsObject();
        definition.Remove("$schema");
        definition["version"] = version;
        return definition;
    }

    /// <summary>A valid request for every POST that creates a record; the marked contents must never reach a refused user.</summary>
    private static Dictionary<(string Method, string Pattern), (string Url, object? Body)> Creations(string caseId, string atomCaseId) => new()
    {
        [("POST", "/api/signals/")] = ("/api/signals", ApiClient.Signal()),
        [("POST", "/api/cases/{id}/findings")] = ($"/api/cases/{caseId}/findings", Finding("ROUTEMARKER nieuws")),
        [("POST", "/api/cases/{id}/items")] = ($"/api/cases/{caseId}/items",
            new { category = "open", sourceOrganisation = "gemeente", legalBasis = "Convenant RIEC Limburg, art. 5", content = "ROUTEMARKER item", confidentiality = "vertrouwelijk" }),
        [("POST", "/api/cases/{id}/atom-inspections/")] = ($"/api/cases/{atomCaseId}/atom-inspections",
            new { location = "Pand", organisations = new[] { "Politie" }, outcomes = new[] { "last-onder-dwangsom" } }),
        [("POST", "/api/cases/{id}/interventions/")] = ($"/api/cases/{caseId}/interventions", new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" }),
        // A kind of intervention exists once per code: each set of samples names a new one.
        [("POST", "/api/intervention-subtypes/")] = ("/api/intervention-subtypes", new { code = $"nieuw-soort-{Guid.NewGuid():N}"[..24], type = "bestuurlijk", label = "Nieuw" }),
        [("POST", "/api/bibob-screenings")] = ("/api/bibob-screenings",
            new { municipality = Maastricht, date = "2024-01-10", kind = "quick-scan", permitType = "horeca", outcome = "no-objection" }),
        [("POST", "/api/drug-premises-closures")] = ("/api/drug-premises-closures", new { municipality = Maastricht, closedOn = "2024-02-01", premises = "Markt 1" }),
        [("POST", "/api/street-dealing-penalties")] = ("/api/street-dealing-penalties", new { municipality = Maastricht, imposedOn = "2024-02-01", party = "seller" }),
        [("POST", "/api/awareness-activities")] = ("/api/awareness-activities", new { municipality = Maastricht, heldOn = "2024-03-01", kind = "workshop" }),
        [("POST", "/api/phenomenon-studies/")] = ("/api/phenomenon-studies",
            new { municipality = Maastricht, subjectKind = "branch", subject = "kappers", origin = "mot", startedOn = "2024-06-01", caseId }),
        [("POST", "/api/workflows/{workflow}/versions")] = ("/api/workflows/ondermijning/versions", DraftDefinition(4)),
    };

    internal static async Task<World> BuildAsync(ApiFactory factory)
    {
        var oov = factory.CreateClient();
        var id = (await oov.RegisterAsync(ApiClient.Signal(severity: "zeer-hoog", channel: "melding-gemeente"))).Str("id");
        await oov.FireOkAsync(id, "start-verrijking");
        await oov.ConfirmSignalAsync(id);
        await oov.FireOkAsync(id, "naar-mot", "ROUTEMARKER reden", new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });
        var atomId = (await oov.RegisterAsync()).Str("id");
        await oov.MoveToAsync(atomId, "atom");

        // Each record by a user who holds the route's permission: the regisseur, or else an administrator.
        var administrator = factory.CreateClientFor("route-beheerder", "gemeente", [Role.Administrator.Value], [Maastricht]);
        var permissions = Routes(factory).ToDictionary(r => (r.Method, r.Pattern), r => r.Permission);
        var records = new Dictionary<(string Method, string Pattern), Created>();
        foreach (var (route, (url, body)) in Creations(id, atomId))
        {
            var creator = permissions.GetValueOrDefault(route) is { } permission && !Permissions.RuleFor(permission).Roles.Contains(Role.OovRegisseur)
                ? administrator
                : oov;
            var response = await creator.SendAsync(Request(route.Method, url, body));
            await response.ShouldHaveStatus(HttpStatusCode.Created);
            var created = await response.Content.ReadAsStringAsync();
            var node = JsonNode.Parse(created)!;
            records[route] = new Created(response.Headers.Location!.OriginalString, (node["id"] ?? node["code"] ?? node["version"])!.ToString(), created, creator);
        }
        // A migration of a stage no case is at: recorded like any other, and moving nothing the other samples need.
        var migration = await oov.PostAsJsonAsync("/api/workflows/ondermijning/migrations", new
        {
            fromVersion = 1, toVersion = 2, stage = "afgesloten", stageMapping = new Dictionary<string, string> { ["afgesloten"] = "afgesloten" }, reason = "nieuwe versie",
        });
        await migration.ShouldHaveStatus(HttpStatusCode.Accepted);
        return new World(id, atomId, records, (await migration.Content.ReadFromJsonAsync<JsonObject>())!.Str("id"));
    }

    /// <summary>
    /// A valid request for every route that names a case, a record or a municipality: valid, so that only access can
    /// refuse it. Keyed by method and route pattern; a data route missing here fails the test.
    /// </summary>
    internal static Dictionary<(string Method, string Pattern), (string Url, object? Body)> Samples(World w) =>
        new(Creations(w.CaseId, w.AtomCaseId))
    {
        [("POST", "/api/cases/{id}/findings")] = ($"/api/cases/{w.CaseId}/findings", Finding("nieuws")),
        [("POST", "/api/cases/{id}/items")] = ($"/api/cases/{w.CaseId}/items",
            new { category = "open", sourceOrganisation = "gemeente", legalBasis = "grondslag", content = "inhoud", confidentiality = "openbaar" }),
        [("POST", "/api/phenomenon-studies/")] = ("/api/phenomenon-studies",
            new { municipality = Maastricht, subjectKind = "area", subject = "6211", origin = "proposal", startedOn = "2024-02-01" }),
        [("GET", "/api/cases/{id}")] = ($"/api/cases/{w.CaseId}", null),
        [("POST", "/api/cases/{id}/transitions")] = ($"/api/cases/{w.CaseId}/transitions", new { trigger = "naar-interventies" }),
        [("POST", "/api/cases/{id}/enrichment")] = ($"/api/cases/{w.CaseId}/enrichment", null),
        [("GET", "/api/cases/{id}/findings")] = ($"/api/cases/{w.CaseId}/findings", null),
        [("GET", "/api/cases/{id}/findings/{findingId}")] = (w.Records[("POST", "/api/cases/{id}/findings")].Location, null),
        [("GET", "/api/cases/{id}/enrichment/proposal")] = ($"/api/cases/{w.CaseId}/enrichment/proposal", null),
        [("POST", "/api/cases/{id}/enrichment/decision")] = ($"/api/cases/{w.CaseId}/enrichment/decision", new { confirmed = false, reason = "geen" }),
        [("GET", "/api/cases/{id}/enrichment/decisions")] = ($"/api/cases/{w.CaseId}/enrichment/decisions", null),
        [("GET", "/api/cases/{id}/lwo-decisions")] = ($"/api/cases/{w.CaseId}/lwo-decisions", null),
        [("GET", "/api/cases/{id}/related")] = ($"/api/cases/{w.CaseId}/related", null),
        [("GET", "/api/cases/{id}/atom-inspections/")] = ($"/api/cases/{w.AtomCaseId}/atom-inspections", null),
        [("GET", "/api/cases/{id}/atom-inspections/{inspectionId}")] = (w.Records[("POST", "/api/cases/{id}/atom-inspections/")].Location, null),
        [("GET", "/api/cases/{id}/interventions/")] = ($"/api/cases/{w.CaseId}/interventions", null),
        [("GET", "/api/cases/{id}/interventions/{interventionId}")] = ($"/api/cases/{w.CaseId}/interventions/{w.InterventionId}", null),
        [("PATCH", "/api/cases/{id}/interventions/{interventionId}")] = ($"/api/cases/{w.CaseId}/interventions/{w.InterventionId}", new { status = "executed" }),
        [("GET", "/api/cases/{id}/items")] = ($"/api/cases/{w.CaseId}/items", null),
        [("GET", "/api/cases/{id}/items/{itemId}")] = (w.Records[("POST", "/api/cases/{id}/items")].Location, null),
        [("GET", "/api/cases/{id}/export")] = ($"/api/cases/{w.CaseId}/export", null),
        [("POST", "/api/cases/{id}/severity")] = ($"/api/cases/{w.CaseId}/severity", new { severity = "zeer-hoog", reason = "reden" }),
        [("POST", "/api/cases/{id}/feedback")] = ($"/api/cases/{w.CaseId}/feedback", new { text = "Dank voor uw melding." }),
        [("GET", "/api/bibob-screenings/{id}")] = ($"/api/bibob-screenings/{w.Id("/api/bibob-screenings")}", null),
        [("GET", "/api/drug-premises-closures/{id}")] = ($"/api/drug-premises-closures/{w.Id("/api/drug-premises-closures")}", null),
        [("GET", "/api/street-dealing-penalties/{id}")] = ($"/api/street-dealing-penalties/{w.Id("/api/street-dealing-penalties")}", null),
        [("GET", "/api/awareness-activities/{id}")] = ($"/api/awareness-activities/{w.Id("/api/awareness-activities")}", null),
        [("GET", "/api/bibob-screenings")] = ($"/api/bibob-screenings?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/drug-premises-closures")] = ($"/api/drug-premises-closures?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/street-dealing-penalties")] = ($"/api/street-dealing-penalties?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/awareness-activities")] = ($"/api/awareness-activities?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/phenomenon-studies/")] = ($"/api/phenomenon-studies?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/phenomenon-studies/{id}")] = ($"/api/phenomenon-studies/{w.StudyId}", null),
        [("PATCH", "/api/phenomenon-studies/{id}")] = ($"/api/phenomenon-studies/{w.StudyId}", new { status = "stopped", date = "2024-06-02", result = "klaar" }),
        [("GET", "/api/phenomenon-proposals")] = ($"/api/phenomenon-proposals?municipality={Maastricht}", null),
        [("GET", "/api/statistics/annual")] = ($"/api/statistics/annual?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/statistics/overview")] = ($"/api/statistics/overview?municipality={Maastricht}&year=2024", null),
        [("GET", "/zaken/{id}")] = ($"/zaken/{w.CaseId}", null),
        [("GET", "/api/reports/monthly/{year:int}/{month:int}")] = ("/api/reports/monthly/2024/5", null),
        [("POST", "/api/admin/retention/run")] = ("/api/admin/retention/run", null),
        [("GET", "/api/intervention-subtypes/{code}")] = ("/api/intervention-subtypes/boekenonderzoek", null),
        // Another number than the world's draft (4), so that a sample request may create its own.
        [("POST", "/api/workflows/{workflow}/versions")] = ("/api/workflows/ondermijning/versions", DraftDefinition(5)),
        [("PUT", "/api/workflows/{workflow}/versions/{version:int}")] = ("/api/workflows/ondermijning/versions/4", DraftDefinition(4)),
        [("POST", "/api/workflows/{workflow}/versions/{version:int}/publish")] = ("/api/workflows/ondermijning/versions/3/publish", new { appliesFrom = "2024-06-01" }),
        [("POST", "/api/imports")] = ("/api/imports?dryRun=true", $"referentie;gemeente;ontvangen;kanaal;omschrijving\nR-1;{Maastricht};2024-05-01;melding-gemeente;Brief"),
        [("GET", "/api/migrations/{id}")] = ($"/api/migrations/{w.MigrationId}", null),
        [("POST", "/api/workflows/{workflow}/migrations")] = ("/api/workflows/ondermijning/migrations",
            new { fromVersion = 1, toVersion = 2, caseId = w.CaseId, stageMapping = new Dictionary<string, string> { ["mot"] = "mot" }, reason = "nieuwe versie" }),
    };

    /// <summary>
    /// Derived from the endpoints: every POST that answers 201 is sent (in <see cref="BuildAsync"/>), and its Location is
    /// followed with a GET that must serve the record just created.
    /// </summary>
    [Fact]
    public async Task Every_created_record_is_served_at_its_location()
    {
        await using var factory = new ApiFactory();
        var creating = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true &&
                        e.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status201Created))
            .Select(e => ("POST", "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .ToList();
        creating.Should().HaveCountGreaterThan(10);
        var world = await BuildAsync(factory);
        creating.Where(route => !world.Records.ContainsKey(route)).Should().BeEmpty("every POST that creates a record needs a request in Creations");

        var oov = factory.CreateClient();
        var document = (await oov.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var failures = new List<string>();
        foreach (var (route, created) in world.Records)
        {
            // What the record's answer says is within what the contract lists for it.
            var operation = document["paths"]![route.Pattern.TrimEnd('/')]?["post"];
            var schema = operation?["responses"]?["201"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
            var properties = schema is null ? null : document["components"]!["schemas"]![schema.Split('/').Last()]!["properties"]?.AsObject();
            var values = JsonNode.Parse(created.Body)!.AsObject();
            foreach (var (name, declared) in properties ?? [])
            {
                var allowed = (declared!["items"] ?? declared)["enum"]?.AsArray().Select(v => v?.ToString()).ToHashSet();
                var given = values[name] is JsonArray many ? many.Select(v => v?.ToString()) : [values[name]?.ToString()];
                if (allowed is not null && given.Any(v => v is not null && !allowed.Contains(v)))
                    failures.Add($"{route.Pattern}: {name} = {values[name]!.ToJsonString()} is not in the contract's enum");
            }
            if (properties is null) failures.Add($"{route.Pattern}: the contract declares no JSON body for its 201");

            var response = await created.Creator.GetAsync(created.Location);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{route.Pattern} -> {created.Location}: {(int)response.StatusCode} {body}");
            else if (JsonNode.Parse(body) is var served && (served!["id"] ?? served["code"] ?? served["version"])?.ToString() != created.Id)
                failures.Add($"{route.Pattern} -> {created.Location} serves {body}, not the created {created.Id}");
        }
        failures.Should().BeEmpty();
    }

    /// <summary>Route patterns that name a case, a record or a municipality.</summary>
    private static bool NamesData(Route route) =>
        route.Pattern.Contains("{id}") || route.Pattern.Contains("Id}") ||
        route.Pattern is "/api/bibob-screenings" or "/api/drug-premises-closures" or "/api/street-dealing-penalties"
            or "/api/awareness-activities" or "/api/phenomenon-studies/" or "/api/phenomenon-proposals"
            or "/api/statistics/annual" or "/api/statistics/overview";

    private static HttpRequestMessage Request(string method, string url, object? body) =>
        new(new HttpMethod(method), url)
        {
            // A text sample is a spreadsheet for the import; every other body is JSON.
            Content = body switch { null => null, string csv => new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), _ => JsonContent.Create(body) },
        };

    /// <summary>Everything that a refused request could have written, as one comparable text.</summary>
    private static async Task<string> StateAsync(HttpClient oov, World w)
    {
        var parts = new List<string>();
        foreach (var url in new[]
                 {
                     $"/api/cases/{w.CaseId}", $"/api/cases/{w.CaseId}/items", $"/api/cases/{w.CaseId}/findings",
                     $"/api/cases/{w.CaseId}/interventions", $"/api/cases/{w.AtomCaseId}/atom-inspections",
                     $"/api/cases/{w.CaseId}/enrichment/decisions", $"/api/phenomenon-studies?municipality={Maastricht}",
                     $"/api/statistics/annual?municipality={Maastricht}&year=2024",
                 })
            parts.Add(await (await oov.GetAsync(url)).Content.ReadAsStringAsync());
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task A_user_of_another_municipality_gets_404_on_every_route_that_names_data_and_nothing_is_written()
    {
        await using var factory = new ApiFactory();
        var world = await BuildAsync(factory);
        var samples = Samples(world);
        var dataRoutes = Routes(factory).Where(r => r.Pattern.StartsWith("/api") && NamesData(r)).ToList();
        dataRoutes.Where(r => !samples.ContainsKey((r.Method, r.Pattern))).Select(r => $"{r.Method} {r.Pattern}")
            .Should().BeEmpty("every route that names data needs a sample request in this test");

        var oov = factory.CreateClient();
        var before = await StateAsync(oov, world);
        // Every role at once: only the municipality can refuse.
        var stranger = factory.CreateClientFor("stranger", "gemeente", ShippedVocabulary.Roles.Select(r => r.Value), [Heerlen]);
        var failures = new List<string>();
        foreach (var route in dataRoutes)
        {
            var (url, body) = samples[(route.Method, route.Pattern)];
            var response = await stranger.SendAsync(Request(route.Method, url, body));
            var raw = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{route.Method} {url}: {(int)response.StatusCode} {raw}");
            // The case's content, or its municipality when the request did not name it, would give the case away.
            var named = url.Contains(Maastricht) || JsonSerializer.Serialize(body).Contains(Maastricht);
            if (raw.Contains("ROUTEMARKER") || (!named && raw.Contains(Maastricht))) failures.Add($"{route.Method} {url} gave away data: {raw}");
        }
        failures.Should().BeEmpty();
        (await StateAsync(oov, world)).Should().Be(before, "a refused request writes nothing");

        // Unknown ids are as unknown to a stranger as to anyone: the same 404.
        var unknown = await stranger.GetAsync($"/api/cases/{Guid.NewGuid()}/findings");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_role_without_the_permission_is_refused_on_every_route_and_nothing_is_written()
    {
        await using var factory = new ApiFactory();
        var world = await BuildAsync(factory);
        var samples = Samples(world);
        var oov = factory.CreateClient();
        var before = await StateAsync(oov, world);

        var failures = new List<string>();
        var checkedCells = 0;
        foreach (var route in Routes(factory).Where(r => r.Pattern.StartsWith("/api") && r.Permission is not null))
        {
            var (url, body) = samples.TryGetValue((route.Method, route.Pattern), out var sample) ? sample : (route.Pattern, (object?)null);
            var rule = Permissions.RuleFor(route.Permission!.Value);
            foreach (var role in ShippedVocabulary.Roles.Where(r => !rule.Roles.Contains(r)))
            {
                if (url.Contains('{') || (body is null && route.Method != "GET" && !samples.ContainsKey((route.Method, route.Pattern))))
                {
                    failures.Add($"{route.Method} {route.Pattern} has no sample request");
                    break;
                }
                checkedCells++;
                var client = factory.CreateClientFor($"without-{role}", "gemeente", [role.Value], [Maastricht]);
                var response = await client.SendAsync(Request(route.Method, url, body));
                var raw = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{role} {route.Method} {url}: {(int)response.StatusCode}");
                if (raw.Contains("ROUTEMARKER")) failures.Add($"{role} {route.Method} {url} gave away data");
            }
        }
        failures.Should().BeEmpty();
        checkedCells.Should().BeGreaterThan(50);
        (await StateAsync(oov, world)).Should().Be(before, "a refused request writes nothing");
    }
}
