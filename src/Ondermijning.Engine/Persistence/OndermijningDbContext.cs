using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Persistence;

/// <summary>
/// The single source of truth. Provider-specific subclasses carry their own migrations
/// (<see cref="SqliteOndermijningDbContext"/>); the model is shared.
/// </summary>
public abstract class OndermijningDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();
    public DbSet<CasePerson> CasePersons => Set<CasePerson>();
    public DbSet<CaseCompany> CaseCompanies => Set<CaseCompany>();
    public DbSet<CaseAddress> CaseAddresses => Set<CaseAddress>();
    public DbSet<PublishedWorkflowVersion> WorkflowVersions => Set<PublishedWorkflowVersion>();

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

    protected abstract bool IsUniqueViolation(DbUpdateException exception);

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<CaseId>().HaveConversion<CaseIdConverter>();
        builder.Properties<StageId>().HaveConversion<StageIdConverter>().HaveMaxLength(64);
        builder.Properties<TriggerId>().HaveConversion<TriggerIdConverter>().HaveMaxLength(64);
        builder.Properties<WorkflowId>().HaveConversion<WorkflowIdConverter>().HaveMaxLength(64);
        builder.Properties<Severity>().HaveConversion<SeverityConverter>().HaveMaxLength(32);
        builder.Properties<MunicipalityCode>().HaveConversion<MunicipalityCodeConverter>().HaveMaxLength(6);
        ConfigureTimeConventions(builder);
    }

    /// <summary>How NodaTime values are stored differs per provider.</summary>
    protected abstract void ConfigureTimeConventions(ModelConfigurationBuilder builder);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Case>(c =>
        {
            c.ToTable("cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Revision).IsConcurrencyToken();
            c.Property(x => x.SourceChannel).HasConversion<string>().HasMaxLength(32);
            c.Property(x => x.Description).HasMaxLength(8000);
            c.Property(x => x.ReporterName).HasMaxLength(200);
            c.Property(x => x.ReporterContact).HasMaxLength(200);
            c.Property(x => x.Branch).HasMaxLength(100);
            c.Ignore(x => x.Definition);
            c.HasMany(x => x.History).WithOne().HasForeignKey(h => h.CaseId);
            c.HasMany(x => x.Persons).WithOne().HasForeignKey(p => p.CaseId);
            c.HasMany(x => x.Companies).WithOne().HasForeignKey(p => p.CaseId);
            c.HasMany(x => x.Addresses).WithOne().HasForeignKey(p => p.CaseId);
            c.HasIndex(x => new { x.Municipality, x.Stage });
            c.HasIndex(x => new { x.Workflow, x.DefinitionVersion, x.Stage });
            c.HasIndex(x => x.ReceivedAt);
        });

        model.Entity<CaseHistoryEntry>(h =>
        {
            h.ToTable("case_history");
            h.HasKey(x => x.Id);
            h.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            h.Property(x => x.Reason).HasMaxLength(4000);
            h.Property(x => x.ActorId).HasMaxLength(200);
            h.Property(x => x.ActorName).HasMaxLength(200);
            h.Property(x => x.ActorOrganisation).HasMaxLength(200);
            h.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
            h.Ignore(x => x.Information);
        });

        model.Entity<CasePerson>(p =>
        {
            p.ToTable("case_persons");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.Role).HasMaxLength(100);
        });
        model.Entity<CaseCompany>(p =>
        {
            p.ToTable("case_companies");
            p.Property(x => x.Name).HasMaxLength(200);
            p.Property(x => x.KvkNumber).HasMaxLength(8);
            p.Property(x => x.Place).HasMaxLength(100);
        });
        model.Entity<CaseAddress>(p =>
        {
            p.ToTable("case_addresses");
            p.Property(x => x.Postcode).HasMaxLength(6);
            p.Property(x => x.HouseNumberAddition).HasMaxLength(10);
            p.Property(x => x.Street).HasMaxLength(200);
            p.Property(x => x.City).HasMaxLength(100);
        });

        model.Entity<PublishedWorkflowVersion>(w =>
        {
            w.ToTable("workflow_versions");
            w.HasKey(x => new { x.Workflow, x.Version });
            w.Property(x => x.ContentHash).HasMaxLength(64);
            w.Property(x => x.SourceFile).HasMaxLength(400);
        });
    }

    private sealed class CaseIdConverter() : ValueConverter<CaseId, Guid>(v => v.Value, v => new CaseId(v));
    private sealed class StageIdConverter() : ValueConverter<StageId, string>(v => v.Value, v => new StageId(v));
    private sealed class TriggerIdConverter() : ValueConverter<TriggerId, string>(v => v.Value, v => new TriggerId(v));
    private sealed class WorkflowIdConverter() : ValueConverter<WorkflowId, string>(v => v.Value, v => new WorkflowId(v));
    private sealed class SeverityConverter() : ValueConverter<Severity, string>(v => v.Value, v => new Severity(v));
    private sealed class MunicipalityCodeConverter() : ValueConverter<MunicipalityCode, string>(v => v.Value, v => MunicipalityCode.Parse(v));
}

/// <summary>The content hash of each definition version the database has seen, guarding immutability.</summary>
public sealed class PublishedWorkflowVersion
{
    public WorkflowId Workflow { get; set; }
    public int Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string SourceFile { get; set; } = "";
    public Instant FirstSeenAt { get; set; }
}
