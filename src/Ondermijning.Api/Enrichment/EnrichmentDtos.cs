using System.Text.Json.Nodes;
using NodaTime;

namespace Ondermijning.Api.Enrichment;

public sealed class ProviderStatusDto
{
    public string Provider { get; init; } = "";
    public bool Enabled { get; init; }
    /// <summary>Why it is on or off; when off, which setting is missing.</summary>
    public string Reason { get; init; } = "";
}

public sealed class RecordedByDto
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary>Where a finding came from, precisely enough to ask the register again or to account for it afterwards.</summary>
public sealed class FindingProvenanceDto
{
    public string Register { get; init; } = "";
    public string SourceOrganisation { get; init; } = "";
    public string? RequestUrl { get; init; }
    public int? ResponseStatus { get; init; }
    public Instant RetrievedAt { get; init; }
    public RecordedByDto RecordedBy { get; init; } = new();
    /// <summary>The enrichment run that produced it; none for a manual finding.</summary>
    public Guid? RunId { get; init; }
    /// <summary>The register's answer exactly as received.</summary>
    public string? RawResponse { get; init; }
}

public sealed class FindingDto
{
    public Guid Id { get; init; }
    /// <summary>kvk, bag, kadaster, internet, social-media or news.</summary>
    public string Source { get; init; } = "";
    public string Kind { get; init; } = "";
    /// <summary>found, not-found or failed.</summary>
    public string Status { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Summary { get; init; } = "";
    public JsonNode? Facts { get; init; }
    public string? Link { get; init; }
    public LocalDate? ObservedOn { get; init; }
    public FindingProvenanceDto Provenance { get; init; } = new();
}

public sealed class EnrichmentRunDto
{
    public Guid RunId { get; init; }
    public Instant StartedAt { get; init; }
    public Instant FinishedAt { get; init; }
    public IReadOnlyList<FindingDto> Findings { get; init; } = [];
    /// <summary>Registers that were switched off, so not asked.</summary>
    public IReadOnlyList<ProviderStatusDto> SkippedProviders { get; init; } = [];
}

public sealed class ObservationDto
{
    public string Rule { get; init; } = "";
    public string Text { get; init; } = "";
    /// <summary>True for a red flag that points the same way as the signal.</summary>
    public bool SupportsSignal { get; init; }
    public IReadOnlyList<Guid> FindingIds { get; init; } = [];
}

public sealed class ProposalDto
{
    /// <summary>confirmed or not-confirmed: a proposal only; the OOV user decides.</summary>
    public string Proposal { get; init; } = "";
    public IReadOnlyList<ObservationDto> Observations { get; init; } = [];
}

public sealed class EnrichmentDecisionDto
{
    public bool Confirmed { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<Guid> FindingIds { get; init; } = [];
    /// <summary>What the engine proposed when the decision was taken.</summary>
    public string Proposal { get; init; } = "";
    public string Trigger { get; init; } = "";
    public Instant DecidedAt { get; init; }
    public RecordedByDto DecidedBy { get; init; } = new();
}
