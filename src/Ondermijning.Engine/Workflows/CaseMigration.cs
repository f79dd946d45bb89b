using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

public enum MigrationStatus { Queued, Running, Done, Failed }

public enum MigrationCaseStatus
{
    Pending,
    Migrated,
    /// <summary>The case was already on the target when its turn came (a retried run, or another migration moved it first).</summary>
    Skipped,
    Failed,
}

/// <summary>Why the job left a case where it was.</summary>
public enum MigrationFailure
{
    /// <summary>The requester no longer works for its municipality, or a case gate now hides it from them.</summary>
    NoLongerVisible,
    /// <summary>Something else moved it to another version after the migration was requested.</summary>
    OnAnotherVersion,
    /// <summary>It took a step after the migration was requested; the mapping was made for the stage it was at.</summary>
    AtAnotherStage,
}

/// <summary>
/// A migration as requested: which cases (chosen when it was requested, with the requester's access), where each goes, and
/// how far the background job has come. The job works through <see cref="Cases"/> in batches, so what it did survives a
/// crash or a lost queue and a retried run continues where the last one stopped.
/// </summary>
public sealed class CaseMigration
{
    public const int MaxErrorLength = 2000;

    private CaseMigration() { }

    internal CaseMigration(Guid id, DefinitionKey from, DefinitionKey to, IReadOnlyDictionary<StageId, StageId> stageMapping,
        IReadOnlyDictionary<Severity, Severity> severityMapping, string reason, Actor requester, Instant now, IEnumerable<CaseMigrationCase> cases)
    {
        Id = id;
        FromWorkflow = from.Workflow;
        FromVersion = from.Version;
        ToWorkflow = to.Workflow;
        ToVersion = to.Version;
        StageMappingJson = JsonSerializer.Serialize(stageMapping.ToDictionary(kv => kv.Key.Value, kv => kv.Value.Value));
        SeverityMappingJson = JsonSerializer.Serialize(severityMapping.ToDictionary(kv => kv.Key.Value, kv => kv.Value.Value));
        Reason = reason;
        RequestedBy = requester.UserId;
        RequestedByName = requester.DisplayName;
        RequestedByOrganisation = requester.Organisation;
        RequesterRoles = requester.Roles.Select(r => r.Value).Order().ToList();
        Municipalities = requester.Municipalities.Select(m => m.Value).Order().ToList();
        RequestedAt = now;
        Status = MigrationStatus.Queued;
        Cases = cases.ToList();
        Total = Cases.Count;
    }

    public Guid Id { get; private set; }
    public WorkflowId FromWorkflow { get; private set; }
    public int FromVersion { get; private set; }
    public WorkflowId ToWorkflow { get; private set; }
    public int ToVersion { get; private set; }
    public string StageMappingJson { get; private set; } = "{}";
    public string SeverityMappingJson { get; private set; } = "{}";
    public string Reason { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public OrganisationId RequestedByOrganisation { get; private set; }
    /// <summary>The requester's roles and municipalities as they were: the job acts as the requester, and case gates read roles.</summary>
    public List<string> RequesterRoles { get; private set; } = [];
    /// <summary>Only someone who works for all of them may follow the migration: it names cases of each.</summary>
    public List<string> Municipalities { get; private set; } = [];
    public Instant RequestedAt { get; private set; }
    public Instant? StartedAt { get; private set; }
    public Instant? FinishedAt { get; private set; }
    public MigrationStatus Status { get; private set; }
    public int Total { get; private set; }
    public int DoneCount { get; private set; }
    /// <summary>Why the last run of the job stopped, while it is <see cref="MigrationStatus.Failed"/>; a retry takes it up again.</summary>
    public string? Error { get; private set; }
    public List<CaseMigrationCase> Cases { get; private set; } = [];

    public IReadOnlyDictionary<string, string> StageMapping => JsonSerializer.Deserialize<Dictionary<string, string>>(StageMappingJson) ?? [];
    public IReadOnlyDictionary<string, string> SeverityMapping => JsonSerializer.Deserialize<Dictionary<string, string>>(SeverityMappingJson) ?? [];
    public DefinitionKey From => new(FromWorkflow, FromVersion);
    public DefinitionKey To => new(ToWorkflow, ToVersion);

    public Actor Requester => new(RequestedBy, RequestedByName, RequestedByOrganisation, RequesterRoles.Select(r => new Role(r)).ToHashSet(),
        Municipalities.Select(MunicipalityCode.Parse).ToHashSet());

    internal void Start(Instant now)
    {
        Status = MigrationStatus.Running;
        StartedAt ??= now;
        Error = null;
    }

    internal void Progress(int done) => DoneCount = done;

    internal void Finish(Instant now)
    {
        Status = MigrationStatus.Done;
        FinishedAt = now;
    }

    internal void Fail(Instant now, Exception exception)
    {
        Status = MigrationStatus.Failed;
        FinishedAt = now;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }
}

/// <summary>One case of a migration, with where it goes and what became of it.</summary>
public sealed class CaseMigrationCase
{
    private CaseMigrationCase() { }

    internal CaseMigrationCase(Guid migrationId, int position, CaseId caseId, StageId fromStage, StageId targetStage, Severity targetSeverity)
    {
        MigrationId = migrationId;
        Position = position;
        CaseId = caseId;
        FromStage = fromStage;
        TargetStage = targetStage;
        TargetSeverity = targetSeverity;
        Status = MigrationCaseStatus.Pending;
    }

    public Guid MigrationId { get; private set; }
    /// <summary>The order the job takes the cases in, so batches are stable across retries.</summary>
    public int Position { get; private set; }
    public CaseId CaseId { get; private set; }
    public StageId FromStage { get; private set; }
    public StageId TargetStage { get; private set; }
    public Severity TargetSeverity { get; private set; }
    public MigrationCaseStatus Status { get; private set; }
    /// <summary>Why the case was not migrated, when it failed.</summary>
    public MigrationFailure? Failure { get; private set; }

    internal void Migrated() => Status = MigrationCaseStatus.Migrated;
    internal void Skipped() => Status = MigrationCaseStatus.Skipped;

    internal void Failed(MigrationFailure why)
    {
        Status = MigrationCaseStatus.Failed;
        Failure = why;
    }

    /// <summary>The failure as the API words it.</summary>
    public static string Explain(MigrationFailure failure) => failure switch
    {
        MigrationFailure.NoLongerVisible => "The requester may no longer see this case.",
        MigrationFailure.OnAnotherVersion => "The case was moved to another version after the migration was requested.",
        _ => "The case took a step after the migration was requested; the mapping was made for the stage it was at. Migrate it again.",
    };
}

internal sealed class CaseMigrationConfiguration : IEntityTypeConfiguration<CaseMigration>
{
    public void Configure(EntityTypeBuilder<CaseMigration> m)
    {
        m.ToTable("case_migrations");
        m.HasKey(x => x.Id);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        m.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        m.Property(x => x.RequestedBy).HasMaxLength(200);
        m.Property(x => x.RequestedByName).HasMaxLength(200);
        m.Property(x => x.Error).HasMaxLength(CaseMigration.MaxErrorLength);
        m.Ignore(x => x.StageMapping);
        m.Ignore(x => x.SeverityMapping);
        m.Ignore(x => x.From);
        m.Ignore(x => x.To);
        m.Ignore(x => x.Requester);
        m.HasMany(x => x.Cases).WithOne().HasForeignKey(c => c.MigrationId).OnDelete(DeleteBehavior.Cascade);
        m.HasIndex(x => x.Status);
    }
}

internal sealed class CaseMigrationCaseConfiguration : IEntityTypeConfiguration<CaseMigrationCase>
{
    public void Configure(EntityTypeBuilder<CaseMigrationCase> c)
    {
        c.ToTable("case_migration_cases");
        c.HasKey(x => new { x.MigrationId, x.Position });
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        c.Property(x => x.Failure).HasConversion<string>().HasMaxLength(32);
        c.HasIndex(x => new { x.MigrationId, x.Status });
    }
}
