using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Signals;

/// <summary>How a signal reached the municipality.</summary>
public enum SourceChannel
{
    /// <summary>Meld Misdaad Anoniem.</summary>
    MeldMisdaadAnoniem,
    MeldingGemeente,
    MeldingPolitie,
    /// <summary>A conversation with residents during an awareness day (ONDERSCHAT).</summary>
    Bewonersgesprek,
    /// <summary>A professional: enforcement officer, housing corporation, community police officer, youth work.</summary>
    Professional,
}

public sealed record ReporterDetails(bool Anonymous, string? Name, string? Contact)
{
    public static readonly ReporterDetails AnonymousReporter = new(true, null, null);
}

public sealed record PersonSubject(string Name, LocalDate? BirthDate, string? Role);

/// <summary>A company by its name, its KvK number, or both.</summary>
public sealed record CompanySubject(string? Name, string? KvkNumber, string? Place);

public sealed record AddressSubject(string Postcode, int HouseNumber, string? HouseNumberAddition, string? Street, string? City);

/// <summary>A validated signal, ready to become a case.</summary>
/// <param name="ReceivedAt">When the signal reached the municipality, if not just now (a letter, a late arrival, history).</param>
public sealed record SignalDetails(
    MunicipalityCode Municipality,
    SourceChannel SourceChannel,
    ReporterDetails Reporter,
    string Description,
    string? Branch,
    IReadOnlyList<string> PhenomenonTags,
    IReadOnlyList<PersonSubject> Persons,
    IReadOnlyList<CompanySubject> Companies,
    IReadOnlyList<AddressSubject> Addresses,
    Severity? Severity,
    Instant? ReceivedAt = null)
{
    /// <summary>
    /// The engine's own check of every field, whichever door the signal came through: a signal that passes fits its
    /// columns, so one bad registration never reaches (and fails) the database write it shares with others.
    /// </summary>
    /// <summary>A company is named, or known by its KvK number alone: either will do, not neither.</summary>
    public static string? CompanyName(Fields f, string? name, string? kvkNumber, int i)
    {
        var field = $"companies[{i}].name";
        var text = f.OptionalText(name, field, Limits.Name);
        if (text is null && string.IsNullOrWhiteSpace(kvkNumber) && !f.Has(field))
            f.Error(field, Breach.Other("A company needs a name or a KvK number."));
        return text;
    }

    public void Check(Fields f, Instant now)
    {
        var today = now.InZone(Amsterdam.Zone).Date;
        if (ReceivedAt is { } received)
        {
            if (DateRule.Check(received.InZone(Amsterdam.Zone).Date) is { } outOfRange) f.Error("receivedAt", outOfRange);
            else if (MomentRule.CheckNotAfter(received, now) is { } future) f.Error("receivedAt", future);
        }
        f.Text(Description, "description", "Describe what the signal is about.", Limits.Description, TextKind.MultiLine);
        if (Reporter.Anonymous && (Reporter.Name is not null || Reporter.Contact is not null))
            f.Error("reporter", "An anonymous reporter cannot have a name or contact details.");
        if (!Reporter.Anonymous)
            f.Text(Reporter.Name, "reporter.name", "A named reporter needs a name; otherwise mark the reporter as anonymous.", Limits.Name);
        f.OptionalText(Reporter.Contact, "reporter.contact", Limits.Contact);
        f.OptionalText(Branch, "branch", Limits.Branch);
        f.TextList(PhenomenonTags, "phenomenonTags", Limits.Code);
        if (Severity is { } severity) f.OptionalText(severity.Value, "severity", Limits.Code);
        foreach (var (person, i) in Persons.Select((p, i) => (p, i)))
        {
            f.Text(person.Name, $"persons[{i}].name", "A person needs a name.", Limits.Name);
            f.Check(person.BirthDate, $"persons[{i}].birthDate", today);
            f.OptionalText(person.Role, $"persons[{i}].role", Limits.Role);
        }
        foreach (var (company, i) in Companies.Select((c, i) => (c, i)))
        {
            CompanyName(f, company.Name, company.KvkNumber, i);
            if (company.KvkNumber is not null && f.OptionalKvkNumber(company.KvkNumber, $"companies[{i}].kvkNumber")?.Value != company.KvkNumber)
                f.Error($"companies[{i}].kvkNumber", new Breach(FieldRule.KvkNumber, KvkNumber.Rule));
            f.OptionalText(company.Place, $"companies[{i}].place", Limits.Place);
        }
        foreach (var (address, i) in Addresses.Select((a, i) => (a, i)))
        {
            if (f.Postcode(address.Postcode, $"addresses[{i}].postcode") is { } postcode && postcode.Value != address.Postcode)
                f.Error($"addresses[{i}].postcode", new Breach(FieldRule.Postcode, Postcode.Rule));
            f.HouseNumber(address.HouseNumber, address.HouseNumberAddition, $"addresses[{i}].houseNumber", $"addresses[{i}].houseNumberAddition");
            f.OptionalText(address.Street, $"addresses[{i}].street", Limits.Street);
            f.OptionalText(address.City, $"addresses[{i}].city", Limits.City);
        }
    }
}
