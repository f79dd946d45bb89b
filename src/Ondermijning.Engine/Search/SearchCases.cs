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

/// <summary>One page of the hits, newest received first, with how many cases match in all (<see cref="Total"/>).</summary>
public sealed record SearchResult(string Query, IReadOnlyList<CaseSearchHit> Hits, int Total, int Page, int PageSize)
{
    public bool More => Page * PageSize < Total;
}

/// <summary>
/// Finds cases by what a user knows of them: the case code (short or full), a KvK number, a postcode with or without house
/// number, or words of a company's, person's or street's name (optionally with a birth date). Every lookup is a range on
/// the indexed <see cref="CaseSearchTerm"/>s within the user's municipalities; the database counts the matching cases and
/// returns one page of them, so a common name costs no more than a rare one; what comes back passes the access gate.
/// </summary>
public sealed partial class SearchCases(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog)
{
    public const int MaxHits = 50;
    public const int MaxQueryLength = 200;
    /// <summary>Far beyond what anyone pages through; keeps the offset the database skips bounded.</summary>
    public const int MaxPage = 1000;

    public async Task<SearchResult> HandleAsync(string? query, Actor actor, CancellationToken cancellationToken = default, int page = 1)
    {
        AccessGate.Require(actor, Permission.ReadCase);
        var text = (query ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (text.Length is 0 or > MaxQueryLength || text.Any(char.IsControl) || text.Any(char.IsSurrogate))
            errors["q"] = [$"Type what you are looking for (1 to {MaxQueryLength} characters): a case code, a KvK number, a postcode and house number, or a name."];
        if (page is < 1 or > MaxPage) errors["page"] = [$"Pages are numbered from 1 to {MaxPage}."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors);

        var wanted = Interpret(text);
        var matching = Matching(wanted, actor);
        var total = await matching.CountAsync(cancellationToken);
        var cases = await db.WithSubjectsAsync(matching
            .OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Skip((page - 1) * MaxHits).Take(MaxHits), cancellationToken);
        // The query already keeps to the user's municipalities; the gate is asked again for every case shown.
        var hits = cases
            .Where(c => actor.WorksFor(c.Municipality) && gate.Allows(c, actor, Permission.ReadCase))
            .Select(c => new CaseSearchHit(c, catalog.Get(c.Definition).Stage(c.Stage).Label, Reasons(c, wanted)))
            .ToList();
        return new SearchResult(text, hits, total, page, MaxHits);
    }

    /// <summary>
    /// The cases of the user's municipalities that match, driven by the (kind, municipality, term) index: the terms select
    /// the cases, every further word of a name must start a word of the same kind of name on the case, a birth date must be
    /// a person's.
    /// </summary>
    private IQueryable<Case> Matching(Wanted wanted, Actor actor)
    {
        var municipalities = actor.Municipalities.ToList();
        var terms = db.Set<CaseSearchTerm>().AsNoTracking().Where(t => municipalities.Contains(t.Municipality));
        IQueryable<CaseId>? ids = null;
        foreach (var (kinds, term, prefix) in wanted.Lookups)
        {
            var upper = term + '\uffff';
            var found = prefix
                ? terms.Where(t => kinds.Contains(t.Kind) && string.Compare(t.Term, term) >= 0 && string.Compare(t.Term, upper) < 0)
                : terms.Where(t => kinds.Contains(t.Kind) && t.Term == term);
            foreach (var word in prefix ? wanted.Words.Where(w => w != term) : [])
            {
                var wordUpper = word + '\uffff';
                found = found.Where(t => db.Set<CaseSearchTerm>().Any(o => o.CaseId == t.CaseId && o.Kind == t.Kind
                    && string.Compare(o.Term, word) >= 0 && string.Compare(o.Term, wordUpper) < 0));
            }
            var caseIds = found.Select(t => t.CaseId);
            ids = ids is null ? caseIds : ids.Concat(caseIds);
        }

        // Counted and paged at the database, so a case found by content a case gate withholds is left out before counting.
        var cases = gate.WithContent(db.Cases.AsNoTracking().VisibleTo(actor), actor);
        cases = (ids, wanted.FullId) switch
        {
            (null, { } full) => cases.Where(c => c.Id == full),
            ({ } some, { } full) => cases.Where(c => c.Id == full || some.Contains(c.Id)),
            ({ } some, null) => cases.Where(c => some.Contains(c.Id)),
            _ => cases.Where(c => false),
        };
        if (wanted.BirthDate is { } date) cases = cases.Where(c => c.Persons.Any(p => p.BirthDate == date));
        return cases;
    }

    private sealed record Wanted(List<(List<SearchTermKind> Kinds, string Term, bool Prefix)> Lookups, List<string> Words, LocalDate? BirthDate, CaseId? FullId);

    private static Wanted Interpret(string text)
    {
        var lookups = new List<(List<SearchTermKind>, string, bool)>();
        CaseId? full = CaseId.TryParse(text, out var id) ? id : null;
        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

        // A KvK number is also a valid case code: one lookup of either kind.
        var exact = new List<SearchTermKind>();
        if (CaseCode().IsMatch(compact)) exact.Add(SearchTermKind.CaseCode);
        if (Kvk().IsMatch(compact)) exact.Add(SearchTermKind.KvkNumber);
        if (exact.Count > 0) lookups.Add((exact, compact.ToLowerInvariant(), false));
        if (PostcodeAndNumber().Match(text) is { Success: true } address)
        {
            var postcode = CaseSearchTerm.NormalisePostcode(address.Groups["postcode"].Value);
            lookups.Add(address.Groups["number"].Success
                ? ([SearchTermKind.Address], CaseSearchTerm.AddressKey(postcode, int.Parse(address.Groups["number"].Value)), false)
                : ([SearchTermKind.Postcode], postcode, false));
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
            lookups.Add(([SearchTermKind.CompanyWord, SearchTermKind.PersonWord, SearchTermKind.StreetWord], key, true));
        }
        return new Wanted(lookups, words, birthDate, full);
    }

    /// <summary>
    /// What of the case made it a hit, in the case's own words, so a user sees why it is in the list: the names that hold
    /// every word (and the birth date), or, when the words are spread over several names of the case (the database matches
    /// words per kind of name, not per name), each name that holds one of them.
    /// </summary>
    private static List<SearchReason> Reasons(Case c, Wanted wanted) =>
        Reasons(c, wanted, together: true) is { Count: > 0 } reasons ? reasons : Reasons(c, wanted, together: false);

    private static List<SearchReason> Reasons(Case c, Wanted wanted, bool together)
    {
        bool Holds(string? name) => together ? HasAll(name, wanted.Words) : wanted.Words.Any(w => HasAll(name, [w]));
        var reasons = new List<SearchReason>();
        if (wanted.FullId == c.Id) reasons.Add(new(SearchTermKind.CaseCode, CaseSearchTerm.CaseCode(c.Id).ToUpperInvariant()));
        foreach (var (kind, term) in wanted.Lookups.SelectMany(l => l.Kinds.Select(k => (k, l.Term))))
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
                    reasons.AddRange(c.Companies.Where(co => Holds(co.Name)).Select(co => new SearchReason(kind, co.Name!)));
                    break;
                case SearchTermKind.PersonWord:
                    reasons.AddRange(c.Persons.Where(p => Holds(p.Name) && (!together || wanted.BirthDate is null || p.BirthDate == wanted.BirthDate))
                        .Select(p => new SearchReason(kind, p.BirthDate is { } d ? $"{p.Name} ({LocalDatePattern.Iso.Format(d)})" : p.Name)));
                    break;
                case SearchTermKind.StreetWord:
                    reasons.AddRange(c.Addresses.Where(a => Holds(a.Street)).Select(a => new SearchReason(kind, Address(a))));
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
