using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Mapping;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Signals;

public sealed record ReporterRequest(bool Anonymous = true, string? Name = null, string? Contact = null);
public sealed record PersonRequest(string? Name, [property: IsoDate] string? BirthDate = null, string? Role = null);
public sealed record CompanyRequest(string? Name, string? KvkNumber = null, string? Place = null);
public sealed record AddressRequest(string? Postcode, int? HouseNumber, string? HouseNumberAddition = null, string? Street = null, string? City = null);

/// <summary>A signal as a client sends it. Values arrive as text and are checked here, so each mistake is named per field.</summary>
public sealed record RegisterSignalRequest(
    string? Municipality,
    [property: ChoiceList(nameof(ChoiceLists.SourceChannels))] string? SourceChannel,
    string? Description,
    ReporterRequest? Reporter = null,
    string? Branch = null,
    IReadOnlyList<string>? PhenomenonTags = null,
    [property: WorkflowChoice(WorkflowTerm.Severity)] string? Severity = null,
    IReadOnlyList<PersonRequest>? Persons = null,
    IReadOnlyList<CompanyRequest>? Companies = null,
    IReadOnlyList<AddressRequest>? Addresses = null,
    [property: IsoDateTime] string? ReceivedAt = null)
{
    public static readonly IReadOnlyDictionary<string, SourceChannel> Channels =
        Enum.GetValues<SourceChannel>().ToDictionary(c => ApiSpelling.Kebab(c));

    /// <param name="receivedAt">
    /// Reads the moment of receipt when a form asks for it in fields of its own (a date and a time); otherwise it is
    /// <see cref="ReceivedAt"/>, as <see cref="MomentRule"/> reads it.
    /// </param>
    public SignalDetails ToSignal(LocalDate today, Func<Fields, Instant?>? receivedAt = null)
    {
        var f = new RequestFields();
        var received = receivedAt is null ? f.OptionalMoment(ReceivedAt, "receivedAt") : receivedAt(f);
        // A later day is refused with the other fields; a later hour today is the engine's, which knows the moment.
        if (received is { } r) f.Check(r.InZone(Amsterdam.Zone).Date, "receivedAt", today);
        var municipality = f.Municipality(Municipality);

        var channel = default(SourceChannel);
        if (SourceChannel is null || !Channels.TryGetValue(SourceChannel.Trim(), out channel))
            f.Error("sourceChannel", Breach.Required($"Say how the signal came in: one of {string.Join(", ", Channels.Keys)}."));

        var description = f.Text(Description, "description", "Describe what the signal is about.", Limits.Description, TextKind.MultiLine);

        var reporter = Reporter ?? new ReporterRequest();
        if (reporter.Anonymous && (reporter.Name is not null || reporter.Contact is not null))
            f.Error("reporter", "An anonymous reporter cannot have a name or contact details.");
        var reporterDetails = reporter.Anonymous
            ? ReporterDetails.AnonymousReporter
            : new ReporterDetails(false,
                f.Text(reporter.Name, "reporter.name", "A named reporter needs a name; otherwise mark the reporter as anonymous.", Limits.Name),
                f.OptionalText(reporter.Contact, "reporter.contact", Limits.Contact));

        var persons = (Persons ?? []).Select((person, i) => new PersonSubject(
            f.Text(person?.Name, $"persons[{i}].name", "A person needs a name.", Limits.Name),
            f.OptionalDate(person?.BirthDate, $"persons[{i}].birthDate", today),
            f.OptionalText(person?.Role, $"persons[{i}].role", Limits.Role))).ToList();

        var companies = (Companies ?? []).Select((company, i) => new CompanySubject(
            SignalDetails.CompanyName(f, company?.Name, company?.KvkNumber, i),
            f.OptionalKvkNumber(company?.KvkNumber, $"companies[{i}].kvkNumber")?.Value,
            f.OptionalText(company?.Place, $"companies[{i}].place", Limits.Place))).ToList();

        var addresses = (Addresses ?? []).Select((address, i) =>
        {
            var postcode = f.Postcode(address?.Postcode, $"addresses[{i}].postcode");
            var number = f.HouseNumber(address?.HouseNumber, address?.HouseNumberAddition, $"addresses[{i}].houseNumber", $"addresses[{i}].houseNumberAddition");
            return new AddressSubject(postcode?.Value ?? "", number?.Number ?? 0, number?.Addition,
                f.OptionalText(address?.Street, $"addresses[{i}].street", Limits.Street), f.OptionalText(address?.City, $"addresses[{i}].city", Limits.City));
        }).ToList();

        var tags = f.TextList((PhenomenonTags ?? []).Select(t => t?.ToLowerInvariant()), "phenomenonTags", Limits.Code);
        var branch = f.OptionalText(Branch, "branch", Limits.Branch);
        var severity = f.OptionalText(Severity, "severity", Limits.Code);

        f.ThrowIfAny();
        return new SignalDetails(municipality, channel, reporterDetails, description, branch, tags, persons, companies, addresses,
            severity is null ? null : new Severity(severity), received);
    }
}
