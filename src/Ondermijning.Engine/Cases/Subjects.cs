using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Cases;

/// <summary>A person the signal is about. Personal data: erased when retention says so.</summary>
public sealed class CasePerson
{
    private CasePerson() { }
    internal CasePerson(CaseId caseId, string name, LocalDate? birthDate, string? role)
    {
        CaseId = caseId;
        Name = name;
        BirthDate = birthDate;
        Role = role;
    }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public string Name { get; private set; } = "";
    public LocalDate? BirthDate { get; private set; }
    public string? Role { get; private set; }

    internal void Erase()
    {
        Name = Case.ErasedText;
        BirthDate = null;
    }
}

public sealed class CaseCompany
{
    private CaseCompany() { }
    internal CaseCompany(CaseId caseId, string? name, string? kvkNumber, string? place)
    {
        CaseId = caseId;
        Name = name;
        KvkNumber = kvkNumber;
        Place = place;
    }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    /// <summary>Null when the company is known by its KvK number alone; the Handelsregister then tells its name.</summary>
    public string? Name { get; private set; }
    /// <summary>The 8-digit Chamber of Commerce (KvK) number, when known.</summary>
    public string? KvkNumber { get; private set; }
    public string? Place { get; private set; }

    /// <summary>How a match on its KvK number names the company: the number, and the name when there is one.</summary>
    public string KvkLabel => Name is null ? $"{KvkNumber}" : $"{KvkNumber} ({Name})";

    internal void Erase()
    {
        Name = Case.ErasedText;
        KvkNumber = null;
    }
}

public sealed class CaseAddress
{
    private CaseAddress() { }
    internal CaseAddress(CaseId caseId, string postcode, int houseNumber, string? addition, string? street, string? city)
    {
        CaseId = caseId;
        Postcode = postcode;
        HouseNumber = houseNumber;
        HouseNumberAddition = addition;
        Street = street;
        City = city;
    }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public string Postcode { get; private set; } = "";
    public int HouseNumber { get; private set; }
    public string? HouseNumberAddition { get; private set; }
    public string? Street { get; private set; }
    public string? City { get; private set; }

    /// <summary>The city stays: it places the case on the map without pointing at a house.</summary>
    internal void Erase()
    {
        Postcode = "";
        HouseNumber = 0;
        HouseNumberAddition = null;
        Street = null;
    }
}
