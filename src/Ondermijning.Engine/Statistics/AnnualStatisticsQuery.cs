using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using static Ondermijning.Engine.Statistics.FigureIds;

namespace Ondermijning.Engine.Statistics;

/// <summary>
/// Computes the yearly table. Every number is one aggregate query in the database (counts, distinct counts, sums
/// over indexed municipality+date columns), so the cost does not grow with rows loaded into memory. Nothing is
/// read from personal data (names, addresses, descriptions), so erasing it leaves every number unchanged.
/// An event counts in the calendar year of its date; dates are Europe/Amsterdam dates.
/// </summary>
public sealed class AnnualStatisticsQuery(OndermijningDbContext db, IClock clock, IOptions<StatisticsOptions> options)
{
    public const int FirstYear = 2000;

    public async Task<AnnualStatistics> HandleAsync(string? municipality, string? region, int year, Actor actor,
        CancellationToken cancellationToken = default)
    {
        actor.Require("read the statistics", Role.StatisticsReader, Role.OovRegisseur);
        var scope = StatisticsScope.Resolve(municipality, region, options.Value);
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

        var lwo = db.Set<LwoDecision>().Where(d => m.Contains(d.Municipality) && d.MeetingDate >= from && d.MeetingDate < to);
        var lwoHandled = await lwo.Select(d => d.CaseId).Distinct().CountAsync(ct);
        var routes = (await lwo.GroupBy(d => d.Route)
                .Select(g => new { Route = g.Key, Cases = g.Select(d => d.CaseId).Distinct().Count() })
                .ToListAsync(ct))
            .ToDictionary(r => r.Route, r => (long)r.Cases);
        long Route(LwoRoute route) => routes.GetValueOrDefault(route);

        var atom = db.Set<AtomInspection>().Where(i => m.Contains(i.Municipality) && i.InspectedOn >= from && i.InspectedOn < to);
        var atomLocations = await atom.CountAsync(ct);
        var atomLod = await atom.CountAsync(i => i.LastOnderDwangsom, ct);
        var atomWabo = await atom.Where(i => i.HandhavingWabo).Select(i => i.CaseId).Distinct().CountAsync(ct);
        var atomSr = await atom.Where(i => i.SocialeRecherche).Select(i => i.CaseId).Distinct().CountAsync(ct);
        var atomOther = await atom.CountAsync(i => i.Other, ct);

        var interventions = (await db.Set<Intervention>()
                .Where(i => m.Contains(i.Municipality) && i.DecidedOn >= from && i.DecidedOn < to && i.Status != InterventionStatus.Dropped)
                .GroupBy(i => i.Type).Select(g => new { Type = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => x.Type, x => (long)x.Count);

        var bibob = db.Set<BibobScreening>().Where(b => m.Contains(b.Municipality) && b.Date >= from && b.Date < to);
        var bibobTotal = await bibob.CountAsync(ct);
        var bibobInDepth = await bibob.CountAsync(b => b.Kind == BibobKind.InDepth, ct);
        var bibobRefused = await bibob.CountAsync(b => b.Outcome == BibobOutcome.PermitOrManagerRefused, ct);
        var bibobWithdrawn = await bibob.CountAsync(b => b.Outcome == BibobOutcome.WithdrawnOrNotProcessed, ct);
        var bibobLbb = await bibob.CountAsync(b => b.Outcome == BibobOutcome.AdviceAskedOfLbb, ct);

        var closures = await db.Set<DrugPremisesClosure>().CountAsync(c => m.Contains(c.Municipality) && c.ClosedOn >= from && c.ClosedOn < to, ct);
        var penalties = db.Set<StreetDealingPenalty>().Where(p => m.Contains(p.Municipality) && p.ImposedOn >= from && p.ImposedOn < to);
        var penaltiesTotal = await penalties.CountAsync(ct);
        var penaltiesSellers = await penalties.CountAsync(p => p.Party == StreetDealingParty.Seller, ct);
        var penaltiesBuyers = await penalties.CountAsync(p => p.Party == StreetDealingParty.Buyer, ct);

        var studies = (await db.Set<PhenomenonStudy>()
                .Where(s => m.Contains(s.Municipality) && s.StartedOn >= from && s.StartedOn < to && s.Status != PhenomenonStudyStatus.Stopped)
                .GroupBy(s => s.SubjectKind).Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => x.Kind, x => (long)x.Count);

        var awareness = db.Set<AwarenessActivity>().Where(a => m.Contains(a.Municipality) && a.HeldOn >= from && a.HeldOn < to);
        var workshops = await awareness.CountAsync(a => a.Kind == AwarenessActivityKind.Workshop, ct);
        var actionDays = await awareness.CountAsync(a => a.Kind == AwarenessActivityKind.ActionDay, ct);
        var conversations = await awareness.SumAsync(a => (long)a.Conversations, ct);
        var residentSignalsToLwo = await ResidentSignalsReachingLwoAsync(m, start, end, ct);

        const string Meeting = "geteld in het jaar van de datum van het LWO-overleg (vergaderdatum)";
        var sections = new List<FigureSection>
        {
            new("lwo", "Lokale werkgroep ondermijning (LWO)",
            [
                new(LwoHandled, "casussen behandeld", lwoHandled, $"Aantal verschillende casussen waarover de LWO een besluit nam (een route koos); {Meeting}.", 0),
                new(LwoPolitie, "casussen opgepakt door politie", Route(LwoRoute.Politie), $"Casussen die de LWO overdroeg aan de politie; {Meeting}.", 1),
                new(LwoHandhavingWabo, "casussen opgepakt door handhaving Wabo", Route(LwoRoute.HandhavingWabo), $"Casussen die de LWO overdroeg aan Handhaving Wabo; {Meeting}.", 1),
                new(LwoHandhavingOpenbareRuimte, "casussen opgepakt door handhaving Openbare Ruimte", Route(LwoRoute.HandhavingOpenbareRuimte), $"Casussen die de LWO overdroeg aan Handhaving Openbare Ruimte; {Meeting}.", 1),
                new(LwoKetenpartner, "casussen doorgezet naar ketenpartners (NVWA, Douane, e.d.)", Route(LwoRoute.Ketenpartner), $"Casussen die de LWO doorzette naar een ketenpartner; {Meeting}.", 1),
                new(LwoAtom, "casussen doorgezet naar ATOM", Route(LwoRoute.Atom), $"Casussen die de LWO doorzette naar ATOM voor een integrale controle; {Meeting}.", 1),
                new(LwoMot, "casussen doorgezet naar de MOT", Route(LwoRoute.Mot), $"Casussen die de LWO doorzette naar de MOT; {Meeting}.", 1),
                new(LwoGeenVervolg, "casussen zonder vervolg", Route(LwoRoute.GeenVervolg), $"Casussen waarvoor de LWO besloot tot geen vervolg; {Meeting}.", 1),
            ]),
            new("atom", "Actieteam Ondermijning (ATOM)",
            [
                new(AtomLocations, "locaties integraal gecontroleerd", atomLocations, "Aantal geregistreerde integrale ATOM-controles (één per locatie); geteld in het jaar van de controledatum.", 0),
                new(AtomLastOnderDwangsom, "x last onder dwangsom opgelegd", atomLod, "Controles met als uitkomst een last onder dwangsom; geteld in het jaar van de controledatum.", 1),
                new(AtomHandhavingWabo, "casussen door Wabo verder opgepakt", atomWabo, "Verschillende casussen met een controle waarna Handhaving Wabo de zaak verder oppakte; geteld in het jaar van de controledatum.", 1),
                new(AtomSocialeRecherche, "casussen personen aangetroffen die door Sociale Recherche verder opgepakt (zwartwerk)", atomSr, "Verschillende casussen met een controle waarbij personen zijn overgedragen aan de Sociale Recherche; geteld in het jaar van de controledatum.", 1),
                new(AtomOverig, "controles met een andere uitkomst", atomOther, "Controles met een andere, in tekst beschreven uitkomst; geteld in het jaar van de controledatum.", 1),
            ]),
            new("mot", "Maastricht Ondermijningstafel (MOT)",
            [
                new(MotCases, "casussen uit LWO afgestemd", Route(LwoRoute.Mot), $"Verschillende casussen die de LWO doorzette naar de MOT; {Meeting}.", 0),
                new(MotBestuurlijk, "bestuurlijke interventies", interventions.GetValueOrDefault(InterventionType.Bestuurlijk), "Door de MOT besloten bestuurlijke interventies, behalve later vervallen interventies; geteld in het jaar van de besluitdatum.", 1),
                new(MotStrafrechtelijk, "strafrechtelijke interventies", interventions.GetValueOrDefault(InterventionType.Strafrechtelijk), "Door de MOT besloten strafrechtelijke interventies, behalve later vervallen interventies; geteld in het jaar van de besluitdatum.", 1),
                new(MotFiscaal, "fiscale interventies", interventions.GetValueOrDefault(InterventionType.Fiscaal), "Door de MOT besloten fiscale interventies, behalve later vervallen interventies; geteld in het jaar van de besluitdatum.", 1),
            ]),
            new("bestuurlijk", "Bestuurlijke handhavingsmaatregelen",
            [
                new(BibobScreenings, "Bibob-screenings", bibobTotal, "Afgeronde Bibob-screenings (quick scans en verdiepende onderzoeken); geteld in het jaar van de datum van de uitkomst.", 0),
                new(BibobInDepth, "hiervan verdiepende Bibob-onderzoeken", bibobInDepth, "Bibob-screenings die een verdiepend onderzoek waren; geteld in het jaar van de datum van de uitkomst.", 1),
                new(BibobRefused, "weigering vergunning of leidinggevende", bibobRefused, "Bibob-screenings met als uitkomst weigering van de vergunning of van een leidinggevende; geteld in het jaar van de datum van de uitkomst.", 1),
                new(BibobWithdrawn, "vergunningaanvragen buiten behandeling gelaten/ingetrokken", bibobWithdrawn, "Bibob-screenings waarbij de aanvraag werd ingetrokken of buiten behandeling gelaten; geteld in het jaar van de datum van de uitkomst.", 1),
                new(BibobLbb, "advies gevraagd aan het Landelijk Bureau Bibob", bibobLbb, "Bibob-screenings waarvoor advies is gevraagd aan het Landelijk Bureau Bibob; geteld in het jaar van de datum van de uitkomst.", 1),
                new(DrugPremisesClosed, "drugspanden gesloten", closures, "Panden gesloten op grond van art. 13b Opiumwet (Damoclesbeleid); geteld in het jaar van de sluitingsdatum.", 0),
                new(StreetDealingPenalties, "opgelegde dwangsommen straathandel", penaltiesTotal, "Opgelegde lasten onder dwangsom wegens straathandel (kopers en verkopers); geteld in het jaar van de datum van oplegging.", 0),
                new(StreetDealingSellers, "hiervan aan verkopers", penaltiesSellers, "Dwangsommen straathandel opgelegd aan verkopers; geteld in het jaar van de datum van oplegging.", 1),
                new(StreetDealingBuyers, "hiervan aan kopers", penaltiesBuyers, "Dwangsommen straathandel opgelegd aan kopers; geteld in het jaar van de datum van oplegging.", 1),
            ]),
            new("fenomeen", "Integrale fenomeenanalyses",
            [
                new(StudiesArea, "locatiegerichte fenomeenanalyses", studies.GetValueOrDefault(PhenomenonSubject.Area), "Gestarte fenomeenonderzoeken naar een gebied, behalve gestopte; geteld in het jaar van de startdatum.", 0),
                new(StudiesTargetGroup, "analyses ten aanzien van een doelgroep", studies.GetValueOrDefault(PhenomenonSubject.TargetGroup), "Gestarte fenomeenonderzoeken naar een doelgroep, behalve gestopte; geteld in het jaar van de startdatum.", 0),
                new(StudiesBranch, "analyses van een branche", studies.GetValueOrDefault(PhenomenonSubject.Branch), "Gestarte fenomeenonderzoeken naar een branche, behalve gestopte; geteld in het jaar van de startdatum.", 0),
            ]),
            new("bewustwording", "Vergroten bewustwording & signalering",
            [
                new(AwarenessWorkshops, "workshops gegeven tijdens organisatie-/teambijeenkomsten", workshops, "Gegeven workshops; geteld in het jaar van de datum van de workshop.", 0),
                new(AwarenessActionDays, "actiedagen (zoals ONDERSCHAT)", actionDays, "Gehouden actiedagen; geteld in het jaar van de actiedag.", 0),
                new(AwarenessConversations, "gesprekken met inwoners", conversations, "Som van het aantal gesprekken met inwoners dat bij de activiteiten is geregistreerd; geteld in het jaar van de activiteit.", 1),
                new(AwarenessSignalsToLwo, "concrete signalen doorgezet naar LWO", residentSignalsToLwo, "Signalen met bronkanaal 'bewonersgesprek' die voor het eerst in de LWO werden geagendeerd; geteld in het jaar (Europe/Amsterdam) van die eerste stap naar de LWO.", 1),
            ]),
        };
        return new AnnualStatistics(scope, year, now, sections);
    }

    /// <summary>Signals from conversations with residents that reached the LWO for the first time within [start, end).</summary>
    private Task<int> ResidentSignalsReachingLwoAsync(List<MunicipalityCode> m, Instant start, Instant end, CancellationToken ct) =>
        db.Set<LwoArrival>().CountAsync(a => m.Contains(a.Municipality) && a.SourceChannel == SourceChannel.Bewonersgesprek
            && a.ArrivedAt >= start && a.ArrivedAt < end, ct);
}
