using Hangfire;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Jobs;

public static class JobNames
{
    public const string Escalation = "escalation";
    public const string MonthlyOverview = "monthly-overview";
    public const string AnnualDraft = "annual-draft";
    public const string Enrichment = "enrichment";
    public const string Retention = "retention";
    public const string AccessLogAnchor = "access-log-anchor";

    public static readonly IReadOnlyList<string> All = [Escalation, MonthlyOverview, AnnualDraft, Enrichment, Retention, AccessLogAnchor];
}

/// <summary>
/// The recurring jobs. Each is a thin shell around one engine service that finds its work in the database and
/// is safe to run twice, because Hangfire runs a job at least once. A failure is recorded with its reason,
/// then rethrown so Hangfire shows it and retries with growing delays.
/// </summary>
/// <remarks>
/// A run never overlaps the previous run of the same job (a slow enrichment once enriched 503 cases twice): the next one waits
/// for the lock on the job, and if the previous run still holds it after a minute, it fails and is retried later.
/// </remarks>
[AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
[DisableConcurrentExecution(timeoutInSeconds: 60)]
public sealed class EngineJobs(JobRuns runs, EscalateOverdueCases escalation, ProduceReportSnapshot reports, EnrichNewSignals enrichment,
    RetentionPurge retention, AccessLog accessLog)
{
    [JobDisplayName("Escalate overdue cases")]
    public Task EscalateOverdueCasesAsync(CancellationToken cancellationToken) =>
        runs.RecordAsync(JobNames.Escalation, async ct => $"{await escalation.RunAsync(ct)} case(s) escalated", cancellationToken);

    [JobDisplayName("Enrich new signals from the open registers")]
    public Task EnrichNewSignalsAsync(CancellationToken cancellationToken) =>
        runs.RecordAsync(JobNames.Enrichment, async ct => $"{await enrichment.RunAsync(ct)} case(s) enriched", cancellationToken);

    [JobDisplayName("Erase personal data past its retention period")]
    public Task PurgeExpiredPersonalDataAsync(CancellationToken cancellationToken) =>
        runs.RecordAsync(JobNames.Retention, async ct =>
        {
            var result = await retention.RunAsync(RetentionPurge.Job, ct);
            return $"{result.ErasedCases} case(s), {result.ErasedItems} item(s) erased";
        }, cancellationToken);

    [JobDisplayName("Write the access log's head to the anchor file")]
    public Task AnchorAccessLogAsync(CancellationToken cancellationToken) =>
        runs.RecordAsync(JobNames.AccessLogAnchor, async ct => await accessLog.AnchorAsync(ct) is { } anchor
            ? $"anchored record {anchor.Sequence}"
            : "nothing new to anchor", cancellationToken);

    [JobDisplayName("Produce the monthly overview")]
    public Task ProduceMonthlyOverviewAsync(CancellationToken cancellationToken) =>
        ProduceAsync(JobNames.MonthlyOverview, ReportKind.MonthlyOverview, cancellationToken);

    [JobDisplayName("Produce the annual draft")]
    public Task ProduceAnnualDraftAsync(CancellationToken cancellationToken) =>
        ProduceAsync(JobNames.AnnualDraft, ReportKind.AnnualDraft, cancellationToken);

    private Task ProduceAsync(string job, ReportKind kind, CancellationToken cancellationToken) =>
        runs.RecordAsync(job, async ct =>
        {
            var produced = await reports.RunAsync(kind, ct);
            return produced.Count == 0
                ? "nothing to produce"
                : "produced " + string.Join(", ", produced.Select(p => $"{p.Start:yyyy-MM-dd}..{p.End:yyyy-MM-dd}"));
        }, cancellationToken);
}
