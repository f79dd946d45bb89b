using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Enrichment;

public enum ProposalVerdict { Confirmed, NotConfirmed }

/// <param name="SupportsSignal">True when this points the same way as the signal (a red flag), false when it is context.</param>
public sealed record Observation(string Rule, string Text, bool SupportsSignal, IReadOnlyList<FindingId> FindingIds);

public sealed record EnrichmentProposal(ProposalVerdict Verdict, IReadOnlyList<Observation> Observations);

/// <summary>
/// What the registers say against the signal, as observations a policy adviser can check finding by finding.
/// The verdict is only a proposal: one red flag is enough to propose "confirmed", because the LWO weighs the
/// case anyway, while closing a signal is the decision that must not be taken lightly.
/// </summary>
public static class ProposalRules
{
    public const string CompanyExists = "company-exists";
    public const string CompanyInactive = "company-inactive";
    public const string RegisteredElsewhere = "registered-elsewhere";
    public const string AddressUse = "address-use";
    public const string RecentlyRegistered = "recently-registered";
    public const string ManyCompaniesAtAddress = "many-companies-at-address";
    public const string RegisterUnavailable = "register-unavailable";
    public const string NoRegisterData = "no-register-data";

    /// <summary>
    /// Activities that receive customers on the premises (retail 47, lodging 55, food and drink 56,
    /// hairdressers and beauty 9602), so they need more than a dwelling. Online retail (4791) does not.
    /// </summary>
    private static bool ReceivesCustomers(SbiActivity a) =>
        !a.Code.StartsWith("4791", StringComparison.Ordinal)
        && (a.Code.StartsWith("47", StringComparison.Ordinal) || a.Code.StartsWith("55", StringComparison.Ordinal)
            || a.Code.StartsWith("56", StringComparison.Ordinal) || a.Code.StartsWith("9602", StringComparison.Ordinal));

    public static EnrichmentProposal Evaluate(Case @case, IReadOnlyList<EnrichmentFinding> findings, EnrichmentOptions options)
    {
        var observations = new List<Observation>();
        var signalDate = @case.ReceivedAt.InZone(Amsterdam.Zone).Date;
        var signalPlaces = @case.Addresses.Select(a => a.City).Concat(@case.Companies.Select(c => c.Place))
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var units = findings.Where(f => f is { Kind: FindingKind.BagVerblijfsobject, Status: FindingStatus.Found })
            .Select(f => (Finding: f, Unit: f.Facts<BagVerblijfsobject>()!)).ToList();

        foreach (var failed in findings.Where(f => f.Status == FindingStatus.Failed))
            observations.Add(new(RegisterUnavailable, failed.Summary, false, [failed.Id]));

        foreach (var missing in findings.Where(f => f is { Status: FindingStatus.NotFound, Kind: FindingKind.KvkProfile or FindingKind.KvkSearch }))
            observations.Add(new(CompanyExists, missing.Summary, false, [missing.Id]));

        foreach (var finding in findings.Where(f => f is { Kind: FindingKind.KvkProfile, Status: FindingStatus.Found }))
        {
            var company = finding.Facts<KvkCompany>()!;
            var name = $"{company.Name} (KvK-nummer {company.KvkNumber})";
            observations.Add(new(CompanyExists, $"{name} staat ingeschreven in het Handelsregister.", false, [finding.Id]));

            if (!company.Active)
                observations.Add(new(CompanyInactive,
                    $"{name} is niet meer actief: de inschrijving is beëindigd op {company.EndedOn}.", true, [finding.Id]));

            var places = company.Addresses.Select(a => a.Place).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (signalPlaces.Count > 0 && places.Count > 0 && !places.Any(p => signalPlaces.Contains(p, StringComparer.OrdinalIgnoreCase)))
                observations.Add(new(RegisteredElsewhere,
                    $"{name} is ingeschreven in {string.Join(", ", places)}, terwijl het signaal {string.Join(", ", signalPlaces)} noemt.", true, [finding.Id]));

            if (Parse(company.RegisteredOn ?? company.StartedOn) is { } registered
                && registered > signalDate.PlusMonths(-options.RecentRegistrationMonths))
                observations.Add(new(RecentlyRegistered,
                    $"{name} is ingeschreven op {LocalDatePattern.Iso.Format(registered)}, minder dan {options.RecentRegistrationMonths} maanden vóór het signaal ({LocalDatePattern.Iso.Format(signalDate)}).",
                    true, [finding.Id]));

            var customerFacing = company.Activities.Where(ReceivesCustomers).ToList();
            if (customerFacing.Count == 0) continue;
            // The signal ties its addresses to its company when it names only one; otherwise only the KvK address counts.
            var addresses = company.Addresses.Where(a => a is { Postcode: not null, HouseNumber: not null })
                .Select(a => (Postcode: Normalise(a.Postcode!), Number: a.HouseNumber!.Value))
                .Concat(@case.Companies.Count == 1 ? @case.Addresses.Select(a => (Postcode: Normalise(a.Postcode), Number: a.HouseNumber)) : [])
                .Distinct().ToList();
            var activity = string.Join(", ", customerFacing.Select(a => $"{a.Code} {a.Description}"));
            foreach (var (unitFinding, unit) in units.Where(u => addresses.Contains((Normalise(u.Unit.Postcode), u.Unit.HouseNumber))))
            {
                var at = $"{unit.Postcode} {unit.HouseNumber}";
                var onlyDwelling = unit.Gebruiksdoelen.Count > 0 && unit.Gebruiksdoelen.All(d => d.Equals("woonfunctie", StringComparison.OrdinalIgnoreCase));
                observations.Add(onlyDwelling
                    ? new(AddressUse, $"{name} heeft een activiteit met klanten aan de zaak ({activity}), maar het adres {at} heeft in de BAG alleen een woonfunctie.",
                        true, [finding.Id, unitFinding.Id])
                    : new(AddressUse, $"Het gebruiksdoel van {at} ({string.Join(", ", unit.Gebruiksdoelen)}) past bij de activiteit van {name} ({activity}).",
                        false, [finding.Id, unitFinding.Id]));
            }
        }

        foreach (var finding in findings.Where(f => f is { Kind: FindingKind.KvkCompaniesAtAddress, Status: FindingStatus.Found }))
        {
            var search = finding.Facts<KvkSearch>()!;
            if (search.Total >= options.ManyCompaniesThreshold)
                observations.Add(new(ManyCompaniesAtAddress,
                    $"Op {finding.Subject} staan {search.Total} inschrijvingen in het Handelsregister (vanaf {options.ManyCompaniesThreshold} valt dat op).",
                    true, [finding.Id]));
        }

        if (!findings.Any(f => f.Kind != FindingKind.Manual))
            observations.Add(new(NoRegisterData,
                "Er zijn nog geen gegevens uit de registers: de verrijking is niet uitgevoerd of de registers staan uit.", false, []));

        return new EnrichmentProposal(observations.Any(o => o.SupportsSignal) ? ProposalVerdict.Confirmed : ProposalVerdict.NotConfirmed,
            observations);
    }

    private static string Normalise(string postcode) => postcode.Replace(" ", "").ToUpperInvariant();

    private static LocalDate? Parse(string? iso) => iso is not null && LocalDatePattern.Iso.Parse(iso) is { Success: true } p ? p.Value : null;
}
