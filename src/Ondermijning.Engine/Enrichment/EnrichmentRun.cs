using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// One pass of the pipeline over a case. Its existence marks the case as enriched, so the job for new
/// signals does not ask the registers twice; a user can still ask for another run.
/// </summary>
public sealed class EnrichmentRun
{
    private EnrichmentRun() { }

    public EnrichmentRunId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public Instant StartedAt { get; private set; }
    public Instant FinishedAt { get; private set; }
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    /// <summary>Registers that were switched off during this run, with the reason, so a thin result is explained.</summary>
    public string SkippedJson { get; private set; } = "[]";

    internal static EnrichmentRun Start(CaseId caseId, Instant now, Actor actor) => new()
    {
        Id = EnrichmentRunId.New(),
        CaseId = caseId,
        StartedAt = now,
        FinishedAt = now,
        RequestedById = actor.UserId,
        RequestedByName = actor.DisplayName,
    };

    internal void Finish(Instant now, IReadOnlyList<ProviderStatus> skipped)
    {
        FinishedAt = now;
        SkippedJson = System.Text.Json.JsonSerializer.Serialize(skipped.Select(s => s.Reason));
    }
}
