using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.ToTable("cases");
        c.HasKey(x => x.Id);
        c.Property(x => x.Revision).IsConcurrencyToken();
        c.Property(x => x.SourceChannel).HasConversion<string>().HasMaxLength(32);
        c.Property(x => x.Description).HasMaxLength(Limits.Description);
        c.Property(x => x.ReporterName).HasMaxLength(Limits.Name);
        c.Property(x => x.ReporterContact).HasMaxLength(Limits.Contact);
        c.Property(x => x.Branch).HasMaxLength(Limits.Branch);
        c.Ignore(x => x.Definition);
        c.HasMany(x => x.History).WithOne().HasForeignKey(h => h.CaseId);
        c.HasMany(x => x.Persons).WithOne().HasForeignKey(p => p.CaseId);
        c.HasMany(x => x.Companies).WithOne().HasForeignKey(p => p.CaseId);
        c.HasMany(x => x.Addresses).WithOne().HasForeignKey(p => p.CaseId);
        c.HasMany(x => x.SearchTerms).WithOne().HasForeignKey(t => t.CaseId);
        // A table's agenda: the cases of a municipality at a stage, longest waiting first, read in index order.
        c.HasIndex(x => new { x.Municipality, x.Stage, x.StageEnteredAt });
        // A work board's column: a stage's most urgent cases in index order (earliest due, then longest waiting), and its
        // count of cases and of overdue ones without reading a case row.
        c.HasIndex(x => new { x.Municipality, x.Stage, x.DueAt, x.StageEnteredAt, x.Id });
        c.HasIndex(x => new { x.Workflow, x.DefinitionVersion, x.Stage });
        // Covers the overview's cases per stage and overdue counts for a municipality.
        c.HasIndex(x => new { x.Municipality, x.Workflow, x.DefinitionVersion, x.Stage, x.StageEnteredAt });
        // A municipality's cases newest first (the list, the board): a page is read in index order, not sorted from all of
        // them; the annual table counts signals per municipality by their receipt with it too.
        c.HasIndex(x => new { x.Municipality, x.ReceivedAt });
        // A municipality's overdue cases, longest overdue first; covering, so the count of them reads no case row.
        c.HasIndex(x => new { x.Municipality, x.DueAt, x.Workflow, x.DefinitionVersion, x.Stage });
        c.HasIndex(x => x.ReceivedAt);
        c.HasIndex(x => x.DueAt);
    }
}

internal sealed class CaseHistoryConfiguration : IEntityTypeConfiguration<CaseHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CaseHistoryEntry> h)
    {
        h.ToTable("case_history");
        h.HasKey(x => x.Id);
        h.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        h.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        h.Property(x => x.ActorId).HasMaxLength(Limits.Name);
        h.Property(x => x.ActorName).HasMaxLength(Limits.Name);
        h.Property(x => x.ActorOrganisation).HasMaxLength(Limits.Name);
        h.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
        h.Ignore(x => x.Information);
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<CasePerson>, IEntityTypeConfiguration<CaseCompany>, IEntityTypeConfiguration<CaseAddress>
{
    public void Configure(EntityTypeBuilder<CasePerson> p)
    {
        p.ToTable("case_persons");
        p.Property(x => x.Name).HasMaxLength(Limits.Name);
        p.Property(x => x.Role).HasMaxLength(Limits.Role);
    }

    public void Configure(EntityTypeBuilder<CaseCompany> p)
    {
        p.ToTable("case_companies");
        p.Property(x => x.Name).HasMaxLength(Limits.Name);
        p.Property(x => x.KvkNumber).HasMaxLength(KvkNumber.Length);
        p.Property(x => x.Place).HasMaxLength(Limits.Place);
    }

    public void Configure(EntityTypeBuilder<CaseAddress> p)
    {
        p.ToTable("case_addresses");
        p.Property(x => x.Postcode).HasMaxLength(Postcode.Length);
        p.Property(x => x.HouseNumberAddition).HasMaxLength(Limits.HouseNumberAddition);
        p.Property(x => x.Street).HasMaxLength(Limits.Street);
        p.Property(x => x.City).HasMaxLength(Limits.City);
    }
}
