using Microsoft.Extensions.Options;
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
using Ondermijning.Engine.Workflows;
using static Ondermijning.Engine.Statistics.FigureIds;

namespace Ondermijning.Engine.Tests.Statistics;

/// <summary>
/// The table counts each distinct case once per figure, however often it was weighed or inspected, and a region adds up
/// its municipalities: the figures are computed per municipality and summed, which holds because a case has one municipality.
/// </summary>
public class AnnualStatisticsQueryTests
{
    private static readonly MunicipalityCode Maastricht = MunicipalityCode.Parse("GM0935");
    private static readonly MunicipalityCode Heerlen = MunicipalityCode.Parse("GM0917");

    private static readonly Actor Regisseur = new("test-oov", "Test OOV", Organisations.Gemeente, new HashSet<Role> { Role.OovRegisseur },
        new HashSet<MunicipalityCode> { Maastricht, Heerlen });

    [Fact]
    public async Task A_case_weighed_and_inspected_more_than_once_in_a_year_counts_once_and_a_region_adds_up_its_municipalities()
    {
        // March 2025: new cases run on v2, where ATOM can send a case back to the LWO for re-weighing.
        await using var host = await EngineHost.StartAsync(clock: new FakeClock(Instant.FromUtc(2025, 3, 3, 9, 0)));
        var reweighed = await CaseAtLwoAsync(host, Maastricht);
        await StepAsync(host, reweighed, "naar-atom", ("vergaderdatum", "2025-03-03"));
        await InspectAsync(host, reweighed, AtomOutcome.HandhavingWabo);
        await StepAsync(host, reweighed, "atom-herweging", ("controledatum", "2025-03-03"));
        await StepAsync(host, reweighed, "naar-atom", ("vergaderdatum", "2025-03-03"));
        await InspectAsync(host, reweighed, AtomOutcome.HandhavingWabo);
        await StepAsync(host, reweighed, "atom-herweging", ("controledatum", "2025-03-03"));
        await StepAsync(host, reweighed, "naar-politie", ("vergaderdatum", "2025-03-03"));
        var neighbour = await CaseAtLwoAsync(host, Heerlen);
        await StepAsync(host, neighbour, "naar-atom", ("vergaderdatum", "2025-03-03"));
        await InspectAsync(host, neighbour, AtomOutcome.HandhavingWabo);

        var maastricht = await FiguresAsync(host, Maastricht.Value, null);
        maastricht[LwoHandled].Should().Be(1);
        maastricht[LwoAtom].Should().Be(1, "the case went to ATOM twice, but is one case");
        maastricht[LwoPolitie].Should().Be(1);
        maastricht[AtomLocations].Should().Be(2, "every inspection is a location");
        maastricht[AtomHandhavingWabo].Should().Be(1);

        var region = await FiguresAsync(host, null, "zuid-limburg");
        region[LwoHandled].Should().Be(2);
        region[LwoAtom].Should().Be(2);
        region[LwoPolitie].Should().Be(1);
        region[AtomLocations].Should().Be(3);
        region[AtomHandhavingWabo].Should().Be(2);
    }

    private static async Task<CaseId> CaseAtLwoAsync(EngineHost host, MunicipalityCode municipality)
    {
        var @case = await host.RunAsync<RegisterSignal, Case>(async r => (await r.HandleAsync(new SignalDetails(municipality,
            SourceChannel.MeldingGemeente, ReporterDetails.AnonymousReporter, "Veel korte bezoekjes bij een kapsalon", "kappers", ["drugshandel"],
            [], [], [], null), Regisseur)).Case);
        await StepAsync(host, @case.Id, "start-verrijking");
        host.Clock.Advance(Duration.FromMinutes(10));
        await host.DecideAsync(@case.Id, true, "Besproken", Regisseur);
        return @case.Id;
    }

    private static Task<Case> StepAsync(EngineHost host, CaseId id, string trigger, params (string Key, string Value)[] information)
    {
        host.Clock.Advance(Duration.FromMinutes(10));
        return host.RunAsync<FireTrigger, Case>(f => f.HandleAsync(id, new TriggerRequest(new TriggerId(trigger), "Besproken",
            information.ToDictionary(i => i.Key, i => i.Value)), null, Regisseur));
    }

    private static Task<AtomInspection> InspectAsync(EngineHost host, CaseId id, AtomOutcome outcome) =>
        host.RunAsync<RecordAtomInspection, AtomInspection>(r => r.HandleAsync(id,
            new AtomInspectionDetails("Bedrijfspand", null, ["Politie"], new HashSet<AtomOutcome> { outcome }, null), Regisseur));

    private static Task<Dictionary<string, long>> FiguresAsync(EngineHost host, string? municipality, string? region) =>
        host.RunAsync<WorkflowCatalog, Dictionary<string, long>>(catalog => host.RunAsync<OndermijningDbContext, Dictionary<string, long>>(async db =>
        {
            var options = new StatisticsOptions { Regions = { ["zuid-limburg"] = [Maastricht.Value, Heerlen.Value] } };
            var table = await new AnnualStatisticsQuery(db, host.Clock, Options.Create(options), catalog).HandleAsync(municipality, region, 2025, Regisseur);
            return table.Sections.SelectMany(s => s.Figures).ToDictionary(f => f.Id, f => f.Value);
        }));
}
