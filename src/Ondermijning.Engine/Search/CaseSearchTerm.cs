using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Search;

/// <summary>What a search term was taken from, and so what a hit on it means.</summary>
public enum SearchTermKind
{
    /// <summary>The last eight hex digits of the case id, as the pages show a case ("Zaak 4F0CAE01").</summary>
    CaseCode,
    KvkNumber,
    /// <summary>One word of a company's name.</summary>
    CompanyWord,
    /// <summary>One word of a person's name.</summary>
    PersonWord,
    /// <summary>A person's whole name, normalised, with the birth date when known: what links two cases to one person.</summary>
    Person,
    Postcode,
    /// <summary>Postcode and house number: what links two cases to one address, whatever the addition or spelling.</summary>
    Address,
    /// <summary>One word of a street name.</summary>
    StreetWord,
}

/// <summary>
/// One indexed word a case can be found by. Terms are derived from the case's subjects when it is registered, normalised
/// once (lower case, no diacritics, postcode without space), so search and the links between cases are index lookups
/// rather than scans, and do not depend on how something was typed. They carry the municipality, so the same query
/// filter that guards the cases guards them. Retention erases them with the personal data, except the case code.
/// </summary>
public sealed class CaseSearchTerm
{
    private CaseSearchTerm() { }

    internal CaseSearchTerm(CaseId caseId, MunicipalityCode municipality, SearchTermKind kind, string term)
    {
        CaseId = caseId;
        Municipality = municipality;
        Kind = kind;
        Term = term;
    }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public SearchTermKind Kind { get; private set; }
    public string Term { get; private set; } = "";

    public const int MaxLength = 120;

    /// <summary>Every term of a newly registered case.</summary>
    internal static List<CaseSearchTerm> For(Case @case)
    {
        var terms = new List<(SearchTermKind Kind, string Term)> { (SearchTermKind.CaseCode, CaseCode(@case.Id)) };
        foreach (var company in @case.Companies)
        {
            if (company.KvkNumber is { Length: > 0 } kvk) terms.Add((SearchTermKind.KvkNumber, kvk));
            terms.AddRange(Words(company.Name).Select(w => (SearchTermKind.CompanyWord, w)));
        }
        foreach (var person in @case.Persons)
        {
            terms.AddRange(Words(person.Name).Select(w => (SearchTermKind.PersonWord, w)));
            if (PersonKey(person.Name, person.BirthDate) is { Length: > 0 } key) terms.Add((SearchTermKind.Person, key));
        }
        foreach (var address in @case.Addresses)
        {
            var postcode = NormalisePostcode(address.Postcode);
            if (postcode.Length == 0) continue;
            terms.Add((SearchTermKind.Postcode, postcode));
            terms.Add((SearchTermKind.Address, AddressKey(postcode, address.HouseNumber)));
            terms.AddRange(Words(address.Street).Select(w => (SearchTermKind.StreetWord, w)));
        }
        return terms.Distinct()
            .Select(t => new CaseSearchTerm(@case.Id, @case.Municipality, t.Kind, t.Term.Length > MaxLength ? t.Term[..MaxLength] : t.Term))
            .ToList();
    }

    public static string CaseCode(CaseId id) => id.Value.ToString("N")[^8..];

    public static string NormalisePostcode(string? postcode) =>
        new string((postcode ?? "").Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    public static string AddressKey(string normalisedPostcode, int houseNumber) => $"{normalisedPostcode} {houseNumber}";

    public static string? PersonKey(string name, LocalDate? birthDate)
    {
        var words = Words(name);
        if (words.Count == 0) return null;
        var key = string.Join(' ', words);
        return birthDate is { } date ? $"{key} {LocalDatePattern.Iso.Format(date)}" : key;
    }

    /// <summary>Lower case, diacritics gone (Ö and O alike), split on anything that is not a letter or digit.</summary>
    public static List<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1 || char.IsDigit(w[0])).ToList();
    }
}

internal sealed class CaseSearchTermConfiguration : IEntityTypeConfiguration<CaseSearchTerm>
{
    public void Configure(EntityTypeBuilder<CaseSearchTerm> t)
    {
        t.ToTable("case_search_terms");
        t.HasKey(x => x.Id);
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        t.Property(x => x.Term).HasMaxLength(CaseSearchTerm.MaxLength);
        // Every search and every link is a range or equality on (kind, term) within the municipalities the user works for.
        t.HasIndex(x => new { x.Kind, x.Term, x.Municipality });
        t.HasIndex(x => x.CaseId);
    }
}
