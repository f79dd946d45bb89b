using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Privacy;

public readonly record struct InformationItemId(Guid Value)
{
    public static InformationItemId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>A validated piece of information a partner wants to add to a case.</summary>
public sealed record NewInformationItem(InformationCategory Category, OrganisationId Source, string LegalBasis, string Content,
    Confidentiality Confidentiality, LocalDate? InformationDate = null)
{
    /// <summary>The item with its texts trimmed; what breaks a rule is recorded in <paramref name="f"/>.</summary>
    public NewInformationItem Check(Fields f) => this with
    {
        LegalBasis = f.Text(LegalBasis, "legalBasis", "Give the legal basis (grondslag) on which this is shared.", Limits.LegalBasis),
        Content = f.Text(Content, "content", "Write the information itself.", Limits.ItemContent, TextKind.MultiLine),
    };
}

/// <summary>
/// A piece of information on a case. Who may read it follows from the gate it was added under: the stage and the
/// severity at that moment are kept, so a later change of stage does not widen its audience.
/// </summary>
public sealed class InformationItem
{
    /// <summary>What remains of the content once retention erased it.</summary>
    public const string ErasedContent = "[verwijderd na bewaartermijn]";

    private InformationItem() { }

    internal InformationItem(CaseId caseId, NewInformationItem item, StageId stage, Severity severity, Instant now, Actor author)
    {
        Id = InformationItemId.New();
        CaseId = caseId;
        Category = item.Category;
        SourceOrganisation = item.Source;
        LegalBasis = item.LegalBasis;
        Content = item.Content;
        Confidentiality = item.Confidentiality;
        InformationDate = item.InformationDate;
        AddedAtStage = stage;
        AddedAtSeverity = severity;
        AddedAt = now;
        AddedByUserId = author.UserId;
        AddedByOrganisation = author.Organisation;
    }

    public InformationItemId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public InformationCategory Category { get; private set; }
    public OrganisationId SourceOrganisation { get; private set; }
    /// <summary>The grondslag: the legal basis on which the source shares this.</summary>
    public string LegalBasis { get; private set; } = "";
    /// <summary>Personal data: erased when retention says so.</summary>
    public string Content { get; private set; } = "";
    public Confidentiality Confidentiality { get; private set; }
    /// <summary>The date of the information itself (when it was observed or registered), as the source gives it; not when it was added.</summary>
    public LocalDate? InformationDate { get; private set; }
    public StageId AddedAtStage { get; private set; }
    public Severity AddedAtSeverity { get; private set; }
    public Instant AddedAt { get; private set; }
    public string AddedByUserId { get; private set; } = "";
    public OrganisationId AddedByOrganisation { get; private set; }
    public Instant? ErasedAt { get; private set; }

    /// <summary>Gated information is logged on every read and write; open sources are not.</summary>
    public bool IsGated => Category != InformationCategory.Open;

    internal void Erase(Instant now)
    {
        Content = ErasedContent;
        ErasedAt = now;
    }
}

internal sealed class InformationItemConfiguration : IEntityTypeConfiguration<InformationItem>
{
    public void Configure(EntityTypeBuilder<InformationItem> i)
    {
        i.ToTable("information_items");
        i.HasKey(x => x.Id);
        i.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        i.Property(x => x.Confidentiality).HasConversion<string>().HasMaxLength(32);
        i.Property(x => x.LegalBasis).HasMaxLength(Limits.LegalBasis);
        i.Property(x => x.Content).HasMaxLength(Limits.ItemContent);
        i.Property(x => x.AddedByUserId).HasMaxLength(Limits.Name);
        i.HasOne<Cases.Case>().WithMany().HasForeignKey(x => x.CaseId);
        i.HasIndex(x => new { x.CaseId, x.AddedAt });
    }
}
