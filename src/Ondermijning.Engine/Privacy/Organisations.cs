using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

/// <summary>A partner organisation in the chain, by its id as definitions, claims and configuration spell it ("riec", "fiod", …).</summary>
public readonly record struct OrganisationId(string Value)
{
    public override string ToString() => Value;
}

public sealed record Organisation(OrganisationId Id, string Name);

/// <summary>
/// The organisations that take part in the chain. The list is closed on purpose: a gate or a sign-in that names
/// anything else is a mistake, and sharing information with an organisation nobody reviewed would break the protocol.
/// </summary>
public static class Organisations
{
    public static readonly OrganisationId Gemeente = new("gemeente");
    public static readonly OrganisationId Riec = new("riec");
    public static readonly OrganisationId Politie = new("politie");
    public static readonly OrganisationId Belastingdienst = new("belastingdienst");
    public static readonly OrganisationId Fiod = new("fiod");
    public static readonly OrganisationId SocialeRecherche = new("sociale-recherche");
    public static readonly OrganisationId HandhavingWabo = new("handhaving-wabo");
    public static readonly OrganisationId HandhavingOpenbareRuimte = new("handhaving-openbare-ruimte");
    public static readonly OrganisationId Vergunningen = new("vergunningen");
    public static readonly OrganisationId Burgerzaken = new("burgerzaken");
    public static readonly OrganisationId Bedrijvencontactpunt = new("bedrijvencontactpunt");
    public static readonly OrganisationId Nvwa = new("nvwa");
    public static readonly OrganisationId Douane = new("douane");

    public static readonly IReadOnlyList<Organisation> All =
    [
        new(Gemeente, "Gemeente (OOV)"),
        new(Riec, "RIEC"),
        new(Politie, "Politie"),
        new(Belastingdienst, "Belastingdienst"),
        new(Fiod, "FIOD"),
        new(SocialeRecherche, "Sociale Recherche"),
        new(HandhavingWabo, "Handhaving Wabo"),
        new(HandhavingOpenbareRuimte, "Handhaving Openbare Ruimte"),
        new(Vergunningen, "Vergunningen"),
        new(Burgerzaken, "Burgerzaken"),
        new(Bedrijvencontactpunt, "Bedrijvencontactpunt"),
        new(Nvwa, "NVWA (ketenpartner)"),
        new(Douane, "Douane (ketenpartner)"),
    ];

    private static readonly Dictionary<OrganisationId, Organisation> ById = All.ToDictionary(o => o.Id);

    public static bool IsKnown(OrganisationId id) => ById.ContainsKey(id);

    public static string NameOf(OrganisationId id) => ById.TryGetValue(id, out var organisation) ? organisation.Name : id.Value;

    /// <summary>Who sits at each table when a municipality configures nothing else: the membership the domain describes.</summary>
    public static readonly IReadOnlyDictionary<ChainTable, IReadOnlySet<OrganisationId>> DefaultSeating = new Dictionary<ChainTable, IReadOnlySet<OrganisationId>>
    {
        [ChainTable.Lwo] = new HashSet<OrganisationId>
        {
            Riec, Vergunningen, Bedrijvencontactpunt, Burgerzaken, SocialeRecherche, Politie, HandhavingOpenbareRuimte, HandhavingWabo, Gemeente,
        },
        [ChainTable.Atom] = new HashSet<OrganisationId> { Politie, HandhavingOpenbareRuimte, HandhavingWabo, SocialeRecherche, Gemeente },
        [ChainTable.Mot] = new HashSet<OrganisationId> { Riec, Belastingdienst, Fiod, Politie, SocialeRecherche, Gemeente },
    };
}
