namespace Ondermijning.Engine.Privacy;

/// <summary>How open the source of a piece of information is; the privacy protocol gates everything but open sources.</summary>
public enum InformationCategory
{
    /// <summary>KvK, Kadaster, BAG, internet: usable from the start.</summary>
    Open,
    /// <summary>BRP, permits, the reports desk.</summary>
    HalfOpen,
    /// <summary>Police, fiscal (Belastingdienst, FIOD), Sociale Recherche, RIEC analysis.</summary>
    Closed,
}

/// <summary>The ZGW vertrouwelijkheidaanduiding, in its own order from least to most confidential.</summary>
public enum Confidentiality
{
    Openbaar,
    BeperktOpenbaar,
    Intern,
    Zaakvertrouwelijk,
    Vertrouwelijk,
    Confidentieel,
    Geheim,
    ZeerGeheim,
}

/// <summary>The words definitions and the API use for categories and confidentiality levels.</summary>
public static class InformationTerms
{
    public static readonly IReadOnlyDictionary<string, InformationCategory> Categories = new Dictionary<string, InformationCategory>
    {
        ["open"] = InformationCategory.Open,
        ["half-open"] = InformationCategory.HalfOpen,
        ["closed"] = InformationCategory.Closed,
    };

    public static readonly IReadOnlyDictionary<string, Confidentiality> ConfidentialityLevels = new Dictionary<string, Confidentiality>
    {
        ["openbaar"] = Confidentiality.Openbaar,
        ["beperkt_openbaar"] = Confidentiality.BeperktOpenbaar,
        ["intern"] = Confidentiality.Intern,
        ["zaakvertrouwelijk"] = Confidentiality.Zaakvertrouwelijk,
        ["vertrouwelijk"] = Confidentiality.Vertrouwelijk,
        ["confidentieel"] = Confidentiality.Confidentieel,
        ["geheim"] = Confidentiality.Geheim,
        ["zeer_geheim"] = Confidentiality.ZeerGeheim,
    };

    public static string Name(InformationCategory category) => Categories.Single(c => c.Value == category).Key;
    public static string Name(Confidentiality level) => ConfidentialityLevels.Single(c => c.Value == level).Key;
}
