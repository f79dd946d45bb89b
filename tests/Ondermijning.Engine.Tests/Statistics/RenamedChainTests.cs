using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Statistics;
using Ondermijning.Engine.Tests.Deadlines;
using Ondermijning.Engine.Tests.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Statistics;

/// <summary>
/// The annual table counts what steps declare they record, never a stage id, trigger or information key: the shipped chain
/// (v2, whose outcomes come from the compatibility file) and the same chain with every stage, trigger and key renamed
/// (declaring its outcomes itself) give the same table for the same steps.
/// </summary>
public class RenamedChainTests
{
    private static readonly MunicipalityCode Maastricht = MunicipalityCode.Parse("GM0935");
    private static readonly Actor Regisseur = EngineHost.Regisseur;

    private static string Renamed(string id) => "hernoemd-" + id;

    /// <summary>The shipped v3 as version 1 of a folder of its own, with every stage, trigger and information key renamed.</summary>
    private static string RenamedFolder()
    {
        var v3 = JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedDefinitionTests.ShippedFolder, "ondermijning", "v3.json")))!.AsObject();
        v3.Remove("$schema");
        v3["version"] = 1;
        v3["appliesFrom"] = "2020-01-01";
        foreach (var stage in v3["stages"]!.AsArray()) stage!["id"] = Renamed(stage["id"]!.GetValue<string>());
        foreach (var transition in v3["transitions"]!.AsArray())
        {
            foreach (var name in new[] { "from", "to", "trigger" }) transition![name] = Renamed(transition[name]!.GetValue<string>());
            foreach (var input in transition!["guards"]?["requiredInformation"]?.AsArray() ?? []) input!["key"] = Renamed(input["key"]!.GetValue<string>());
        }
        foreach (var gate in v3["gates"]!.AsArray()) gate!["stage"] = Renamed(gate["stage"]!.GetValue<string>());
        var retention = v3["retention"]!["stages"]!.AsObject();
        foreach (var (stage, period) in retention.ToList())
        {
            retention.Remove(stage);
            retention[Renamed(stage)] = period!.DeepClone();
        }

        var folder = Path.Combine(Scratch.NewFolder(), "workflows");
        Directory.CreateDirectory(Path.Combine(folder, "ondermijning"));
        File.WriteAllText(Path.Combine(folder, "ondermijning", "v1.json"), v3.ToJsonString());
        File.Copy(Path.Combine(ShippedDefinitionTests.ShippedFolder, DefinitionLoader.VocabularyFile), Path.Combine(folder, DefinitionLoader.VocabularyFile));
        return folder;
    }

    [Fact]
    public async Task Renaming_every_stage_trigger_and_key_of_the_shipped_chain_leaves_the_annual_table_unchanged()
    {
        var clock = Instant.FromUtc(2025, 3, 3, 9, 0);
        await using var shipped = await EngineHost.StartAsync(clock: new FakeClock(clock));
        await using var renamed = await EngineHost.StartAsync(clock: new FakeClock(clock), workflowsFolder: RenamedFolder());

        var shippedTable = await RunChainAsync(shipped, name => name);
        var renamedTable = await RunChainAsync(renamed, Renamed);

        shippedTable.Should().Equal(renamedTable);
        shippedTable.Should().Contain(new Dictionary<string, long>
        {
            [FigureIds.LwoHandled] = 5, [FigureIds.LwoPolitie] = 1, [FigureIds.LwoKetenpartner] = 1, [FigureIds.LwoAtom] = 1,
            [FigureIds.LwoMot] = 1, [FigureIds.LwoGeenVervolg] = 1, [FigureIds.AtomLocations] = 1, [FigureIds.AtomLastOnderDwangsom] = 1,
        }, "the chain itself is counted, not only alike on both");
    }

    /// <summary>The same steps on either definition; <paramref name="name"/> gives the definition's name for a shipped id.</summary>
    private static async Task<Dictionary<string, long>> RunChainAsync(EngineHost host, Func<string, string> name)
    {
        async Task<CaseId> AtLwoAsync(string severity = "gemiddeld")
        {
            var @case = await host.RunAsync<RegisterSignal, Case>(async r => (await r.HandleAsync(new SignalDetails(Maastricht,
                SourceChannel.MeldingGemeente, ReporterDetails.AnonymousReporter, "Veel korte bezoekjes bij een kapsalon", "kappers", ["drugshandel"],
                [], [], [], new Severity(severity)), Regisseur)).Case);
            await StepAsync(@case.Id, "start-verrijking");
            await host.DecideAsync(@case.Id, true, "Bevestigd");
            return @case.Id;
        }

        Task StepAsync(CaseId id, string trigger, params (string Key, string Value)[] information)
        {
            host.Clock.Advance(Duration.FromMinutes(10));
            return host.RunAsync<FireTrigger, Case>(f => f.HandleAsync(id, new TriggerRequest(new TriggerId(name(trigger)), "Besproken in de LWO",
                information.ToDictionary(i => name(i.Key), i => i.Value)), null, Regisseur));
        }

        var meeting = ("vergaderdatum", "2025-03-03");
        await StepAsync(await AtLwoAsync(), "naar-politie", meeting);
        await StepAsync(await AtLwoAsync(), "naar-ketenpartner", meeting, ("ketenpartner", "NVWA"));
        await StepAsync(await AtLwoAsync(), "geen-vervolg", meeting);
        await StepAsync(await AtLwoAsync("hoog"), "naar-mot", meeting);
        var inspected = await AtLwoAsync();
        await StepAsync(inspected, "naar-atom", meeting);
        await host.RunAsync<RecordAtomInspection, AtomInspection>(r => r.HandleAsync(inspected,
            new AtomInspectionDetails("Bedrijfspand", null, ["Politie"], new HashSet<AtomOutcome> { AtomOutcome.LastOnderDwangsom }, null), Regisseur));
        await StepAsync(inspected, "last-onder-dwangsom", ("controledatum", "2025-03-03"));
        var rejected = await host.RegisterAsync();
        await StepAsync(rejected.Id, "start-verrijking");
        await host.DecideAsync(rejected.Id, false, "Open bronnen bevestigen niets");

        return await host.RunAsync<AnnualStatisticsQuery, Dictionary<string, long>>(async query =>
        {
            var table = await query.HandleAsync(Maastricht.Value, null, 2025, Regisseur);
            return table.Sections.SelectMany(s => s.Figures).ToDictionary(f => f.Id, f => f.Value);
        });
    }
}
