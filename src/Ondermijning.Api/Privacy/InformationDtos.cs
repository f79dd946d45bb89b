using NodaTime;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;

namespace Ondermijning.Api.Privacy;

public sealed class InformationItemDto
{
    public Guid Id { get; init; }
    /// <summary>open, half-open or closed.</summary>
    [ChoiceList(nameof(ChoiceLists.InformationCategories))]
    public string Category { get; init; } = "";
    public string SourceOrganisation { get; init; } = "";
    /// <summary>The grondslag on which the source shares this.</summary>
    public string LegalBasis { get; init; } = "";
    public string Content { get; init; } = "";
    /// <summary>ZGW vertrouwelijkheidaanduiding, e.g. vertrouwelijk.</summary>
    [ChoiceList(nameof(ChoiceLists.ConfidentialityLevels))]
    public string Confidentiality { get; init; } = "";
    /// <summary>The date of the information itself, as its source gives it; not when it was added.</summary>
    public LocalDate? InformationDate { get; init; }
    public string AddedAtStage { get; init; } = "";
    public string AddedAtSeverity { get; init; } = "";
    public Instant AddedAt { get; init; }
    public string AddedBy { get; init; } = "";
    public string AddedByOrganisation { get; init; } = "";
    public Instant? ErasedAt { get; init; }
}

/// <summary>The items the user may read; of the others only their number.</summary>
public sealed class InformationItemListDto
{
    public IReadOnlyList<InformationItemDto> Items { get; init; } = [];
    public int WithheldItemCount { get; init; }
}

public sealed class CaseExportDto
{
    public Instant ExportedAt { get; init; }
    public string ExportedBy { get; init; } = "";
    public string ExportedByOrganisation { get; init; } = "";
    public CaseDetailDto Case { get; init; } = new();
}

public sealed class ItemSearchHitDto
{
    public Guid CaseId { get; init; }
    public string Municipality { get; init; } = "";
    public InformationItemDto Item { get; init; } = new();
}

public sealed class ItemSearchResultDto
{
    public string Query { get; init; } = "";
    public IReadOnlyList<ItemSearchHitDto> Hits { get; init; } = [];
}

public sealed class AccessLogRecordDto
{
    public long Sequence { get; init; }
    /// <summary>1 for records from before the processing activity, data subject, trace id and municipality were logged.</summary>
    public int FormatVersion { get; init; }
    public Instant At { get; init; }
    public string UserId { get; init; } = "";
    public string Organisation { get; init; } = "";
    /// <summary>The case's municipality (CBS code).</summary>
    public string? Municipality { get; init; }
    public Guid? CaseId { get; init; }
    public Guid? ItemId { get; init; }
    public string Action { get; init; } = "";
    /// <summary>The processing activity, a stable id such as <c>informatie-inzien</c> or <c>dossier-exporteren</c>.</summary>
    public string? ProcessingActivity { get; init; }
    /// <summary>How the data subject is referred to (<c>zaak</c>: the case stands for the persons concerned) and the reference.</summary>
    public string? DataSubjectType { get; init; }
    public string? DataSubjectId { get; init; }
    /// <summary>The W3C trace id of the request that did it.</summary>
    public string? TraceId { get; init; }
    public string Purpose { get; init; } = "";
    public string LegalBasis { get; init; } = "";
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}

public sealed class AccessLogVerificationDto
{
    public bool Intact { get; init; }
    public long RecordCount { get; init; }
    public long? BrokenAtSequence { get; init; }
    /// <summary>When the newest records were cut off: the last record an anchor outside the database names.</summary>
    public long? AnchoredSequence { get; init; }
    public string Message { get; init; } = "";
}

public sealed class RetentionResultDto
{
    public int ErasedCases { get; init; }
    public int ErasedItems { get; init; }
}
