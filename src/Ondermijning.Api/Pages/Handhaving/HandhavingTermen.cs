using Ondermijning.Engine.Interventions;
using Ondermijning.Api.Problems;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>The Dutch words for the choices of the enforcement records; the option values are the API's spelling.</summary>
public static class HandhavingTermen
{
    public static readonly IReadOnlyDictionary<BibobKind, string> BibobSoort = new Dictionary<BibobKind, string>
    {
        [BibobKind.QuickScan] = "Quickscan",
        [BibobKind.InDepth] = "Verdiepend onderzoek",
    };

    public static readonly IReadOnlyDictionary<BibobOutcome, string> BibobUitkomst = new Dictionary<BibobOutcome, string>
    {
        [BibobOutcome.NoObjection] = "Geen bezwaar",
        [BibobOutcome.PermitOrManagerRefused] = "Vergunning of leidinggevende geweigerd",
        [BibobOutcome.WithdrawnOrNotProcessed] = "Aanvraag ingetrokken of buiten behandeling gelaten",
        [BibobOutcome.AdviceAskedOfLbb] = "Advies gevraagd aan het Landelijk Bureau Bibob",
    };

    public static readonly IReadOnlyDictionary<StreetDealingParty, string> Partij = new Dictionary<StreetDealingParty, string>
    {
        [StreetDealingParty.Buyer] = "Koper",
        [StreetDealingParty.Seller] = "Verkoper",
    };

    public static readonly IReadOnlyDictionary<AwarenessActivityKind, string> Activiteit = new Dictionary<AwarenessActivityKind, string>
    {
        [AwarenessActivityKind.Workshop] = "Workshop tijdens een organisatie- of teambijeenkomst",
        [AwarenessActivityKind.ActionDay] = "Actiedag onder inwoners",
    };

    public static readonly IReadOnlyDictionary<PhenomenonSubject, string> Onderwerp = new Dictionary<PhenomenonSubject, string>
    {
        [PhenomenonSubject.Branch] = "Branche",
        [PhenomenonSubject.Area] = "Gebied (vier postcodecijfers)",
        [PhenomenonSubject.TargetGroup] = "Doelgroep",
    };

    public static readonly IReadOnlyDictionary<PhenomenonStudyOrigin, string> Aanleiding = new Dictionary<PhenomenonStudyOrigin, string>
    {
        [PhenomenonStudyOrigin.Mot] = "Besproken in de MOT",
        [PhenomenonStudyOrigin.Proposal] = "Op voorstel (veel signalen over hetzelfde onderwerp)",
    };

    public static readonly IReadOnlyDictionary<PhenomenonStudyStatus, string> Stand = new Dictionary<PhenomenonStudyStatus, string>
    {
        [PhenomenonStudyStatus.Running] = "Loopt",
        [PhenomenonStudyStatus.Completed] = "Afgerond",
        [PhenomenonStudyStatus.Stopped] = "Gestopt",
    };

    /// <summary>The value an option posts: the choice as the API spells it, so one parser reads both.</summary>
    public static string Waarde<T>(T value) where T : struct, Enum => Mapping.ApiSpelling.Kebab(value);
}
