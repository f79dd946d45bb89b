using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Ondermijning.Engine.Deadlines;

public enum ReportKind
{
    /// <summary>The mayor's overview of one calendar month.</summary>
    MonthlyOverview,
    /// <summary>The draft of the annual figures for one calendar year.</summary>
    AnnualDraft,
}

/// <summary>
/// A report as it was produced for one period, stored as JSON. Produced once: the unique (kind, period)
/// index lets a second run, or a second instance, find it already there.
/// </summary>
public sealed class ReportSnapshot
{
    private ReportSnapshot() { }

    internal ReportSnapshot(ReportKind kind, DateInterval period, Instant producedAt, string contentJson)
    {
        Kind = kind;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        ProducedAt = producedAt;
        ContentJson = contentJson;
    }

    public long Id { get; private set; }
    public ReportKind Kind { get; private set; }
    public LocalDate PeriodStart { get; private set; }
    /// <summary>The last day of the period (inclusive), Amsterdam calendar.</summary>
    public LocalDate PeriodEnd { get; private set; }
    public Instant ProducedAt { get; private set; }
    public string ContentJson { get; private set; } = "{}";
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> s)
    {
        s.ToTable("report_snapshots");
        s.HasKey(x => x.Id);
        s.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        s.HasIndex(x => new { x.Kind, x.PeriodStart }).IsUnique();
    }
}
