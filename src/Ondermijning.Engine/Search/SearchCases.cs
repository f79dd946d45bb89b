using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Search;

/// <summary>Why a case matched: the kind of term and the case's own value for it (its KvK number, a person's name, …).</summary>
public sealed record SearchReason(SearchTermKind Kind, string Value);

public sealed record CaseSearchHit(Case Case, string StageLabel, IReadOnlyList<SearchReason> Reasons);

public sealed record SearchResult(string Query, IReadOnlyList<CaseSearchHit> Hits, bool More);

/// <summary>
/// Finds cases by what a user knows of them: the case code (short or full), a KvK number, a postcode with or without house
/// number, or words of a company's, person's or street's name (optionally with a birth date). Every lookup is a range on
/// the indexed <see cref="CaseSearchTerm"/>s within the user's municipalities; what comes back passes the access gate.
/// </summary>
public sealed partial class SearchCases(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog)
{
    public const int MaxHits = 50;
    public const int MaxQueryLength = 200;

    public async Task<SearchResult> HandleAsync(string? query, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadCase);
        var text = (query ?? "").Trim();
        if (text.Length is 0 or > MaxQueryLength || text.Any(char.IsControl) || text.Any(char.IsSurrogate))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["q"] = [$"Type what you are looking for (1 to {MaxQueryLength} characters): a case code, a KvK number, a postcode and house number, or a name."],
            });

        var wanted = Interpret(text);
        var terms = db.Set<CaseSearchTerm>().AsNoTracking();
        var matches = new List<CaseSearchTerm>();
        foreach (var (kind, term, prefix) in wanted.Lookups)
        {
            var upper = term + '\uffff';
            var found = prefix
                ? terms.Where(t => t.Kind == kind && string.Compare(t.Term, term) >= 0 && string.Compare(t.Term, upper) < 0)
                : terms.Where(t => t.Kind == kind && t.Term == term);
            matches.AddRange(await found.OrderBy(t => t.CaseId).Take(MaxHits * 4).ToListAsync(cancellationToken));
        }

        // The other words of a query are checked against the candidates' subjects (Reasons): a hit names them all.
        var ids = matches.Select(m => m.CaseId).Prepend(wanted.FullId ?? default).Where(i => i != default).Distinct().Take(MaxHits * 4).ToList();
        var cases = await db.Cases.AsNoTracking()
            .Include(c => c.Persons).Include(c => c.Companies).Include(c => c.Addresses).AsSplitQuery()
            .Where(c => ids.Contains(c.Id))
            .ToListAsync(cancellationToken);
        var hits = cases
            // A case whose content a case gate withholds is found by nothing it withholds.
            .Where(c => actor.WorksFor(c.Municipality) && gate.Allows(c, actor, Permission.ReadCase) && gate.ViewOf(c, actor) == CaseView.Content)
            .Select(c => new CaseSearchHit(c, catalog.Get(c.Definition).Stage(c.Stage).Label, Reasons(c, wanted)))
            .Where(h => h.Reasons.Count > 0)
            .Where(h => wanted.BirthDate is not { } date || h.Case.Persons.Any(p => p.BirthDate == date))
            .OrderByDescending(h => h.Case.ReceivedAt)
            .ToList();
        return new SearchResult(text, hits.Take(MaxHits).ToList(), hits.Count > MaxHits);
    }

    private sealed record Wanted(List<(SearchTermKind Kind, string Term, bool Prefix)> Lookups, List<string> Words, LocalDate? BirthDate, CaseId? FullId);

    private static Wanted Interpret(string text)
    {
        var lookups = new List<(SearchTermKind, string, bool)>();
        CaseId? full = CaseId.TryParse(text, out var id) ? id : null;
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

        if (CaseCode().IsMatch(compact)) lookups.Add((SearchTermKind.CaseCode, compact.ToLowerInvariant(), false));
        if (Kvk().IsMatch(compact)) lookups.Add((SearchTermKind.KvkNumber, compact, false));
        if (PostcodeAndNumber().Match(text) is { Success: true } address)
        {
            var postcode = CaseSearchTerm.NormalisePostcode(address.Groups["postcode"].Value);
            lookups.Add(address.Groups["number"].Success
                ? (SearchTermKind.Address, CaseSearchTerm.AddressKey(postcode, int.Parse(address.Groups["number"].Value)), false)
                : (SearchTermKind.Postcode, postcode, false));
        }

        // A birth date anywhere narrows the persons; the other words are names or streets.
        LocalDate? birthDate = null;
        var rest = new List<string>();
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parsed = LocalDatePattern.Iso.Parse(part) is { Success: true } iso ? iso : DutchDate.Parse(part);
            if (parsed.Success) birthDate = parsed.Value;
            else rest.Add(part);
        }
        var words = lookups.Count > 0 || full is not null ? [] : CaseSearchTerm.Words(string.Join(' ', rest));
        if (words.Count > 0)
        {
            // The longest word selects (the fewest candidates); all words must match.
            var key = words.OrderByDescending(w => w.Length).First();
            foreach (var kind in new[] { SearchTermKind.CompanyWord, SearchTermKind.PersonWord, SearchTermKind.StreetWord })
                lookups.Add((kind, key, true));
        }
        return new Wanted(lookups, words, birthDate, full);
    }

    /// <summary>What of the case made it a hit, in the case's own words, so a user sees why it is in the list.</summary>
    private static List<SearchReason> Reasons(Case c, Wanted wanted)
    {
        var reasons = new List<SearchReason>();
        if (wanted.FullId == c.Id) reasons.Add(new(SearchTermKind.CaseCode, CaseSearchTerm.CaseCode(c.Id).ToUpperInvariant()));
        foreach (var (kind, term, _) in wanted.Lookups)
        {
            switch (kind)
            {
                case SearchTermKind.CaseCode when CaseSearchTerm.CaseCode(c.Id) == term:
                    reasons.Add(new(kind, term.ToUpperInvariant()));
                    break;
                case SearchTermKind.KvkNumber:
                    reasons.AddRange(c.Companies.Where(co => co.KvkNumber == term).Select(co => new SearchReason(kind, co.KvkLabel)));
                    break;
                case SearchTermKind.Address or SearchTermKind.Postcode:
                    reasons.AddRange(c.Addresses
                        .Where(a => kind == SearchTermKind.Postcode
                            ? CaseSearchTerm.NormalisePostcode(a.Postcode) == term
                            : CaseSearchTerm.AddressKey(CaseSearchTerm.NormalisePostcode(a.Postcode), a.HouseNumber) == term)
                        .Select(a => new SearchReason(SearchTermKind.Address, Address(a))));
                    break;
                case SearchTermKind.CompanyWord:
                    reasons.AddRange(c.Companies.Where(co => HasAll(co.Name, wanted.Words)).Select(co => new SearchReason(kind, co.Name!)));
                    break;
                case SearchTermKind.PersonWord:
                    reasons.AddRange(c.Persons.Where(p => HasAll(p.Name, wanted.Words) && (wanted.BirthDate is null || p.BirthDate == wanted.BirthDate))
                        .Select(p => new SearchReason(kind, p.BirthDate is { } d ? $"{p.Name} ({LocalDatePattern.Iso.Format(d)})" : p.Name)));
                    break;
                case SearchTermKind.StreetWord:
                    reasons.AddRange(c.Addresses.Where(a => HasAll(a.Street, wanted.Words)).Select(a => new SearchReason(kind, Address(a))));
                    break;
            }
        }
        return reasons.Distinct().ToList();
    }

    private static bool HasAll(string? name, IReadOnlyList<string> words)
    {
        var own = CaseSearchTerm.Words(name);
        return words.Count > 0 && words.All(w => own.Any(o => o.StartsWith(w, StringComparison.Ordinal)));
    }

    public static string Address(CaseAddress a) =>
        $"{a.Street} {a.HouseNumber}{a.HouseNumberAddition}, {Postcode.Display(a.Postcode)} {a.City}".Trim().TrimStart(',').Trim();

    private static readonly LocalDatePattern DutchDate = LocalDatePattern.CreateWithInvariantCulture("d-M-uuuu");

    [GeneratedRegex("^[0-9A-Fa-f]{8}$")]
    private static partial Regex CaseCode();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex Kvk();

    [GeneratedRegex(@"^\s*(?<postcode>[1-9][0-9]{3}\s*[A-Za-z]{2})(\s*(?<number>[0-9]{1,5})\s*[A-Za-z0-9-]{0,10})?\s*$")]
    private static partial Regex PostcodeAndNumber();
}
