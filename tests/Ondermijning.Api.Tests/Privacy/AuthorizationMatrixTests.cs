using System.Net;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// Every role × organisation × table stage × information category × read path (one item at its address too), with the expectation derived from the
/// gates in the shipped definition and the domain's table membership, not from the code under test. For every denied
/// cell the item's unique marker must be absent from the raw response bytes.
/// </summary>
[LongRunning(seconds: 45)]
public class AuthorizationMatrixTests
{
    private static readonly string[] Stages = ["lwo", "atom", "mot"];
    private static readonly IReadOnlySet<string> ContentRoles = new HashSet<string> { "oov-regisseur", "tafeldeelnemer", "analist" };
    private const string Severity = "zeer-hoog";
    private const string MarkerPrefix = "MATRIXMARKER";

    private sealed record Placed(string CaseId, string Stage, InformationCategory Category, string Marker, IReadOnlySet<OrganisationId> Readers, string Location);

    [Fact]
    public async Task Every_role_organisation_stage_category_and_read_path_sees_exactly_what_the_gates_allow()
    {
        await using var factory = new ApiFactory();
        var oov = factory.CreateClient();
        var definition = DefinitionLoader.LoadFolder(factory.WorkflowsPath, ShippedVocabulary.Value).Single(d => d.Key == new DefinitionKey(new WorkflowId("ondermijning"), 1));
        var rank = definition.SeverityLevels.Select((l, i) => (l.Id.Value, i)).ToDictionary(x => x.Value, x => x.i);

        var cases = new Dictionary<string, string>();
        var placed = new List<Placed>();
        // Reaching the LWO records the enrichment decision with the finding it rests on, which became an item on the way:
        // open information of the enrichment stage, gated as such on every case.
        var findingReaders = definition.Gates.Single(g => g.Stage.Value == "verrijking" && g.Category == InformationCategory.Open).Readers;
        var failures = new List<string>();
        foreach (var stage in Stages)
        {
            var id = (await oov.RegisterAsync(ApiClient.Signal(severity: Severity))).Str("id");
            await oov.MoveToAsync(id, stage);
            cases[stage] = id;
            var seated = definition.Stage(new StageId(stage)).Table!.DefaultSeating;

            foreach (var category in Enum.GetValues<InformationCategory>())
            {
                // Each author's gate: several gates may share a stage and category for different authors.
                var open = definition.Gates
                    .Where(g => g.Stage.Value == stage && g.Category == category && rank[g.MinimumSeverity.Value] <= rank[Severity])
                    .OrderBy(g => rank[g.MinimumSeverity.Value]).ToList();
                var gateOf = new Dictionary<OrganisationId, InformationGate>();
                foreach (var gate in open)
                    foreach (var author in gate.AddedBy.Where(seated.Contains)) gateOf[author] = gate;
                var categoryName = InformationTerms.Name(category);

                foreach (var organisation in ShippedVocabulary.Organisations.Where(o => !gateOf.ContainsKey(o)))
                {
                    var refused = await factory.CreateClientFor($"author-{organisation}", organisation.Value, ["tafeldeelnemer"])
                        .AddItemAsync(id, categoryName, organisation.Value, "mag niet");
                    if (refused.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity))
                        failures.Add($"{organisation} could add {categoryName} at {stage}: {(int)refused.StatusCode}");
                    else if (!(await refused.Content.ReadAsStringAsync()).Contains(open.Count == 0 ? "No gate" : $"Gate '{open[0].Id}'"))
                        failures.Add($"refusing {organisation} {categoryName} at {stage} does not name the rule");
                }

                foreach (var gate in gateOf.Values.Distinct())
                {
                    var author = gateOf.First(a => a.Value == gate).Key;
                    var marker = $"{MarkerPrefix}-{stage}-{gate.Id}-{Guid.NewGuid():N}";
                    var client = factory.CreateClientFor($"author-{author}", author.Value, ["tafeldeelnemer"]);
                    var added = await client.AddItemAsync(id, categoryName, author.Value, marker);
                    await added.ShouldHaveStatus(HttpStatusCode.Created);
                    placed.Add(new Placed(id, stage, category, marker, gate.Readers.Where(seated.Contains).ToHashSet(), added.Headers.Location!.OriginalString));
                }
            }
        }
        placed.Select(p => p.Category).Distinct().Should().HaveCount(3, "the matrix must exercise every category somewhere");

        var cells = 0;
        foreach (var role in ShippedVocabulary.Roles.Select(r => r.Value))
        foreach (var organisation in ShippedVocabulary.Organisations)
        {
            var client = factory.CreateClientFor($"{role}-{organisation}", organisation.Value, [role]);
            bool Allowed(Placed item) => ContentRoles.Contains(role) && item.Readers.Contains(organisation);

            foreach (var (stage, caseId) in cases)
            {
                var onCase = placed.Where(p => p.CaseId == caseId).ToList();
                foreach (var (path, url) in new[]
                         {
                             ("case API", $"/api/cases/{caseId}"), ("item list", $"/api/cases/{caseId}/items"), ("export", $"/api/cases/{caseId}/export"),
                         })
                {
                    var response = await client.GetAsync(url);
                    var raw = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{role}/{organisation} {path} {stage}: {(int)response.StatusCode}"); continue; }
                    foreach (var item in onCase)
                    {
                        cells++;
                        if (Allowed(item) != raw.Contains(item.Marker))
                            failures.Add($"{role}/{organisation} {path} at {stage}, {item.Category}: expected {(Allowed(item) ? "allow" : "deny")}");
                    }
                    var json = JsonNode.Parse(raw)!;
                    var withheld = (path == "export" ? json["case"]! : json)["withheldItemCount"]!.GetValue<int>();
                    var expectedWithheld = onCase.Count(i => !Allowed(i)) + (ContentRoles.Contains(role) && findingReaders.Contains(organisation) ? 0 : 1);
                    if (withheld != expectedWithheld)
                        failures.Add($"{role}/{organisation} {path} at {stage}: withheldItemCount {withheld}, expected {expectedWithheld}");
                }
            }

            // The item at its own address (the Location of its 201): served when readable, otherwise a 403 without its contents.
            foreach (var item in placed)
            {
                cells++;
                var single = await client.GetAsync(item.Location);
                var raw = await single.Content.ReadAsStringAsync();
                var expected = Allowed(item) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                if (single.StatusCode != expected || Allowed(item) != raw.Contains(item.Marker))
                    failures.Add($"{role}/{organisation} single item at {item.Stage}, {item.Category}: {(int)single.StatusCode}, expected {(int)expected}");
            }

            var search = await client.GetAsync($"/api/items/search?q={MarkerPrefix}");
            var found = await search.Content.ReadAsStringAsync();
            foreach (var item in placed)
            {
                cells++;
                if (Allowed(item) != found.Contains(item.Marker))
                    failures.Add($"{role}/{organisation} search at {item.Stage}, {item.Category}: expected {(Allowed(item) ? "allow" : "deny")}");
            }
        }

        failures.Should().BeEmpty();
        cells.Should().Be(ShippedVocabulary.Roles.Count * ShippedVocabulary.Organisations.Count * placed.Count * 5);
    }
}
