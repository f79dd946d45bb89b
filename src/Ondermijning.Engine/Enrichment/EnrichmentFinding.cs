using System.Text.Json;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Enrichment;

public readonly record struct FindingId(Guid Value)
{
    public static FindingId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct EnrichmentRunId(Guid Value)
{
    public static EnrichmentRunId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>The open source a finding comes from.</summary>
public enum FindingSource
{
    Kvk,
    Bag,
    /// <summary>Land-registry (BRK) ownership: no public API, so always imported or entered by hand.</summary>
    Kadaster,
    Internet,
    SocialMedia,
    News,
}

public enum FindingKind
{
    KvkProfile,
    KvkSearch,
    /// <summary>How many registrations the Handelsregister has at one address.</summary>
    KvkCompaniesAtAddress,
    BagAddress,
    BagVerblijfsobject,
    BagPand,
    Manual,
}

public enum FindingStatus
{
    Found,
    /// <summary>The register answered that it does not know the subject: itself a fact worth keeping.</summary>
    NotFound,
    /// <summary>The register could not be asked or gave an unreadable answer; the summary says why.</summary>
    Failed,
}

/// <summary>
/// One open-source fact about a case, with where and when it came from. Deliberately one finding per
/// register answer (or per manual entry), so each maps one-to-one onto an open-source information item:
/// category open, <see cref="SourceOrganisation"/> as the source, the public nature of the register as the
/// legal basis, <see cref="Summary"/> and <see cref="FactsJson"/> as content, no confidentiality.
/// Never changed once written, except by retention (<see cref="Erase"/>); a new enrichment run adds new findings.
/// </summary>
public sealed class EnrichmentFinding
{
    private EnrichmentFinding() { }

    public FindingId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    /// <summary>The pipeline run that produced it; none for a manual finding.</summary>
    public EnrichmentRunId? RunId { get; private set; }
    public FindingSource Source { get; private set; }
    public FindingKind Kind { get; private set; }
    public FindingStatus Status { get; private set; }
    /// <summary>What was looked up: a KvK number, "name, place", or "postcode house number".</summary>
    public string Subject { get; private set; } = "";
    /// <summary>A short Dutch sentence for the policy adviser.</summary>
    public string Summary { get; private set; } = "";
    public string FactsJson { get; private set; } = "{}";
    /// <summary>The request as sent, without keys (they travel in headers).</summary>
    public string? RequestUrl { get; private set; }
    public int? ResponseStatus { get; private set; }
    /// <summary>The register's answer exactly as received, kept for audit.</summary>
    public string? RawResponse { get; private set; }
    /// <summary>When the register answered (a cached answer keeps its original moment), or when a manual finding was recorded.</summary>
    public Instant RetrievedAt { get; private set; }
    /// <summary>The user, or the job, on whose behalf it was retrieved or entered.</summary>
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public string? Link { get; private set; }
    /// <summary>For a manual finding: the date of the publication or observation.</summary>
    public LocalDate? ObservedOn { get; private set; }
    /// <summary>The information item it was shared as; its gate decides who reads the finding. None for a failed lookup.</summary>
    public InformationItemId? ItemId { get; private set; }

    internal void SharedAs(InformationItem item) => ItemId = item.Id;

    public string SourceOrganisation => Source switch
    {
        FindingSource.Kvk => "Kamer van Koophandel (Handelsregister)",
        FindingSource.Bag => "Kadaster (Basisregistratie Adressen en Gebouwen)",
        FindingSource.Kadaster => "Kadaster (Basisregistratie Kadaster)",
        FindingSource.Internet => "Internet",
        FindingSource.SocialMedia => "Sociale media",
        FindingSource.News => "Nieuwsmedia",
        _ => Source.ToString(),
    };

    /// <summary>
    /// At the end of the retention period what the registers and the internet said about the case's subjects goes, as
    /// their names and addresses go from the case: the subject, the summary, the facts, the request (it names the KvK
    /// number or the name and place asked about), the raw answer and the link. Which register was asked, when, on whose
    /// behalf and with what outcome stays, as the provenance of what was decided on it.
    /// </summary>
    internal void Erase()
    {
        Subject = Case.ErasedText;
        Summary = Case.ErasedText;
        FactsJson = "{}";
        RequestUrl = null;
        RawResponse = null;
        Link = null;
    }

    internal T? Facts<T>() => JsonSerializer.Deserialize<T>(FactsJson, FactsJsonOptions);

    internal static readonly JsonSerializerOptions FactsJsonOptions = new(JsonSerializerDefaults.Web);

    internal static EnrichmentFinding FromRegister(CaseId caseId, EnrichmentRunId runId, FindingSource source, FindingKind kind,
        string subject, FindingStatus status, string summary, object? facts, RegisterCall call, Actor recordedBy) => new()
    {
        Id = FindingId.New(),
        CaseId = caseId,
        RunId = runId,
        Source = source,
        Kind = kind,
        Status = status,
        Subject = subject,
        Summary = summary,
        FactsJson = facts is null ? "{}" : JsonSerializer.Serialize(facts, facts.GetType(), FactsJsonOptions),
        RequestUrl = call.RequestUrl,
        ResponseStatus = call.StatusCode,
        RawResponse = call.Body,
        RetrievedAt = call.RetrievedAt,
        RecordedById = recordedBy.UserId,
        RecordedByName = recordedBy.DisplayName,
    };

    internal static EnrichmentFinding Manual(CaseId caseId, FindingSource source, string subject, string note, string? link,
        LocalDate observedOn, string factsJson, Instant now, Actor recordedBy) => new()
    {
        Id = FindingId.New(),
        CaseId = caseId,
        Source = source,
        Kind = FindingKind.Manual,
        Status = FindingStatus.Found,
        Subject = subject,
        Summary = note,
        FactsJson = factsJson,
        Link = link,
        ObservedOn = observedOn,
        RetrievedAt = now,
        RecordedById = recordedBy.UserId,
        RecordedByName = recordedBy.DisplayName,
    };
}
