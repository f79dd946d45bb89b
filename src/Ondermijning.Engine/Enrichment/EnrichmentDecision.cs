using System.Text.Json;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// The OOV user's verdict on the open sources, kept next to the engine's proposal at that moment, so it
/// stays accountable afterwards which findings the decision rested on and whether it followed the proposal.
/// </summary>
public sealed class EnrichmentDecision
{
    private EnrichmentDecision() { }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public bool Confirmed { get; private set; }
    public string? Reason { get; private set; }
    public string FindingIdsJson { get; private set; } = "[]";
    public ProposalVerdict Proposal { get; private set; }
    public TriggerId Trigger { get; private set; }
    public Instant DecidedAt { get; private set; }
    public string DecidedById { get; private set; } = "";
    public string DecidedByName { get; private set; } = "";

    public IReadOnlyList<FindingId> FindingIds =>
        (JsonSerializer.Deserialize<List<Guid>>(FindingIdsJson) ?? []).Select(g => new FindingId(g)).ToList();

    internal static EnrichmentDecision Record(CaseId caseId, bool confirmed, string? reason, IReadOnlyList<FindingId> findings,
        ProposalVerdict proposal, TriggerId trigger, Instant now, Actor actor) => new()
    {
        CaseId = caseId,
        Confirmed = confirmed,
        Reason = reason,
        FindingIdsJson = JsonSerializer.Serialize(findings.Select(f => f.Value)),
        Proposal = proposal,
        Trigger = trigger,
        DecidedAt = now,
        DecidedById = actor.UserId,
        DecidedByName = actor.DisplayName,
    };
}
