using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Ondermijning.Api.Tests.Contract;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>
/// A table and an organisation a functional administrator adds to the vocabulary (a copy of the shipped one) work without a
/// line of code: a definition seats a stage there, a user of the organisation signs in and takes the step, and the pages
/// show both by the Dutch names the vocabulary gives them.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class VocabularyOnThePagesTests
{
    private static readonly HtmlParser Parser = new();
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>A copy of the shipped workflows folder, definitions and vocabulary, for a test to change.</summary>
    internal static string CopyOfShipped()
    {
        var folder = Path.Combine(Scratch.NewFolder(), "workflows");
        foreach (var file in Directory.EnumerateFiles(Shipped, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    /// <summary>The shipped workflows and vocabulary, plus a case meeting with the Kansspelautoriteit at it and a workflow that uses it.</summary>
    private static string FolderWithACaseMeeting()
    {
        var folder = CopyOfShipped();
        var vocabulary = JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, DefinitionLoader.VocabularyFile)))!.AsObject();
        vocabulary["organisations"]!.AsArray().Add(new JsonObject { ["id"] = "kansspelautoriteit", ["name"] = "Kansspelautoriteit" });
        vocabulary["tables"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "casusoverleg", ["name"] = "Casusoverleg", ["kind"] = "meeting", ["seating"] = new JsonArray("gemeente", "kansspelautoriteit"),
        });
        File.WriteAllText(Path.Combine(folder, DefinitionLoader.VocabularyFile), vocabulary.ToJsonString());
        Directory.CreateDirectory(Path.Combine(folder, "overleg"));
        File.WriteAllText(Path.Combine(folder, "overleg", "v1.json"), """
            {
              "id": "overleg", "version": 1, "title": "Casusoverleg", "appliesFrom": "2020-01-01",
              "severityLevels": [ { "id": "laag", "label": "Laag" } ],
              "stages": [
                { "id": "ontvangen", "label": "Ontvangen", "kind": "start" },
                { "id": "in-overleg", "label": "In het casusoverleg", "kind": "table", "table": "casusoverleg" },
                { "id": "afgesloten", "label": "Afgesloten", "kind": "final" }
              ],
              "transitions": [
                { "from": "ontvangen", "to": "in-overleg", "trigger": "naar-overleg", "label": "Naar het casusoverleg" },
                {
                  "from": "in-overleg", "to": "afgesloten", "trigger": "afsluiten", "label": "Afsluiten",
                  "guards": { "requiredInformation": [ { "key": "uitvoerder", "label": "Uitvoerende organisatie", "type": "organisation" } ] }
                }
              ]
            }
            """);
        return folder;
    }

    [Fact]
    public async Task A_table_and_an_organisation_added_to_the_vocabulary_appear_by_their_Dutch_names_on_the_agenda_and_the_case_page()
    {
        await using var factory = new ApiFactory(workflowsPath: FolderWithACaseMeeting())
        {
            DemoUsers = true,
            Settings = new Dictionary<string, string>(FuzzTests.NoScheduledJobs) { ["Workflows:Municipalities:GM0935"] = "overleg" },
        };
        var oov = factory.CreateClient();
        var id = (await oov.RegisterAsync()).Str("id");
        await oov.FireOkAsync(id, "naar-overleg");
        var browser = await factory.SignInOnPagesAsync("demo-oov");

        var start = Parser.ParseDocument(await browser.GetStringAsync("/"));
        start.QuerySelectorAll("nav a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim()))
            .Should().Contain(("/tafels/casusoverleg", "Casusoverleg"));

        var agenda = Parser.ParseDocument(await browser.GetStringAsync("/tafels/casusoverleg"));
        agenda.QuerySelector("h1")!.TextContent.Should().Be("Agenda Casusoverleg");
        agenda.Body!.TextContent.Should().Contain(id.Replace("-", "")[^8..].ToUpperInvariant(), "the case waits at the case meeting");

        var casePage = Parser.ParseDocument(await browser.GetStringAsync($"/zaken/{id}"));
        casePage.Body!.TextContent.Should().Contain("In het casusoverleg (Casusoverleg)", "the stage names its table by the vocabulary's name");
        casePage.QuerySelectorAll("select[name='informatie[uitvoerder]'] option").Select(o => (o.GetAttribute("value"), o.TextContent))
            .Should().Contain(("kansspelautoriteit", "Kansspelautoriteit")).And.Contain(("riec", "RIEC"));

        // Seated at the case meeting by the vocabulary alone, a user of the new organisation takes the step.
        var regulator = factory.CreateClientFor("ksa-1", "kansspelautoriteit", ["tafeldeelnemer"]);
        await regulator.FireOkAsync(id, "afsluiten", information: new Dictionary<string, string> { ["uitvoerder"] = "kansspelautoriteit" });

        var history = Parser.ParseDocument(await browser.GetStringAsync($"/zaken/{id}")).Body!.TextContent;
        history.Should().Contain("(Kansspelautoriteit)").And.Contain("Uitvoerende organisatie").And.NotContain("kansspelautoriteit");
    }

    [Fact]
    public async Task A_role_declared_only_in_the_vocabulary_signs_in_with_the_permissions_of_the_role_it_names()
    {
        var folder = CopyOfShipped();
        var file = Path.Combine(folder, DefinitionLoader.VocabularyFile);
        var vocabulary = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        vocabulary["roles"]!.AsArray().Add(new JsonObject { ["id"] = "toezichthouder", ["name"] = "Toezichthouder", ["permissionsOf"] = "statistiek" });
        File.WriteAllText(file, vocabulary.ToJsonString());
        await using var factory = new ApiFactory(workflowsPath: folder) { Settings = FuzzTests.NoScheduledJobs };
        var supervisor = factory.CreateClientFor("toezicht-1", "gemeente", ["toezichthouder"]);

        await (await supervisor.GetAsync("/api/statistics/annual?municipality=GM0935&year=2024")).ShouldHaveStatus(System.Net.HttpStatusCode.OK);
        var refused = await supervisor.PostAsJsonAsync("/api/signals", ApiClient.Signal());
        await refused.ShouldHaveStatus(System.Net.HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("an OOV regisseur (oov-regisseur)");
    }
}
