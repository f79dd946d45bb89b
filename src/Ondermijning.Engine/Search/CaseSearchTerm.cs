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
    internal static List<CaseSearchTerm> For(Case @case) =>
        Terms(@case.Id, @case.Companies.Select(c => (c.Name, c.KvkNumber)), @case.Persons.Select(p => (p.Name, p.BirthDate)),
                @case.Addresses.Select(a => (a.Postcode, a.HouseNumber, a.Street)))
            .Select(t => new CaseSearchTerm(@case.Id, @case.Municipality, t.Kind, t.Term))
            .ToList();

    /// <summary>
    /// The terms a case with these subjects is found by, distinct and cut to <see cref="MaxLength"/>. Public so that a bulk
    /// load (the benchmark) indexes its cases exactly as registration does.
    /// </summary>
    public static List<(SearchTermKind Kind, string Term)> Terms(CaseId id, IEnumerable<(string? Name, string? KvkNumber)> companies,
        IEnumerable<(string Name, LocalDate? BirthDate)> persons, IEnumerable<(string Postcode, int HouseNumber, string? Street)> addresses)
    {
        var terms = new List<(SearchTermKind Kind, string Term)> { (SearchTermKind.CaseCode, CaseCode(id)) };
        foreach (var (name, kvkNumber) in companies)
        {
            if (kvkNumber is { Length: > 0 } kvk) terms.Add((SearchTermKind.KvkNumber, kvk));
            terms.AddRange(Words(name).Select(w => (SearchTermKind.CompanyWord, w)));
        }
        foreach (var (name, birthDate) in persons)
        {
            terms.AddRange(Words(name).Select(w => (SearchTermKind.PersonWord, w)));
            if (PersonKey(name, birthDate) is { Length: > 0 } key) terms.Add((SearchTermKind.Person, key));
        }
        foreach (var (postcode, houseNumber, street) in addresses)
        {
            var normalised = NormalisePostcode(postcode);
            if (normalised.Length == 0) continue;
            terms.Add((SearchTermKind.Postcode, normalised));
            terms.Add((SearchTermKind.Address, AddressKey(normalised, houseNumber)));
            terms.AddRange(Words(street).Select(w => (SearchTermKind.StreetWord, w)));
        }
        return terms.Distinct().Select(t => (t.Kind, t.Term.Length > MaxLength ? t.Term[..MaxLength] : t.Term)).ToList();
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
        // Every search and every link is a range or equality on the term of a kind within the municipalities the user works
        // for: with the municipality before the term, a common word reads only the user's municipalities' entries, and the
        // case id in the index spares the table. A code looked up in whatever municipalities the unit of work may see (whose
        // query filter is no index condition) takes the index without the municipality first.
        t.HasIndex(x => new { x.Kind, x.Municipality, x.Term, x.CaseId });
        t.HasIndex(x => new { x.Kind, x.Term, x.Municipality });
        t.HasIndex(x => x.CaseId);
    }
}
