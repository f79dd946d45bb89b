using Ondermijning.Api.Search;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Zoeken;

/// <summary>A case in a list of hits or links, as the pages show it: code, subject, stage, date received, and why it is there.</summary>
public sealed record ZaakTreffer(CaseId Id, string Code, string Subject, string Stage, string Received, IReadOnlyList<string> Why)
{
    public static ZaakTreffer From(CaseSearchHit hit) => From(hit.Case, hit.StageLabel, hit.Reasons);

    public static ZaakTreffer From(RelatedCase related) => From(related.Case, related.StageLabel, related.Shared);

    private static ZaakTreffer From(Engine.Cases.Case c, string stage, IReadOnlyList<SearchReason> reasons) => new(
        c.Id, Pages.IndexModel.Short(c.Id), SearchSubjects.Of(c) ?? "Geen betrokkenen bekend", stage,
        Dutch.Date(c.ReceivedAt),
        reasons.Select(r => $"{Kind(r.Kind)}: {r.Value}").ToList());

    public static string Kind(SearchTermKind kind) => kind switch
    {
        SearchTermKind.CaseCode => "zaakcode",
        SearchTermKind.KvkNumber => "KvK-nummer",
        SearchTermKind.CompanyWord => "bedrijf",
        SearchTermKind.PersonWord or SearchTermKind.Person => "persoon",
        SearchTermKind.Postcode or SearchTermKind.Address => "adres",
        SearchTermKind.StreetWord => "straat",
        _ => "gegeven",
    };
}
