using NodaTime;

namespace Ondermijning.Engine.Statistics;

/// <summary>One number of the table, with what it counts and by which date, so a reader can check it.</summary>
/// <param name="Level">0 for a headline, 1 for a line under it ("hiervan …").</param>
public sealed record Figure(string Id, string Label, long Value, string Definition, int Level);

public sealed record FigureSection(string Id, string Title, IReadOnlyList<Figure> Figures);

/// <summary>The yearly table the municipality publishes (page 11 of the 2023 safety plan), computed from the records.</summary>
public sealed record AnnualStatistics(StatisticsScope Scope, int Year, Instant ComputedAt, IReadOnlyList<FigureSection> Sections)
{
    public Figure Figure(string id) => Sections.SelectMany(s => s.Figures).Single(f => f.Id == id);

    /// <summary>The figures for the bar chart: MOT interventions by type.</summary>
    public IReadOnlyList<Figure> InterventionsByType =>
        [Figure(FigureIds.MotBestuurlijk), Figure(FigureIds.MotStrafrechtelijk), Figure(FigureIds.MotFiscaal)];
}

public static class FigureIds
{
    public const string LwoHandled = "lwo.behandeld";
    public const string LwoPolitie = "lwo.politie";
    public const string LwoHandhavingWabo = "lwo.handhaving-wabo";
    public const string LwoHandhavingOpenbareRuimte = "lwo.handhaving-openbare-ruimte";
    public const string LwoKetenpartner = "lwo.ketenpartner";
    public const string LwoAtom = "lwo.atom";
    public const string LwoMot = "lwo.mot";
    public const string LwoGeenVervolg = "lwo.geen-vervolg";
    public const string AtomLocations = "atom.locaties";
    public const string AtomLastOnderDwangsom = "atom.last-onder-dwangsom";
    public const string AtomHandhavingWabo = "atom.handhaving-wabo";
    public const string AtomSocialeRecherche = "atom.sociale-recherche";
    public const string AtomOverig = "atom.overig";
    public const string MotCases = "mot.casussen";
    public const string MotBestuurlijk = "mot.bestuurlijk";
    public const string MotStrafrechtelijk = "mot.strafrechtelijk";
    public const string MotFiscaal = "mot.fiscaal";
    public const string BibobScreenings = "bibob.screenings";
    public const string BibobInDepth = "bibob.verdiepend";
    public const string BibobRefused = "bibob.weigering";
    public const string BibobWithdrawn = "bibob.buiten-behandeling";
    public const string BibobLbb = "bibob.advies-lbb";
    public const string DrugPremisesClosed = "handhaving.drugspanden";
    public const string StreetDealingPenalties = "handhaving.dwangsommen-straathandel";
    public const string StreetDealingSellers = "handhaving.dwangsommen-verkopers";
    public const string StreetDealingBuyers = "handhaving.dwangsommen-kopers";
    public const string StudiesArea = "fenomeen.gebied";
    public const string StudiesTargetGroup = "fenomeen.doelgroep";
    public const string StudiesBranch = "fenomeen.branche";
    public const string AwarenessWorkshops = "bewustwording.workshops";
    public const string AwarenessActionDays = "bewustwording.actiedagen";
    public const string AwarenessConversations = "bewustwording.gesprekken";
    public const string AwarenessSignalsToLwo = "bewustwording.signalen-lwo";
    public const string SignalsReceived = "signalen.ontvangen";
    public const string SignalsMeldMisdaadAnoniem = "signalen.meld-misdaad-anoniem";
    public const string SignalsMeldingGemeente = "signalen.melding-gemeente";
    public const string SignalsMeldingPolitie = "signalen.melding-politie";
    public const string SignalsBewonersgesprek = "signalen.bewonersgesprek";
    public const string SignalsProfessional = "signalen.professional";

    // A privacy protocol's figures, each after its workflow's id ("ccv-privacyprotocol.wegingen"): one deployment may run several.
    public const string ProtocolSignals = "signalen";
    public const string ProtocolWeighings = "wegingen";
    public const string ProtocolSourcesApproved = "bronnen-goedgekeurd";
    public const string ProtocolHits = "hit";
    public const string ProtocolNoHits = "no-hit";
    public const string ProtocolCaseMeetings = "casusoverleg";
    public const string ProtocolNoAction = "geen-actie";
}
