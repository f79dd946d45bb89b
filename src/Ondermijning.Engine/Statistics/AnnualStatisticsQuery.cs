using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;
using static Ondermijning.Engine.Statistics.FigureIds;

namespace Ondermijning.Engine.Statistics;

/// <summary>
/// Computes the yearly table. Every number is an aggregate in the database (counts, distinct counts, sums over indexes
/// that start with municipality and date), one query per table, so the cost does not grow with rows loaded into memory.
/// Nothing is read from personal data (names, addresses, descriptions), so erasing it leaves every number unchanged.
/// An event counts in the calendar year of its date; dates are Europe/Amsterdam dates.
/// </summary>
public sealed class AnnualStatisticsQuery(OndermijningDbContext db, IClock clock, IOptions<StatisticsOptions> options, WorkflowCatalog catalog)
{
    public const int FirstYear = 2000;

    public async Task<AnnualStatistics> HandleAsync(string? municipality, string? region, int year, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var scope = StatisticsScope.Resolve(municipality, region, options.Value).For(actor, Permission.ReadStatistics);
        var now = clock.GetCurrentInstant();
        if (year < FirstYear || year > now.InZone(Amsterdam.Zone).Year)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["year"] = [$"Ask for a year from {FirstYear} up to this year."],
            });

        var m = scope.Municipalities.ToList();
        var from = new LocalDate(year, 1, 1);
        var to = from.PlusYears(1);
        var start = from.AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
        var end = to.AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
        var ct = cancellationToken;

        // Each table is read once, every figure it gives being a conditional aggregate of that one scan. The figures are
        // computed per municipality and added up: a case belongs to one municipality, so distinct cases add up across a
        // region, and counting them per municipality keeps each distinct set small (on SQLite about twice as fast).
        var lwo = await db.Set<LwoDecision>()
            .Where(d => m.Contains(d.Municipality) && d.MeetingDate >= from && d.MeetingDate < to)
            .GroupBy(d => d.Municipality)
            .Select(g => new
            {
                Handled = g.Select(d => d.CaseId).Distinct().Count(),
                Politie = g.Where(d => d.Route == LwoRoute.Politie).Select(d => d.CaseId).Distinct().Count(),
                HandhavingWabo = g.Where(d => d.Route == LwoRoute.HandhavingWabo).Select(d => d.CaseId).Distinct().Count(),
                HandhavingOpenbareRuimte = g.Where(d => d.Route == LwoRoute.HandhavingOpenbareRuimte).Select(d => d.CaseId).Distinct().Count(),
                Ketenpartner = g.Where(d => d.Route == LwoRoute.Ketenpartner).Select(d => d.CaseId).Distinct().Count(),
                Atom = g.Where(d => d.Route == LwoRoute.Atom).Select(d => d.CaseId).Distinct().Count(),
                Mot = g.Where(d => d.Route == LwoRoute.Mot).Select(d => d.CaseId).Distinct().Count(),
                GeenVervolg = g.Where(d => d.Route == LwoRoute.GeenVervolg).Select(d => d.CaseId).Distinct().Count(),
            })
            .ToListAsync(ct);

        var atom = await db.Set<AtomInspection>()
            .Where(i => m.Contains(i.Municipality) && i.InspectedOn >= from && i.InspectedOn < to)
            .GroupBy(i => i.Municipality)
            .Select(g => new
            {
                Locations = g.Count(i => i.SameLocationAs == null),
                LastOnderDwangsom = g.Count(i => i.LastOnderDwangsom),
                HandhavingWabo = g.Where(i => i.HandhavingWabo).Select(i => i.CaseId).Distinct().Count(),
                SocialeRecherche = g.Where(i => i.SocialeRecherche).Select(i => i.CaseId).Distinct().Count(),
                Other = g.Count(i => i.Other),
            })
            .ToListAsync(ct);

        var interventions = await db.Set<Intervention>()
            .Where(i => m.Contains(i.Municipality) && i.DecidedOn >= from && i.DecidedOn < to && i.Status != InterventionStatus.Dropped)
            .GroupBy(i => i.Municipality)
            .Select(g => new
            {
                Bestuurlijk = g.Count(i => i.Type == InterventionType.Bestuurlijk),
                Strafrechtelijk = g.Count(i => i.Type == InterventionType.Strafrechtelijk),
                Fiscaal = g.Count(i => i.Type == InterventionType.Fiscaal),
            })
            .ToListAsync(ct);

        var bibob = await db.Set<BibobScreening>()
            .Where(b => m.Contains(b.Municipality) && b.Date >= from && b.Date < to)
            .GroupBy(b => b.Municipality)
            .Select(g => new
            {
                Total = g.Count(),
                InDepth = g.Count(b => b.Kind == BibobKind.InDepth),
                Refused = g.Count(b => b.Outcome == BibobOutcome.PermitOrManagerRefused),
                Withdrawn = g.Count(b => b.Outcome == BibobOutcome.WithdrawnOrNotProcessed),
                Lbb = g.Count(b => b.Outcome == BibobOutcome.AdviceAskedOfLbb),
            })
            .ToListAsync(ct);

        var closures = await db.Set<DrugPremisesClosure>()
            .Where(c => m.Contains(c.Municipality) && c.ClosedOn >= from && c.ClosedOn < to)
            .GroupBy(c => c.Municipality)
            .Select(g => g.Count())
            .ToListAsync(ct);

        var penalties = await db.Set<StreetDealingPenalty>()
            .Where(p => m.Contains(p.Municipality) && p.ImposedOn >= from && p.ImposedOn < to)
            .GroupBy(p => p.Municipality)
            .Select(g => new
            {
                Total = g.Count(),
                Sellers = g.Count(p => p.Party == StreetDealingParty.Seller),
                Buyers = g.Count(p => p.Party == StreetDealingParty.Buyer),
            })
            .ToListAsync(ct);

        var studies = await db.Set<PhenomenonStudy>()
            .Where(s => m.Contains(s.Municipality) && s.StartedOn >= from && s.StartedOn < to && s.Status != PhenomenonStudyStatus.Stopped)
            .GroupBy(s => s.Municipality)
            .Select(g => new
            {
                Area = g.Count(s => s.SubjectKind == PhenomenonSubject.Area),
                TargetGroup = g.Count(s => s.SubjectKind == PhenomenonSubject.TargetGroup),
                Branch = g.Count(s => s.SubjectKind == PhenomenonSubject.Branch),
            })
            .ToListAsync(ct);

        var awareness = await db.Set<AwarenessActivity>()
            .Where(a => m.Contains(a.Municipality) && a.HeldOn >= from && a.HeldOn < to)
            .GroupBy(a => a.Municipality)
            .Select(g => new
            {
                Workshops = g.Count(a => a.Kind == AwarenessActivityKind.Workshop),
                ActionDays = g.Count(a => a.Kind == AwarenessActivityKind.ActionDay),
                Conversations = g.Sum(a => (long)a.Conversations),
            })
            .ToListAsync(ct);

        var residentSignalsToLwo = await ResidentSignalsReachingLwoAsync(m, start, end, ct);

        // By the moment of receipt, not of registration: a letter registered in January counts in the year it arrived.
        var received = await db.Cases
            .Where(c => m.Contains(c.Municipality) && c.ReceivedAt >= start && c.ReceivedAt < end)
            .GroupBy(c => new { c.Municipality, c.SourceChannel })
            .Select(g => new { g.Key.SourceChannel, Count = g.Count() })
            .ToListAsync(ct);
        long Received(SourceChannel? channel) => received.Where(r => channel is null || r.SourceChannel == channel).Sum(r => (long)r.Count);
        const string ByReceipt = "geteld in het jaar (Europe/Amsterdam) waarin het signaal is ontvangen, niet waarin het is geregistreerd";

        const string Meeting = "geteld in het jaar van de datum van het LWO-overleg (vergaderdatum)";
        var sections = new List<FigureSection>
        {
            new("lwo", "Lokale werkgroep ondermijning (LWO)",
            [
                new(LwoHandled, "zaken behandeld", Sum(lwo, x => x.Handled), $"Aantal verschillende zaken waarover de LWO een besluit nam (een route koos); {Meeting}.", 0),
                new(LwoPolitie, "zaken opgepakt door politie", Sum(lwo, x => x.Politie), $"Zaken die de LWO overdroeg aan de politie; {Meeting}.", 1),
                new(LwoHandhavingWabo, "zaken opgepakt door handhaving Wabo", Sum(lwo, x => x.HandhavingWabo), $"Zaken die de LWO overdroeg aan Handhaving Wabo; {Meeting}.", 1),
                new(LwoHandhavingOpenbareRuimte, "zaken opgepakt door handhaving Openbare Ruimte", Sum(lwo, x => x.HandhavingOpenbareRuimte), $"Zaken die de LWO overdroeg aan Handhaving Openbare Ruimte; {Meeting}.", 1),
                new(LwoKetenpartner, "zaken doorgezet naar ketenpartners (NVWA, Douane, e.d.)", Sum(lwo, x => x.Ketenpartner), $"Zaken die de LWO doorzette naar een ketenpartner; {Meeting}.", 1),
                new(LwoAtom, "zaken doorgezet naar ATOM", Sum(lwo, x => x.Atom), $"Zaken die de LWO doorzette naar ATOM voor een integrale controle; {Meeting}.", 1),
                new(LwoMot, "zaken doorgezet naar de MOT", Sum(lwo, x => x.Mot), $"Zaken die de LWO doorzette naar de MOT; {Meeting}.", 1),
                new(LwoGeenVervolg, "zaken zonder vervolg", Sum(lwo, x => x.GeenVervolg), $"Zaken waarvoor de LWO besloot tot geen vervolg; {Meeting}.", 1),
            ]),
            new("atom", "Actieteam Ondermijning (ATOM)",
            [
                new(AtomLocations, "locaties integraal gecontroleerd", Sum(atom, x => x.Locations), "Aantal integraal gecontroleerde locaties: een locatie die voor meerdere zaken op één dag is gecontroleerd, telt één keer; geteld in het jaar van de controledatum.", 0),
                new(AtomLastOnderDwangsom, "x last onder dwangsom opgelegd", Sum(atom, x => x.LastOnderDwangsom), "Controles met als uitkomst een last onder dwangsom; geteld in het jaar van de controledatum.", 1),
                new(AtomHandhavingWabo, "zaken door Wabo verder opgepakt", Sum(atom, x => x.HandhavingWabo), "Verschillende zaken met een controle waarna Handhaving Wabo de zaak verder oppakte; geteld in het jaar van de controledatum.", 1),
                new(AtomSocialeRecherche, "zaken personen aangetroffen die door Sociale Recherche verder opgepakt (zwartwerk)", Sum(atom, x => x.SocialeRecherche), "Verschillende zaken met een controle waarbij personen zijn overgedragen aan de Sociale Recherche; geteld in het jaar van de controledatum.", 1),
                new(AtomOverig, "controles met een andere uitkomst", Sum(atom, x => x.Other), "Controles met een andere, in tekst beschreven uitkomst; geteld in het jaar van de controledatum.", 1),
            ]),
            new("mot", MotTitle(m),
            [
                new(MotCases, "zaken uit LWO afgestemd", Sum(lwo, x => x.Mot), $"Verschillende zaken die de LWO doorzette naar de MOT; {Meeting}.", 0),
                new(MotBestuurlijk, "bestuurlijke interventies", Sum(interventions, x => x.Bestuurlijk), "Door de MOT besloten bestuurlijke interventies, behalve later vervallen interventies; geteld in het jaar van de besluitdatum.", 1),
                new(MotStrafrechtelijk, "strafrechtelijke interventies", Sum(interventions, x => x.Strafrechtelijk), "Door de MOT besloten strafrechtelijke interventies, behalve later vervallen interventies; geteld in het jaar van de besluitdatum.", 1),
                new(MotFiscaal, "fiscale interventies", Sum(interventions, x => x.Fiscaal), "Door de MOT besloten fiscale interventies, behalve later vervallen interventies; geteld in het jaar van de besluitdatum.", 1),
            ]),
            new("bestuurlijk", "Bestuurlijke handhavingsmaatregelen",
            [
                new(BibobScreenings, "Bibob-screenings", Sum(bibob, x => x.Total), "Afgeronde Bibob-screenings (quick scans en verdiepende onderzoeken); geteld in het jaar van de datum van de uitkomst.", 0),
                new(BibobInDepth, "hiervan verdiepende Bibob-onderzoeken", Sum(bibob, x => x.InDepth), "Bibob-screenings die een verdiepend onderzoek waren; geteld in het jaar van de datum van de uitkomst.", 1),
                new(BibobRefused, "weigering vergunning of leidinggevende", Sum(bibob, x => x.Refused), "Bibob-screenings met als uitkomst weigering van de vergunning of van een leidinggevende; geteld in het jaar van de datum van de uitkomst.", 1),
                new(BibobWithdrawn, "vergunningaanvragen buiten behandeling gelaten/ingetrokken", Sum(bibob, x => x.Withdrawn), "Bibob-screenings waarbij de aanvraag werd ingetrokken of buiten behandeling gelaten; geteld in het jaar van de datum van de uitkomst.", 1),
                new(BibobLbb, "advies gevraagd aan het Landelijk Bureau Bibob", Sum(bibob, x => x.Lbb), "Bibob-screenings waarvoor advies is gevraagd aan het Landelijk Bureau Bibob; geteld in het jaar van de datum van de uitkomst.", 1),
                new(DrugPremisesClosed, "drugspanden gesloten", closures.Sum(), "Panden gesloten op grond van art. 13b Opiumwet (Damoclesbeleid); geteld in het jaar van de sluitingsdatum.", 0),
                new(StreetDealingPenalties, "opgelegde dwangsommen straathandel", Sum(penalties, x => x.Total), "Opgelegde lasten onder dwangsom wegens straathandel (kopers en verkopers); geteld in het jaar van de datum van oplegging.", 0),
                new(StreetDealingSellers, "hiervan aan verkopers", Sum(penalties, x => x.Sellers), "Dwangsommen straathandel opgelegd aan verkopers; geteld in het jaar van de datum van oplegging.", 1),
                new(StreetDealingBuyers, "hiervan aan kopers", Sum(penalties, x => x.Buyers), "Dwangsommen straathandel opgelegd aan kopers; geteld in het jaar van de datum van oplegging.", 1),
            ]),
            new("fenomeen", "Integrale fenomeenanalyses",
            [
                new(StudiesArea, "locatiegerichte fenomeenanalyses", Sum(studies, x => x.Area), "Gestarte fenomeenonderzoeken naar een gebied, behalve gestopte; geteld in het jaar van de startdatum.", 0),
                new(StudiesTargetGroup, "analyses ten aanzien van een doelgroep", Sum(studies, x => x.TargetGroup), "Gestarte fenomeenonderzoeken naar een doelgroep, behalve gestopte; geteld in het jaar van de startdatum.", 0),
                new(StudiesBranch, "analyses van een branche", Sum(studies, x => x.Branch), "Gestarte fenomeenonderzoeken naar een branche, behalve gestopte; geteld in het jaar van de startdatum.", 0),
            ]),
            new("bewustwording", "Vergroten bewustwording & signalering",
            [
                new(AwarenessWorkshops, "workshops gegeven tijdens organisatie-/teambijeenkomsten", Sum(awareness, x => x.Workshops), "Gegeven workshops; geteld in het jaar van de datum van de workshop.", 0),
                new(AwarenessActionDays, "actiedagen (zoals ONDERSCHAT)", Sum(awareness, x => x.ActionDays), "Gehouden actiedagen; geteld in het jaar van de actiedag.", 0),
                new(AwarenessConversations, "gesprekken met inwoners", Sum(awareness, x => x.Conversations), "Som van het aantal gesprekken met inwoners dat bij de activiteiten is geregistreerd; geteld in het jaar van de activiteit.", 1),
                new(AwarenessSignalsToLwo, "concrete signalen doorgezet naar LWO", residentSignalsToLwo, "Signalen met bronkanaal 'bewonersgesprek' die voor het eerst in de LWO werden geagendeerd; geteld in het jaar (Europe/Amsterdam) van die eerste stap naar de LWO.", 1),
            ]),
            new("signalen", "Ontvangen signalen",
            [
                new(SignalsReceived, "signalen ontvangen", Received(null), $"Geregistreerde signalen uit alle bronnen; {ByReceipt}.", 0),
                new(SignalsMeldMisdaadAnoniem, "via Meld Misdaad Anoniem", Received(SourceChannel.MeldMisdaadAnoniem), $"Signalen doorgestuurd door Meld Misdaad Anoniem; {ByReceipt}.", 1),
                new(SignalsMeldingGemeente, "meldingen bij de gemeente", Received(SourceChannel.MeldingGemeente), $"Signalen gemeld bij de gemeente; {ByReceipt}.", 1),
                new(SignalsMeldingPolitie, "meldingen bij de politie", Received(SourceChannel.MeldingPolitie), $"Signalen gemeld bij de politie; {ByReceipt}.", 1),
                new(SignalsBewonersgesprek, "uit gesprekken met bewoners", Received(SourceChannel.Bewonersgesprek), $"Signalen uit gesprekken met bewoners (zoals ONDERSCHAT); {ByReceipt}.", 1),
                new(SignalsProfessional, "van professionals", Received(SourceChannel.Professional), $"Signalen van professionals (handhaving, woningcorporatie, wijkagent, jongerenwerk); {ByReceipt}.", 1),
            ]),
        };
        sections.AddRange(await ProtocolSectionsAsync(m, start, end, ct));
        return new AnnualStatistics(scope, year, now, sections);
    }

    /// <summary>
    /// A section per workflow whose steps declare a privacy protocol's outcomes (the CCV model protocol's), for an area with
    /// cases on it. Each figure counts the steps taken whose definition declares that outcome, read from the history by
    /// workflow, version and trigger, so no stage or step of a shipped workflow is named here and a new version that
    /// renames its steps is counted by what it declares.
    /// </summary>
    private async Task<IReadOnlyList<FigureSection>> ProtocolSectionsAsync(List<MunicipalityCode> m, Instant start, Instant end,
        CancellationToken ct)
    {
        var declared = catalog.All
            .SelectMany(d => d.Transitions
                .Where(t => t.Records is { } records && StepOutcome.ProtocolKinds.Contains(records.Kind))
                .Select(t => (d.Key, t.Trigger, Records: t.Records!)))
            .ToList();
        var protocols = declared.Select(x => x.Key.Workflow).Distinct().ToList();
        if (protocols.Count == 0) return [];
        var present = await db.Cases.Where(c => m.Contains(c.Municipality) && protocols.Contains(c.Workflow))
            .Select(c => c.Workflow).Distinct().ToListAsync(ct);
        if (present.Count == 0) return [];

        var triggers = declared.Where(x => present.Contains(x.Key.Workflow)).Select(x => (TriggerId?)x.Trigger).Distinct().ToList();
        var steps = await db.Cases
            .Where(c => m.Contains(c.Municipality) && present.Contains(c.Workflow))
            .Join(db.CaseHistory, c => c.Id, h => h.CaseId, (c, h) => h)
            .Where(h => h.Kind == HistoryKind.Transition && h.At >= start && h.At < end && triggers.Contains(h.Trigger))
            .GroupBy(h => new { h.Workflow, h.DefinitionVersion, h.Trigger })
            .Select(g => new { g.Key.Workflow, g.Key.DefinitionVersion, g.Key.Trigger, Count = g.Count() })
            .ToListAsync(ct);
        var received = await db.Cases
            .Where(c => m.Contains(c.Municipality) && present.Contains(c.Workflow) && c.ReceivedAt >= start && c.ReceivedAt < end)
            .GroupBy(c => c.Workflow)
            .Select(g => new { Workflow = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        // A trigger counts only in the versions that declare it, since another version may use its name for another step.
        var counted = steps
            .Select(s => (s.Workflow, s.Count, declared.FirstOrDefault(d => d.Key == new DefinitionKey(s.Workflow, s.DefinitionVersion) && d.Trigger == s.Trigger).Records))
            .Where(s => s.Records is not null)
            .ToList();
        return present.OrderBy(w => w.Value).Select(workflow =>
        {
            long Steps(Func<StepOutcome, bool> outcome) =>
                counted.Where(s => s.Workflow == workflow && outcome(s.Records)).Sum(s => (long)s.Count);
            var id = workflow.Value;
            const string ByStep = "geteld in het jaar (Europe/Amsterdam) waarin de stap is gezet";
            return new FigureSection(id, catalog.Versions(workflow)[^1].Title,
            [
                new($"{id}.{ProtocolSignals}", "signalen ontvangen", received.Where(r => r.Workflow == workflow).Sum(r => (long)r.Count),
                    "Geregistreerde signalen die volgens dit protocol worden behandeld; geteld in het jaar (Europe/Amsterdam) waarin het signaal is ontvangen.", 0),
                new($"{id}.{ProtocolWeighings}", "wegingen met vervolg", Steps(r => r.Kind == OutcomeKind.Weighing),
                    $"Stappen die volgens de definitie een weging vastleggen waarna de zaak verder gaat; {ByStep}.", 1),
                new($"{id}.{ProtocolSourcesApproved}", "bronnen goedgekeurd door de privacyfunctionaris", Steps(r => r.Kind == OutcomeKind.SourceApproval),
                    $"Stappen waarin de privacyfunctionaris goedkeurde welke bronnen geraadpleegd mogen worden; {ByStep}.", 1),
                new($"{id}.{ProtocolHits}", "hit/no-hit-checks met een hit", Steps(r => r.Kind == OutcomeKind.HitCheck && r.Hit == true),
                    $"Hit/no-hit-checks waarbij een partner de betrokkene kende; {ByStep}.", 1),
                new($"{id}.{ProtocolNoHits}", "hit/no-hit-checks zonder hit (no-hit)", Steps(r => r.Kind == OutcomeKind.HitCheck && r.Hit == false),
                    $"Hit/no-hit-checks waarbij geen partner de betrokkene kende; {ByStep}.", 1),
                new($"{id}.{ProtocolCaseMeetings}", "zaken naar het casusoverleg", Steps(r => r.Kind == OutcomeKind.CaseMeeting),
                    $"Stappen die de zaak na de laatste weging naar het casusoverleg brachten; {ByStep}.", 1),
                new($"{id}.{ProtocolNoAction}", "besluiten tot geen actie", Steps(r => r.Kind == OutcomeKind.NoAction),
                    $"Wegingen die besloten tot geen actie (de gegevens worden bewaard zolang de definitie voor die afloop zegt, daarna vernietigd); een no-hit telt hierboven; {ByStep}.", 1),
            ]);
        }).ToList();
    }

    private static long Sum<T>(List<T> perMunicipality, Func<T, long> figure) => perMunicipality.Sum(figure);

    /// <summary>Signals from conversations with residents that reached the LWO for the first time within [start, end).</summary>
    private Task<int> ResidentSignalsReachingLwoAsync(List<MunicipalityCode> m, Instant start, Instant end, CancellationToken ct) =>
        db.Set<LwoArrival>().CountAsync(a => m.Contains(a.Municipality) && a.SourceChannel == SourceChannel.Bewonersgesprek
            && a.ArrivedAt >= start && a.ArrivedAt < end, ct);

    /// <summary>
    /// The table under its municipality's name, as the published table says "Maastricht Ondermijningstafel (MOT)"; a region's
    /// figures come from several municipalities' tables.
    /// </summary>
    private static string MotTitle(IReadOnlyList<MunicipalityCode> municipalities) =>
        municipalities.Count == 1 ? $"{Municipalities.NameOf(municipalities[0])} Ondermijningstafel (MOT)" : "Ondermijningstafels (MOT)";
}
