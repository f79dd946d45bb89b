using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Enrichment;

/// <summary>One test per rule: what the registers say against the signal, and the proposal that follows.</summary>
public class ProposalRulesTests
{
    private static readonly Actor Job = EnrichCase.Job;
    private static readonly Instant SignalReceived = Instant.FromUtc(2024, 6, 3, 8, 0);
    private static readonly EnrichmentOptions Options = new() { ManyCompaniesThreshold = 5, RecentRegistrationMonths = 12 };
    private static readonly EnrichmentRunId Run = EnrichmentRunId.New();

    private static Case Signal(string city = "Maastricht", int companies = 1)
    {
        var signal = new SignalDetails(MunicipalityCode.Parse("GM0935"), SourceChannel.Professional, ReporterDetails.AnonymousReporter,
            "Kapsalon met veel korte bezoekjes", "kappers", [], [],
            Enumerable.Range(0, companies).Select(i => new CompanySubject($"Bedrijf {i}", $"1234567{i}", city)).ToList(),
            [new AddressSubject("6211AB", 12, null, "Grote Straat", city)], null);
        return Case.Register(CaseId.New(), signal, new DefinitionKey(new WorkflowId("ondermijning"), 1),
            new StageDefinition(new StageId("verrijking"), "Verrijking", StageKind.Work, null, null),
            new Severity("laag"), SignalReceived, Job, null);
    }

    private static RegisterCall Call(int? status = 200) => new("http://register/test", SignalReceived, status, "{}", null);

    private static KvkCompany Company(string registeredOn = "2015-03-12", string? endedOn = null, string place = "Maastricht",
        string sbi = "96021", string postcode = "6211AB", int houseNumber = 12) =>
        new("12345670", "Kapsalon De Schaar", registeredOn, registeredOn, endedOn, endedOn is null, ["Kapsalon De Schaar"],
            [new SbiActivity(sbi, "Omschrijving", true)], [new RegisterAddress("bezoekadres", "Grote Straat", houseNumber, postcode, place)]);

    private static EnrichmentFinding Profile(Case @case, KvkCompany company) =>
        EnrichmentFinding.FromRegister(@case.Id, Run, FindingSource.Kvk, FindingKind.KvkProfile, company.KvkNumber, FindingStatus.Found,
            "profiel", company, Call(), Job);

    private static EnrichmentFinding Unit(Case @case, params string[] gebruiksdoelen) =>
        EnrichmentFinding.FromRegister(@case.Id, Run, FindingSource.Bag, FindingKind.BagVerblijfsobject, "6211AB 12", FindingStatus.Found,
            "verblijfsobject", new BagVerblijfsobject("0935010000012345", "6211AB", 12, gebruiksdoelen, 85, "Verblijfsobject in gebruik"), Call(), Job);

    private static EnrichmentFinding AtAddress(Case @case, int total) =>
        EnrichmentFinding.FromRegister(@case.Id, Run, FindingSource.Kvk, FindingKind.KvkCompaniesAtAddress, "6211AB 12", FindingStatus.Found,
            "zoeken", new KvkSearch(total, [new KvkSearchHit("87654321", "Bedrijf BV", "hoofdvestiging", null, true)]), Call(), Job);

    private static EnrichmentProposal Evaluate(Case @case, params EnrichmentFinding[] findings) =>
        ProposalRules.Evaluate(@case, findings, Options);

    [Fact]
    public void An_existing_active_company_that_fits_everything_is_context_only_and_proposes_not_confirmed()
    {
        var @case = Signal();
        var profile = Profile(@case, Company());
        var unit = Unit(@case, "winkelfunctie");

        var proposal = Evaluate(@case, profile, unit, AtAddress(@case, 1));

        proposal.Verdict.Should().Be(ProposalVerdict.NotConfirmed);
        proposal.Observations.Should().NotContain(o => o.SupportsSignal);
        proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.CompanyExists).Which.FindingIds.Should().Equal(profile.Id);
        proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.AddressUse).Which.Text.Should().Contain("past bij");
    }

    [Fact]
    public void A_company_unknown_to_the_handelsregister_is_reported_in_the_registers_words()
    {
        var @case = Signal();
        var missing = EnrichmentFinding.FromRegister(@case.Id, Run, FindingSource.Kvk, FindingKind.KvkProfile, "12345670", FindingStatus.NotFound,
            "KvK-nummer 12345670 niet gevonden in het Handelsregister.", null, Call(404), Job);

        var proposal = Evaluate(@case, missing);

        proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.CompanyExists)
            .Which.Text.Should().Be("KvK-nummer 12345670 niet gevonden in het Handelsregister.");
    }

    [Fact]
    public void An_inactive_company_supports_the_signal()
    {
        var @case = Signal();
        var proposal = Evaluate(@case, Profile(@case, Company(endedOn: "2023-12-31")));

        proposal.Verdict.Should().Be(ProposalVerdict.Confirmed);
        proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.CompanyInactive)
            .Which.Text.Should().Contain("beëindigd op 2023-12-31");
    }

    [Fact]
    public void A_company_registered_in_another_place_than_the_signal_names_supports_the_signal()
    {
        var @case = Signal(city: "Maastricht");
        var proposal = Evaluate(@case, Profile(@case, Company(place: "Heerlen", postcode: "6411CD")));

        proposal.Verdict.Should().Be(ProposalVerdict.Confirmed);
        proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.RegisteredElsewhere)
            .Which.Text.Should().Be("Kapsalon De Schaar (KvK-nummer 12345670) is ingeschreven in Heerlen, terwijl het signaal Maastricht noemt.");
    }

    [Fact]
    public void A_place_that_differs_only_in_case_is_the_same_place()
    {
        var @case = Signal(city: "maastricht");
        Evaluate(@case, Profile(@case, Company(place: "MAASTRICHT"))).Observations.Should().NotContain(o => o.Rule == ProposalRules.RegisteredElsewhere);
    }

    [Theory]
    [InlineData("96021")] // hairdresser
    [InlineData("5610")] // restaurant
    [InlineData("4711")] // shop
    public void A_business_that_receives_customers_at_an_address_that_is_only_a_dwelling_supports_the_signal(string sbi)
    {
        var @case = Signal();
        var profile = Profile(@case, Company(sbi: sbi));
        var unit = Unit(@case, "woonfunctie");

        var proposal = Evaluate(@case, profile, unit);

        proposal.Verdict.Should().Be(ProposalVerdict.Confirmed);
        var observation = proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.AddressUse).Subject;
        observation.SupportsSignal.Should().BeTrue();
        observation.Text.Should().Contain("alleen een woonfunctie");
        observation.FindingIds.Should().Equal(profile.Id, unit.Id);
    }

    [Fact]
    public void An_online_shop_or_an_office_at_a_dwelling_is_not_a_mismatch()
    {
        var @case = Signal();
        Evaluate(@case, Profile(@case, Company(sbi: "47911")), Unit(@case, "woonfunctie")).Observations
            .Should().NotContain(o => o.Rule == ProposalRules.AddressUse);
        Evaluate(@case, Profile(@case, Company(sbi: "6920")), Unit(@case, "woonfunctie")).Observations
            .Should().NotContain(o => o.Rule == ProposalRules.AddressUse);
    }

    [Theory]
    [InlineData("2023-07-01", true)] // 11 months before the signal
    [InlineData("2023-06-04", true)]
    [InlineData("2023-06-03", false)] // exactly 12 months
    [InlineData("2022-01-01", false)]
    public void A_company_registered_less_than_twelve_months_before_the_signal_is_recently_registered(string registeredOn, bool recent)
    {
        var @case = Signal();
        var proposal = Evaluate(@case, Profile(@case, Company(registeredOn: registeredOn)));

        proposal.Observations.Any(o => o.Rule == ProposalRules.RecentlyRegistered).Should().Be(recent);
        proposal.Verdict.Should().Be(recent ? ProposalVerdict.Confirmed : ProposalVerdict.NotConfirmed);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(23, true)]
    public void Many_companies_at_one_address_from_the_configured_threshold_supports_the_signal(int total, bool many)
    {
        var @case = Signal();
        var proposal = Evaluate(@case, AtAddress(@case, total));

        var observation = proposal.Observations.SingleOrDefault(o => o.Rule == ProposalRules.ManyCompaniesAtAddress);
        (observation is not null).Should().Be(many);
        if (many) observation!.Text.Should().Be($"Op 6211AB 12 staan {total} inschrijvingen in het Handelsregister (vanaf 5 valt dat op).");
    }

    [Fact]
    public void A_register_that_could_not_be_asked_is_mentioned_but_decides_nothing()
    {
        var @case = Signal();
        var failed = EnrichmentFinding.FromRegister(@case.Id, Run, FindingSource.Kvk, FindingKind.KvkProfile, "12345670", FindingStatus.Failed,
            "de KvK antwoordde niet op tijd, ook niet na herhaalde pogingen. Probeer de verrijking later opnieuw.", null,
            new RegisterCall("http://register/test", SignalReceived, null, null, "timeout"), Job);

        var proposal = Evaluate(@case, failed);

        proposal.Verdict.Should().Be(ProposalVerdict.NotConfirmed);
        proposal.Observations.Should().ContainSingle(o => o.Rule == ProposalRules.RegisterUnavailable && !o.SupportsSignal);
    }

    [Fact]
    public void Without_any_register_data_the_proposal_says_so()
    {
        var proposal = Evaluate(Signal());

        proposal.Verdict.Should().Be(ProposalVerdict.NotConfirmed);
        proposal.Observations.Should().ContainSingle().Which.Rule.Should().Be(ProposalRules.NoRegisterData);
    }
}
