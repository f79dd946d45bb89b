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

public sealed record CompanySubject(string Name, string? KvkNumber, string? Place);

public sealed record AddressSubject(string Postcode, int HouseNumber, string? HouseNumberAddition, string? Street, string? City);

/// <summary>A validated signal, ready to become a case.</summary>
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
    Severity? Severity);
