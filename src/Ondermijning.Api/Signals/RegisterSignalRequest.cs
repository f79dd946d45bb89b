using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Signals;

public sealed record ReporterRequest(bool Anonymous = true, string? Name = null, string? Contact = null);
public sealed record PersonRequest(string? Name, [property: IsoDate] string? BirthDate = null, string? Role = null);
public sealed record CompanyRequest(string? Name, string? KvkNumber = null, string? Place = null);
public sealed record AddressRequest(string? Postcode, int? HouseNumber, string? HouseNumberAddition = null, string? Street = null, string? City = null);

/// <summary>A signal as a client sends it. Values arrive as text and are checked here, so each mistake is named per field.</summary>
public sealed partial record RegisterSignalRequest(
    string? Municipality,
    [property: ChoiceList(nameof(ChoiceLists.SourceChannels))] string? SourceChannel,
    string? Description,
    ReporterRequest? Reporter = null,
    string? Branch = null,
    IReadOnlyList<string>? PhenomenonTags = null,
    [property: WorkflowChoice(WorkflowTerm.Severity)] string? Severity = null,
    IReadOnlyList<PersonRequest>? Persons = null,
    IReadOnlyList<CompanyRequest>? Companies = null,
    IReadOnlyList<AddressRequest>? Addresses = null)
{
    public static readonly IReadOnlyDictionary<string, SourceChannel> Channels =
        Enum.GetValues<SourceChannel>().ToDictionary(c => ApiMappingProfile.Kebab(c.ToString()));

    public SignalDetails ToSignal(LocalDate today)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = errors.TryGetValue(field, out var e) ? [.. e, message] : [message];

        if (!MunicipalityCode.TryParse(Municipality, out var municipality))
            Error("municipality", "Give the CBS code of the municipality, for example GM0935 for Maastricht.");

        var channel = default(SourceChannel);
        if (SourceChannel is null || !Channels.TryGetValue(SourceChannel.Trim(), out channel))
            Error("sourceChannel", $"Say how the signal came in: one of {string.Join(", ", Channels.Keys)}.");

        if (string.IsNullOrWhiteSpace(Description))
            Error("description", "Describe what the signal is about.");
        else if (Description.Length > 8000)
            Error("description", "The description is longer than 8000 characters; shorten it or add the rest as information later.");

        var reporter = Reporter ?? new ReporterRequest();
        if (!reporter.Anonymous && string.IsNullOrWhiteSpace(reporter.Name))
            Error("reporter.name", "A named reporter needs a name; otherwise mark the reporter as anonymous.");
        if (reporter.Anonymous && (reporter.Name is not null || reporter.Contact is not null))
            Error("reporter", "An anonymous reporter cannot have a name or contact details.");

        var persons = new List<PersonSubject>();
        foreach (var (person, i) in (Persons ?? []).Select((p, i) => (p, i)))
        {
            LocalDate? birthDate = null;
            if (string.IsNullOrWhiteSpace(person.Name)) Error($"persons[{i}].name", "A person needs a name.");
            if (person.BirthDate is not null)
            {
                var parsed = LocalDatePattern.Iso.Parse(person.BirthDate);
                if (!parsed.Success) Error($"persons[{i}].birthDate", "Write the date of birth as YYYY-MM-DD.");
                else if (parsed.Value > today) Error($"persons[{i}].birthDate", "The date of birth lies in the future.");
                else birthDate = parsed.Value;
            }
            persons.Add(new PersonSubject(person.Name?.Trim() ?? "", birthDate, person.Role?.Trim()));
        }

        var companies = new List<CompanySubject>();
        foreach (var (company, i) in (Companies ?? []).Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(company.Name)) Error($"companies[{i}].name", "A company needs a name.");
            var kvk = company.KvkNumber?.Replace(" ", "");
            if (kvk is not null && !KvkNumberPattern().IsMatch(kvk))
                Error($"companies[{i}].kvkNumber", "A KvK number has exactly 8 digits.");
            companies.Add(new CompanySubject(company.Name?.Trim() ?? "", kvk, company.Place?.Trim()));
        }

        var addresses = new List<AddressSubject>();
        foreach (var (address, i) in (Addresses ?? []).Select((a, i) => (a, i)))
        {
            var postcode = address.Postcode?.Replace(" ", "").ToUpperInvariant();
            if (postcode is null || !PostcodePattern().IsMatch(postcode))
                Error($"addresses[{i}].postcode", "Write the postcode as four digits and two letters, for example 6211 AB.");
            if (address.HouseNumber is not (>= 1 and <= 99999))
                Error($"addresses[{i}].houseNumber", "Give the house number (1 to 99999).");
            addresses.Add(new AddressSubject(postcode ?? "", address.HouseNumber ?? 0, address.HouseNumberAddition?.Trim(), address.Street?.Trim(), address.City?.Trim()));
        }

        var tags = (PhenomenonTags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();

        if (errors.Count > 0) throw EngineProblem.Validation(errors);
        return new SignalDetails(municipality, channel,
            reporter.Anonymous ? ReporterDetails.AnonymousReporter : new ReporterDetails(false, reporter.Name!.Trim(), reporter.Contact?.Trim()),
            Description!.Trim(), string.IsNullOrWhiteSpace(Branch) ? null : Branch.Trim(), tags, persons, companies, addresses,
            string.IsNullOrWhiteSpace(Severity) ? null : new Severity(Severity.Trim()));
    }

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex KvkNumberPattern();

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex PostcodePattern();
}
