using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Search;
using Ondermijning.Engine.Statistics;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Benchmark;

/// <summary>The tables a bulk load fills, in an order that satisfies every foreign key.</summary>
public sealed record BulkTables(
    BulkTable Cases, BulkTable History, BulkTable StageStays, BulkTable LwoArrivals, BulkTable LwoDecisions,
    BulkTable AtomInspections, BulkTable Interventions, BulkTable Escalations, BulkTable BibobScreenings,
    BulkTable DrugPremisesClosures, BulkTable StreetDealingPenalties, BulkTable PhenomenonStudies, BulkTable AwarenessActivities,
    BulkTable SearchTerms, BulkTable Persons, BulkTable Companies, BulkTable Addresses, BulkTable Items)
{
    public IReadOnlyList<BulkTable> All =>
    [
        Cases, History, StageStays, LwoArrivals, LwoDecisions, AtomInspections, Interventions, Escalations, BibobScreenings,
        DrugPremisesClosures, StreetDealingPenalties, PhenomenonStudies, AwarenessActivities, SearchTerms, Persons, Companies,
        Addresses, Items,
    ];

    public static BulkTables For(OndermijningDbContext db, StorageProvider provider) => new(
        BulkTable.For<Case>(db, provider), BulkTable.For<CaseHistoryEntry>(db, provider), BulkTable.For<StageStay>(db, provider),
        BulkTable.For<LwoArrival>(db, provider), BulkTable.For<LwoDecision>(db, provider), BulkTable.For<AtomInspection>(db, provider),
        BulkTable.For<Intervention>(db, provider), BulkTable.For<CaseEscalation>(db, provider), BulkTable.For<BibobScreening>(db, provider),
        BulkTable.For<DrugPremisesClosure>(db, provider), BulkTable.For<StreetDealingPenalty>(db, provider),
        BulkTable.For<PhenomenonStudy>(db, provider), BulkTable.For<AwarenessActivity>(db, provider),
        BulkTable.For<CaseSearchTerm>(db, provider), BulkTable.For<CasePerson>(db, provider), BulkTable.For<CaseCompany>(db, provider),
        BulkTable.For<CaseAddress>(db, provider), BulkTable.For<InformationItem>(db, provider));
}

/// <summary>
/// Years of the chain in the sample municipalities: cases that walk the workflow definition step by step, and every
/// row the engine writes on the way — the history, and what its step observers record (the stay in the stage left,
/// the first arrival at the LWO, the LWO's decision with its meeting date) — plus what users record at the tables
/// (ATOM inspections, MOT interventions) and, per municipality and year, the enforcement and awareness work beside
/// the chain. Seeded, so every provider, and every pass over it, gets the same rows.
/// </summary>
public sealed class SampleChain(BulkTables tables, WorkflowDefinition definition, int cases, Instant now)
{
    public const int FirstYear = 2020;
    public const int Years = 5;
    /// <summary>The year the benchmark asks the annual table for: the last one the cases are spread over.</summary>
    public const int LatestFullYear = FirstYear + Years - 1;

    private static readonly Actor Regisseur = new("bench", "Benchmark regisseur", Organisations.Gemeente,
        new HashSet<Role> { Role.OovRegisseur }, new HashSet<MunicipalityCode>());

    /// <summary>Percent of the cases at a stage that take each step; the rest stay at the stage.</summary>
    private static readonly Dictionary<TriggerId, int> StepShares = new Dictionary<string, int>
    {
        ["start-verrijking"] = 100,
        ["bevestigd-naar-lwo"] = 78, ["niet-bevestigd"] = 20,
        ["naar-politie"] = 20, ["naar-handhaving-wabo"] = 12, ["naar-handhaving-openbare-ruimte"] = 10, ["naar-ketenpartner"] = 8,
        ["naar-atom"] = 14, ["naar-mot"] = 10, ["geen-vervolg"] = 16,
        ["last-onder-dwangsom"] = 25, ["atom-naar-handhaving-wabo"] = 20, ["atom-naar-sociale-recherche"] = 10, ["atom-geen-bevindingen"] = 30,
        ["interventies-besloten"] = 75, ["mot-geen-interventie"] = 15,
        ["afsluiten"] = 60,
    }.ToDictionary(s => new TriggerId(s.Key), s => s.Value);

    /// <summary>What a step out of ATOM reports: the case's last inspection found it (null: none of them found anything).</summary>
    private static readonly Dictionary<TriggerId, AtomOutcome?> AtomStepFindings = new Dictionary<string, AtomOutcome?>
    {
        ["last-onder-dwangsom"] = AtomOutcome.LastOnderDwangsom,
        ["atom-naar-handhaving-wabo"] = AtomOutcome.HandhavingWabo,
        ["atom-naar-sociale-recherche"] = AtomOutcome.SocialeRecherche,
        ["atom-geen-bevindingen"] = null,
    }.ToDictionary(s => new TriggerId(s.Key), s => s.Value);

    /// <summary>The subtypes the engine ships with (intervention_subtypes is seeded by the migrations).</summary>
    private static readonly (string Code, InterventionType Type)[] Subtypes =
    [
        ("sluiting-13b-opiumwet", InterventionType.Bestuurlijk), ("last-onder-dwangsom", InterventionType.Bestuurlijk),
        ("bibob-weigering-intrekking", InterventionType.Bestuurlijk), ("bestuurlijke-boete", InterventionType.Bestuurlijk),
        ("strafrechtelijk-onderzoek", InterventionType.Strafrechtelijk), ("inbeslagname", InterventionType.Strafrechtelijk),
        ("boekenonderzoek", InterventionType.Fiscaal), ("navorderingsaanslag", InterventionType.Fiscaal), ("beslaglegging", InterventionType.Fiscaal),
    ];

    private static readonly (SourceChannel Channel, int Share)[] Channels =
    [
        (SourceChannel.MeldMisdaadAnoniem, 30), (SourceChannel.MeldingGemeente, 25), (SourceChannel.MeldingPolitie, 20),
        (SourceChannel.Professional, 15), (SourceChannel.Bewonersgesprek, 10),
    ];

    private static readonly int?[] ClosureMonths = [3, 6, 12, null];
    private static readonly string[] Branches = ["kappers", "horeca", "autobedrijven", "nagelstudio's", "vastgoed", "transport"];
    private static readonly string[] ChainPartners = ["NVWA", "Douane", "ILT", "Belastingdienst"];
    private static readonly string[] InspectingOrganisations = ["Politie", "Handhaving Wabo", "Belastingdienst", "Sociale Recherche", "Brandweer"];
    private static readonly string[] PermitTypes = ["exploitatievergunning horeca", "drank- en horecavergunning", "omgevingsvergunning", "speelautomatenvergunning"];

    public IEnumerable<BulkRow> Rows() => CaseRows().Concat(ParallelRows());

    private IEnumerable<BulkRow> CaseRows()
    {
        var random = new Random(20240603);
        // Subjects and items draw from a generator of their own, so the chain itself stays as it was without them.
        var subjects = new Random(20241201);
        var start = YearStart(FirstYear);
        var span = YearStart(FirstYear + Years) - start;
        var rows = new List<BulkRow>();
        for (var i = 0; i < cases; i++)
        {
            rows.Clear();
            // In order of receipt, as a service registers them: keys made from the receipt time then grow, as they would.
            var received = start + span * ((i + random.NextDouble()) / cases);
            var @case = new GeneratedCase(new CaseId(NewId(random, received)), MunicipalityCode.Parse(SampleData.Municipalities[random.Next(SampleData.Municipalities.Length)]),
                Pick(random, Channels), received);
            var severity = definition.SeverityLevels[random.Next(definition.SeverityLevels.Count)].Id;
            rows.Add(HistoryRow(@case, 1, HistoryKind.Registered, received, null, definition.StartStage.Id, null, null, []));
            Walk(random, @case, rows);

            var stage = definition.Stage(@case.Stage);
            var dueAt = StageDeadline.DueAt(@case.EnteredAt, stage.Deadline);
            yield return tables.Cases.Row(
                ("Id", @case.Id), ("Municipality", @case.Municipality), ("Workflow", definition.Key.Workflow),
                ("DefinitionVersion", definition.Key.Version), ("Stage", stage.Id), ("StageEnteredAt", @case.EnteredAt),
                ("StageEntrySequence", @case.Sequence), ("DueAt", dueAt), ("Severity", severity), ("SourceChannel", @case.Channel),
                ("ReporterAnonymous", true), ("Description", "Veel bezoekers met korte bezoekjes bij een pand"),
                ("Branch", Branches[random.Next(Branches.Length)]), ("PhenomenonTags", new List<string> { "drugshandel" }),
                ("ReceivedAt", received), ("Revision", @case.Sequence));
            foreach (var row in Subjects(subjects, @case, severity, received)) yield return row;
            foreach (var row in rows) yield return row;
            // The escalation job has long since found every overdue stay, as it would have on a service running these years.
            if (dueAt is { } due && due <= now)
                yield return tables.Escalations.Row(("CaseId", @case.Id), ("StageEntrySequence", @case.Sequence), ("Stage", stage.Id),
                    ("DueAt", due), ("EscalatedAt", due + Duration.FromMinutes(random.Next(1, 16))));
        }
    }

    private static readonly string[] CompanyKinds = ["Kapsalon", "Nagelstudio", "Autobedrijf", "Snackbar", "Shisha Lounge", "Belwinkel",
        "Transportbedrijf", "Vastgoed", "Barbershop", "Minimarkt", "Autowasstraat", "Koeriersdienst"];
    private static readonly string[] CompanyNames = ["De Schaar", "Van Dijk", "Limburg", "Het Zuiden", "Maas", "De Toekomst", "Brabant",
        "Centrum", "Royal", "Elite", "De Hoek", "Sterk", "Noord", "Vitalis", "Kroon", "Polderzicht", "Mosa", "Oranje", "Nova", "Prima"];
    private static readonly string[] FirstNames = ["Jan", "Piet", "Mohamed", "Sanne", "Fatima", "Kees", "Daan", "Emma", "Lucas", "Sophie",
        "Ahmed", "Anna", "Tim", "Lisa", "Youssef", "Eva", "Bram", "Noor", "Milan", "Julia"];
    private static readonly string[] Surnames = ["Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
        "van den Broek", "El Amrani", "Yilmaz", "Schouten", "Willems", "Hoekstra", "Maas", "Verhoeven", "Koster", "Prins", "Huisman"];
    private static readonly string[] Streets = ["Grote Straat", "Markt", "Stationsstraat", "Kerkstraat", "Dorpsstraat", "Molenweg",
        "Julianastraat", "Wilhelminastraat", "Industrieweg", "Nieuwstraat", "Schoolstraat", "Brugstraat", "Parallelweg", "Hoofdstraat",
        "Akerstraat", "Rijksweg", "Beekstraat", "Emmaweg", "Sint Pieterstraat", "Kloosterweg"];
    private const string PostcodeLetters = "ABCEGHJKLMNPRTVWXZ";

    /// <summary>
    /// Who and what a case is about, as a registration stores them, the items partners added, and every search term
    /// registration derives from them. KvK numbers and addresses repeat across cases (a company or a building is often
    /// signalled more than once), so that search and the links between cases meet realistic numbers of matches.
    /// </summary>
    private IEnumerable<BulkRow> Subjects(Random random, GeneratedCase @case, Severity severity, Instant received)
    {
        var municipality = Array.IndexOf(SampleData.Municipalities, @case.Municipality.Value);
        var companies = new List<(string Name, string? KvkNumber)>();
        for (var n = random.Next(100) switch { < 40 => 0, < 85 => 1, _ => 2 }; n > 0; n--)
        {
            // One company per KvK number, about three cases each, with a name that goes with the number.
            var k = random.Next(Math.Max(1000, cases / 3));
            companies.Add(($"{CompanyKinds[k % CompanyKinds.Length]} {CompanyNames[k / CompanyKinds.Length % CompanyNames.Length]}",
                (10_000_000 + k).ToString(CultureInfo.InvariantCulture)));
        }
        var persons = new List<(string Name, LocalDate? BirthDate)>();
        for (var n = random.Next(100) switch { < 50 => 0, < 85 => 1, _ => 2 }; n > 0; n--)
            persons.Add(($"{FirstNames[random.Next(FirstNames.Length)]} {Surnames[random.Next(Surnames.Length)]}",
                random.Next(100) < 70 ? new LocalDate(1950, 1, 1).PlusDays(random.Next(20_000)) : null));
        var addresses = new List<(string Postcode, int HouseNumber, string? Addition, string Street)>();
        if (random.Next(100) < 90)
        {
            // Each municipality has its own 300 postcodes; a postcode lies on one street.
            var p = random.Next(300);
            var postcode = $"{1000 + municipality * 300 + p}{PostcodeLetters[p % PostcodeLetters.Length]}{PostcodeLetters[p / PostcodeLetters.Length % PostcodeLetters.Length]}";
            addresses.Add((postcode, random.Next(1, 80), random.Next(100) < 10 ? "A" : null, Streets[p % Streets.Length]));
        }

        foreach (var (name, kvk) in companies)
            yield return tables.Companies.Row(("CaseId", @case.Id), ("Name", name), ("KvkNumber", kvk), ("Place", "Zuid-Limburg"));
        foreach (var (name, birthDate) in persons)
            yield return tables.Persons.Row(("CaseId", @case.Id), ("Name", name), ("BirthDate", birthDate), ("Role", random.Next(2) == 0 ? "eigenaar" : null));
        foreach (var (postcode, number, addition, street) in addresses)
            yield return tables.Addresses.Row(("CaseId", @case.Id), ("Postcode", postcode), ("HouseNumber", number),
                ("HouseNumberAddition", addition), ("Street", street), ("City", "Zuid-Limburg"));
        foreach (var (kind, term) in CaseSearchTerm.Terms(@case.Id, companies.Select(c => ((string?)c.Name, c.KvkNumber)), persons, addresses.Select(a => (a.Postcode, a.HouseNumber, (string?)a.Street))))
            yield return tables.SearchTerms.Row(("CaseId", @case.Id), ("Municipality", @case.Municipality), ("Kind", kind), ("Term", term));

        for (var n = random.Next(100) switch { < 50 => 0, < 80 => 1, < 95 => 2, _ => 3 }; n > 0; n--)
        {
            var at = received + Duration.FromHours(random.Next(1, 24 * 14));
            var open = random.Next(100) < 60;
            yield return tables.Items.Row(("Id", new InformationItemId(NewId(random, at))), ("CaseId", @case.Id),
                ("Category", open ? InformationCategory.Open : InformationCategory.HalfOpen),
                ("SourceOrganisation", open ? Organisations.Gemeente : new OrganisationId("burgerzaken")),
                ("LegalBasis", open ? "Openbare bron" : "Convenant RIEC, artikel 4"),
                ("Content", open ? "KvK-uittreksel: eenmanszaak, ingeschreven 2019, geen personeel" : "BRP: op het adres staan vier personen ingeschreven"),
                ("Confidentiality", Confidentiality.Zaakvertrouwelijk), ("AddedAtStage", definition.StartStage.Id), ("AddedAtSeverity", severity),
                ("AddedAt", at), ("AddedByUserId", Regisseur.UserId), ("AddedByOrganisation", Regisseur.Organisation));
        }
    }

    private sealed class GeneratedCase(CaseId id, MunicipalityCode municipality, SourceChannel channel, Instant received)
    {
        public CaseId Id { get; } = id;
        public MunicipalityCode Municipality { get; } = municipality;
        public SourceChannel Channel { get; } = channel;
        public StageId Stage { get; set; }
        public Instant EnteredAt { get; set; } = received;
        public int Sequence { get; set; } = 1;
    }

    /// <summary>Takes the case down the definition from its start stage, step by step, as <c>FireTrigger</c> would.</summary>
    private void Walk(Random random, GeneratedCase @case, List<BulkRow> rows)
    {
        @case.Stage = definition.StartStage.Id;
        var arrivedAtLwo = false;
        while (NextStep(random, @case.Stage) is { } transition)
        {
            var from = definition.Stage(@case.Stage);
            var at = @case.EnteredAt + StayLength(random, from, @case.EnteredAt);
            var today = at.InZone(Amsterdam.Zone).Date;
            var entered = @case.EnteredAt.InZone(Amsterdam.Zone).Date;

            var inspections = from.Table?.Kind == TableKind.Atom ? Inspections(random, @case, entered, today, transition.Trigger) : [];
            rows.AddRange(inspections.Select(i => i.Row));
            var information = new Dictionary<string, string>();
            foreach (var required in transition.Guards.RequiredInformation)
                information[required.Key] = required.Key switch
                {
                    "vergaderdatum" => Iso(Max(entered, today.PlusDays(-random.Next(7)))),
                    "ketenpartner" => ChainPartners[random.Next(ChainPartners.Length)],
                    "controledatum" => Iso(inspections.Count > 0 ? inspections.Max(i => i.On) : today),
                    "vergunning" => PermitTypes[random.Next(PermitTypes.Length)],
                    _ => throw new InvalidOperationException($"The benchmark cannot fill in '{required.Key}' for step '{transition.Trigger}'."),
                };
            var reason = transition.Guards.ReasonRequired || random.Next(2) == 0 ? "Besproken in het overleg" : null;

            var sequence = @case.Sequence + 1;
            rows.Add(HistoryRow(@case, sequence, HistoryKind.Transition, at, from.Id, transition.To, transition.Trigger, reason, information));
            rows.Add(tables.StageStays.Row(("CaseId", @case.Id), ("Municipality", @case.Municipality), ("Workflow", definition.Key.Workflow),
                ("DefinitionVersion", definition.Key.Version), ("Stage", from.Id), ("EnteredAt", @case.EnteredAt), ("LeftAt", at),
                ("Seconds", (long)(at - @case.EnteredAt).TotalSeconds)));
            if (definition.Stage(transition.To).Table?.Kind == TableKind.Lwo && !arrivedAtLwo)
            {
                arrivedAtLwo = true;
                rows.Add(tables.LwoArrivals.Row(("CaseId", @case.Id), ("Municipality", @case.Municipality), ("SourceChannel", @case.Channel), ("ArrivedAt", at)));
            }
            if (LwoRoutes.RouteOf(transition) is { } route)
                rows.Add(tables.LwoDecisions.Row(("Id", new LwoDecisionId(NewId(random, at))), ("CaseId", @case.Id), ("Municipality", @case.Municipality),
                    ("Route", route), ("ChainPartner", route == LwoRoute.Ketenpartner ? information["ketenpartner"] : null), ("Reason", reason),
                    ("MeetingDate", information.TryGetValue("vergaderdatum", out var meeting) ? LocalDatePattern.Iso.Parse(meeting).Value : today),
                    ("DecidedAt", at), ("Trigger", transition.Trigger), ("HistorySequence", sequence)));
            if (definition.Stage(transition.To).Kind == StageKind.Work && from.Table?.Kind == TableKind.Mot)
                rows.AddRange(Interventions(random, @case, LocalDatePattern.Iso.Parse(information["vergaderdatum"]).Value, at));

            @case.Stage = transition.To;
            @case.EnteredAt = at;
            @case.Sequence = sequence;
        }
        if (definition.Stage(@case.Stage).Table?.Kind == TableKind.Atom)
        {
            var entered = @case.EnteredAt.InZone(Amsterdam.Zone).Date;
            rows.AddRange(Inspections(random, @case, entered, entered.PlusDays(30), leftBy: null).Select(i => i.Row));
        }
    }

    private TransitionDefinition? NextStep(Random random, StageId stage)
    {
        var roll = random.Next(100);
        foreach (var transition in definition.TransitionsFrom(stage))
        {
            roll -= StepShares.GetValueOrDefault(transition.Trigger);
            if (roll < 0) return transition;
        }
        return null;
    }

    /// <summary>An hour up to a third past the stage's deadline, so that some stays run late.</summary>
    private static Duration StayLength(Random random, StageDefinition stage, Instant entered)
    {
        var deadline = StageDeadline.DueAt(entered, stage.Deadline) is { } due ? due - entered : Duration.FromDays(30);
        return Duration.FromMinutes(random.NextInt64(60, (long)(deadline.TotalMinutes * 4 / 3)));
    }

    /// <summary>What the ATOM found at the case's locations, agreeing with the step that took the case out of ATOM, if any.</summary>
    private List<(LocalDate On, BulkRow Row)> Inspections(Random random, GeneratedCase @case, LocalDate from, LocalDate to, TriggerId? leftBy)
    {
        var count = random.Next(100) switch { < 60 => 1, < 90 => 2, _ => 3 };
        var days = Period.Between(from, to, PeriodUnits.Days).Days;
        var inspections = new List<(LocalDate, BulkRow)>();
        for (var n = 0; n < count; n++)
        {
            var on = from.PlusDays(random.Next(days + 1));
            var recordedAt = on.At(new LocalTime(17, 0)).InZoneLeniently(Amsterdam.Zone).ToInstant();
            var outcomes = new HashSet<AtomOutcome>();
            if (random.Next(100) < 30) outcomes.Add(AtomOutcome.LastOnderDwangsom);
            if (random.Next(100) < 25) outcomes.Add(AtomOutcome.HandhavingWabo);
            if (random.Next(100) < 15) outcomes.Add(AtomOutcome.SocialeRecherche);
            if (random.Next(100) < 15) outcomes.Add(AtomOutcome.Overig);
            var reported = leftBy is { } step ? AtomStepFindings[step] : null;
            if (leftBy is not null && reported is null) outcomes.Clear();
            if (reported is { } outcome && n == count - 1) outcomes.Add(outcome);
            var organisations = InspectingOrganisations.Where(_ => random.Next(2) == 0).ToList();
            inspections.Add((on, tables.AtomInspections.Row(("Id", new AtomInspectionId(NewId(random, recordedAt))), ("CaseId", @case.Id),
                ("Municipality", @case.Municipality), ("Location", $"Bedrijfspand {random.Next(1, 200)}"), ("InspectedOn", on),
                ("Organisations", organisations), ("LastOnderDwangsom", outcomes.Contains(AtomOutcome.LastOnderDwangsom)),
                ("HandhavingWabo", outcomes.Contains(AtomOutcome.HandhavingWabo)), ("SocialeRecherche", outcomes.Contains(AtomOutcome.SocialeRecherche)),
                ("Other", outcomes.Contains(AtomOutcome.Overig)), ("OtherOutcome", outcomes.Contains(AtomOutcome.Overig) ? "Illegale bewoning aangetroffen" : null),
                ("RecordedAt", recordedAt), ("RecordedBy", Regisseur.UserId))));
        }
        return inspections;
    }

    /// <summary>The interventions a MOT meeting decided on, recorded with the step; some were carried out since, some dropped.</summary>
    private IEnumerable<BulkRow> Interventions(Random random, GeneratedCase @case, LocalDate decidedOn, Instant recordedAt)
    {
        var count = random.Next(100) switch { < 50 => 1, < 85 => 2, _ => 3 };
        for (var n = 0; n < count; n++)
        {
            var (code, type) = Subtypes[random.Next(Subtypes.Length)];
            var (status, doneOn) = random.Next(100) switch
            {
                < 20 => (InterventionStatus.Planned, (LocalDate?)null),
                < 85 => (InterventionStatus.Executed, decidedOn.PlusDays(random.Next(14, 150))),
                _ => (InterventionStatus.Dropped, decidedOn.PlusDays(random.Next(14, 150))),
            };
            yield return tables.Interventions.Row(("Id", new InterventionId(NewId(random, recordedAt))), ("CaseId", @case.Id),
                ("Municipality", @case.Municipality), ("Type", type), ("SubtypeCode", code),
                ("ExecutingOrganisation", type switch { InterventionType.Bestuurlijk => "Gemeente", InterventionType.Strafrechtelijk => "Openbaar Ministerie", _ => "Belastingdienst" }),
                ("Status", status), ("DecidedOn", decidedOn), ("PlannedFor", decidedOn.PlusDays(30)),
                ("ExecutedOn", status == InterventionStatus.Executed ? doneOn : null), ("DroppedOn", status == InterventionStatus.Dropped ? doneOn : null),
                ("Note", status == InterventionStatus.Dropped ? "Niet meer nodig" : null), ("RecordedAt", recordedAt));
        }
    }

    /// <summary>Per municipality and year, the enforcement and awareness work beside the chain, not linked to a case.</summary>
    private IEnumerable<BulkRow> ParallelRows()
    {
        var random = new Random(20231231);
        for (var year = FirstYear; year < FirstYear + Years; year++)
            foreach (var code in SampleData.Municipalities)
            {
                var municipality = MunicipalityCode.Parse(code);
                var first = new LocalDate(year, 1, 1);
                var days = Period.Between(first, first.PlusYears(1), PeriodUnits.Days).Days;
                LocalDate Day() => first.PlusDays(random.Next(days));
                Instant Recorded(LocalDate on) => on.PlusDays(1).At(new LocalTime(10, 0)).InZoneLeniently(Amsterdam.Zone).ToInstant();
                (string, object?)[] Common(object id, LocalDate on) =>
                    [("Id", id), ("Municipality", municipality), ("RecordedAt", Recorded(on)), ("RecordedBy", Regisseur.UserId)];

                for (var n = random.Next(20, 61); n > 0; n--)
                {
                    var on = Day();
                    yield return tables.BibobScreenings.Row([.. Common(new BibobScreeningId(NewId(random, Recorded(on))), on), ("Date", on),
                        ("Kind", random.Next(100) < 25 ? BibobKind.InDepth : BibobKind.QuickScan),
                        ("PermitType", PermitTypes[random.Next(PermitTypes.Length)]),
                        ("Outcome", random.Next(100) switch
                        {
                            < 70 => BibobOutcome.NoObjection, < 82 => BibobOutcome.PermitOrManagerRefused,
                            < 92 => BibobOutcome.WithdrawnOrNotProcessed, _ => BibobOutcome.AdviceAskedOfLbb,
                        })]);
                }
                for (var n = random.Next(1, 9); n > 0; n--)
                {
                    var on = Day();
                    yield return tables.DrugPremisesClosures.Row([.. Common(new DrugPremisesClosureId(NewId(random, Recorded(on))), on), ("ClosedOn", on),
                        ("Premises", $"Pand {random.Next(1, 500)}"), ("DurationMonths", ClosureMonths[random.Next(ClosureMonths.Length)])]);
                }
                for (var n = random.Next(5, 26); n > 0; n--)
                {
                    var on = Day();
                    yield return tables.StreetDealingPenalties.Row([.. Common(new StreetDealingPenaltyId(NewId(random, Recorded(on))), on), ("ImposedOn", on),
                        ("Party", random.Next(100) < 70 ? StreetDealingParty.Seller : StreetDealingParty.Buyer)]);
                }
                for (var n = random.Next(0, 4); n > 0; n--)
                {
                    var on = Day();
                    var kind = (PhenomenonSubject)random.Next(3);
                    var status = (PhenomenonStudyStatus)random.Next(3);
                    yield return tables.PhenomenonStudies.Row([.. Common(new PhenomenonStudyId(NewId(random, Recorded(on))), on), ("SubjectKind", kind),
                        ("Subject", kind switch { PhenomenonSubject.Area => "6211", PhenomenonSubject.TargetGroup => "jongeren", _ => Branches[random.Next(Branches.Length)] }),
                        ("Origin", random.Next(2) == 0 ? PhenomenonStudyOrigin.Mot : PhenomenonStudyOrigin.Proposal), ("StartedOn", on), ("Status", status),
                        ("EndedOn", status == PhenomenonStudyStatus.Running ? null : on.PlusDays(random.Next(30, 180))),
                        ("Result", status == PhenomenonStudyStatus.Completed ? "Rapport opgeleverd" : null)]);
                }
                foreach (var (kind, count) in new[] { (AwarenessActivityKind.Workshop, random.Next(2, 7)), (AwarenessActivityKind.ActionDay, random.Next(1, 5)) })
                    for (var n = count; n > 0; n--)
                    {
                        var on = Day();
                        var actionDay = kind == AwarenessActivityKind.ActionDay;
                        yield return tables.AwarenessActivities.Row([.. Common(new AwarenessActivityId(NewId(random, Recorded(on))), on), ("HeldOn", on),
                            ("Kind", kind), ("Programme", actionDay ? "ONDERSCHAT" : null), ("Conversations", actionDay ? random.Next(5, 41) : 0)]);
                    }
            }
    }

    private BulkRow HistoryRow(GeneratedCase @case, int sequence, HistoryKind kind, Instant at, StageId? from, StageId to, TriggerId? trigger,
        string? reason, Dictionary<string, string> information) =>
        tables.History.Row(("CaseId", @case.Id), ("Sequence", sequence), ("Kind", kind), ("At", at), ("ActorId", Regisseur.UserId),
            ("ActorName", Regisseur.DisplayName), ("ActorOrganisation", Regisseur.Organisation.Value), ("FromStage", from), ("ToStage", to),
            ("Trigger", trigger), ("Reason", reason), ("Workflow", definition.Key.Workflow), ("DefinitionVersion", definition.Key.Version),
            ("InformationJson", JsonSerializer.Serialize(information)));

    public static Instant YearStart(int year) => new LocalDate(year, 1, 1).AtStartOfDayInZone(Amsterdam.Zone).ToInstant();

    /// <summary>A version-7 Guid (time-ordered, as the engine makes them) whose random part comes from the seeded generator.</summary>
    private static Guid NewId(Random random, Instant at)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, at.ToUnixTimeMilliseconds());
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static T Pick<T>(Random random, (T Value, int Share)[] shares)
    {
        var roll = random.Next(shares.Sum(s => s.Share));
        foreach (var (value, share) in shares)
            if ((roll -= share) < 0) return value;
        throw new InvalidOperationException("Shares must be positive.");
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
