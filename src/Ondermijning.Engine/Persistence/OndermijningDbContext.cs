using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// The single source of truth. Provider-specific subclasses carry their own migrations
/// (<see cref="SqliteOndermijningDbContext"/>); the model is shared.
/// </summary>
public abstract partial class OndermijningDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();
    public DbSet<CasePerson> CasePersons => Set<CasePerson>();
    public DbSet<CaseCompany> CaseCompanies => Set<CaseCompany>();
    public DbSet<CaseAddress> CaseAddresses => Set<CaseAddress>();
    public DbSet<StoredWorkflowVersion> WorkflowVersions => Set<StoredWorkflowVersion>();
    public DbSet<CaseEscalation> CaseEscalations => Set<CaseEscalation>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<ReportSnapshot> ReportSnapshots => Set<ReportSnapshot>();
    public DbSet<InformationItem> InformationItems => Set<InformationItem>();
    public DbSet<AccessLogRecord> AccessLog => Set<AccessLogRecord>();
    public DbSet<ReporterReceipt> ReporterReceipts => Set<ReporterReceipt>();

    /// <summary>Set for each unit of work by the engine's registration; a context made by hand sees everything.</summary>
    internal DataScope Scope { get; set; } = new();

    // Read by the query filters at query time: EF parameterises members of the context instance.
    private bool ScopeUnrestricted => Scope.Unrestricted;
    private List<MunicipalityCode> ScopeMunicipalities => Scope.Municipalities.ToList();

    /// <summary>Saves, turning a lost optimistic-concurrency race into a 409-style problem.</summary>
    public async Task SaveCaseChangesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw CaseProblems.ConcurrentChange();
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            // The unique (case, sequence) index caught a second writer the revision check did not.
            throw CaseProblems.ConcurrentChange();
        }
    }

    /// <summary>
    /// Saves a new row that a unique index allows only once. False when it was already there — written by an
    /// earlier run or, at the same moment, by another instance — which for an idempotent job means "done".
    /// </summary>
    internal async Task<bool> InsertOnceAsync<T>(T entity, CancellationToken cancellationToken) where T : class
    {
        var entry = Add(entity);
        try
        {
            await SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            entry.State = EntityState.Detached;
            return false;
        }
    }

    protected internal abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Runs a write that does not go through SaveChanges under the same rules as one (on SQLite: one writer at a time).</summary>
    protected internal virtual Task WriteAsync(Func<Task> write, CancellationToken cancellationToken) => write();

    /// <summary>
    /// After personal data were erased: makes the database let go of the old bytes it may still keep beside the
    /// overwritten rows. On PostgreSQL vacuum frees old row versions; forcing that (VACUUM FULL) is the operator's call.
    /// </summary>
    protected internal virtual Task ReleaseErasedDataAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<CaseId>().HaveConversion<CaseIdConverter>();
        builder.Properties<StageId>().HaveConversion<StageIdConverter>().HaveMaxLength(Limits.Code);
        builder.Properties<TriggerId>().HaveConversion<TriggerIdConverter>().HaveMaxLength(Limits.Code);
        builder.Properties<WorkflowId>().HaveConversion<WorkflowIdConverter>().HaveMaxLength(Limits.Code);
        builder.Properties<Severity>().HaveConversion<SeverityConverter>().HaveMaxLength(32);
        builder.Properties<MunicipalityCode>().HaveConversion<MunicipalityCodeConverter>().HaveMaxLength(MunicipalityCode.Length);
        builder.Properties<OrganisationId>().HaveConversion<OrganisationIdConverter>().HaveMaxLength(64);
        builder.Properties<InformationItemId>().HaveConversion<InformationItemIdConverter>();
        ConfigureTimeConventions(builder);
    }

    /// <summary>How NodaTime values are stored differs per provider.</summary>
    protected abstract void ConfigureTimeConventions(ModelConfigurationBuilder builder);

    /// <summary>Each slice configures its own tables next to its types (<see cref="IEntityTypeConfiguration{TEntity}"/>).</summary>
    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(OndermijningDbContext).Assembly);
        FilterByMunicipality(model);
    }

    /// <summary>
    /// Every entity with a <c>Municipality</c> gets the filter "in the unit of work's scope". The access log is left out:
    /// its chain is verified and appended as a whole, and its views are scoped where they are read.
    /// </summary>
    private void FilterByMunicipality(ModelBuilder model)
    {
        var context = Expression.Constant(this, typeof(OndermijningDbContext));
        foreach (var entity in model.Model.GetEntityTypes().Where(e => e.ClrType != typeof(AccessLogRecord) && !e.IsOwned()))
        {
            var property = entity.FindProperty("Municipality");
            if (property is null || property.ClrType != typeof(MunicipalityCode) || property.IsShadowProperty()) continue;
            var row = Expression.Parameter(entity.ClrType, "row");
            var inScope = Expression.OrElse(
                Expression.Property(context, nameof(ScopeUnrestricted)),
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(MunicipalityCode)],
                    Expression.Property(context, nameof(ScopeMunicipalities)),
                    Expression.Property(row, property.PropertyInfo!)));
            model.Entity(entity.ClrType).HasQueryFilter(Expression.Lambda(inScope, row));
        }
    }

    private sealed class CaseIdConverter() : ValueConverter<CaseId, Guid>(v => v.Value, v => new CaseId(v));
    private sealed class StageIdConverter() : ValueConverter<StageId, string>(v => v.Value, v => new StageId(v));
    private sealed class TriggerIdConverter() : ValueConverter<TriggerId, string>(v => v.Value, v => new TriggerId(v));
    private sealed class WorkflowIdConverter() : ValueConverter<WorkflowId, string>(v => v.Value, v => new WorkflowId(v));
    private sealed class SeverityConverter() : ValueConverter<Severity, string>(v => v.Value, v => new Severity(v));
    private sealed class OrganisationIdConverter() : ValueConverter<OrganisationId, string>(v => v.Value, v => new OrganisationId(v));
    private sealed class InformationItemIdConverter() : ValueConverter<InformationItemId, Guid>(v => v.Value, v => new InformationItemId(v));
    private sealed class MunicipalityCodeConverter() : ValueConverter<MunicipalityCode, string>(v => v.Value, v => MunicipalityCode.Parse(v));
}

