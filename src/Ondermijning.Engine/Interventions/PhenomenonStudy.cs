using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Interventions;

/// <summary>What a phenomenon study looks at.</summary>
public enum PhenomenonSubject
{
    /// <summary>A branch of business (the case's <c>Branch</c>).</summary>
    Branch,
    /// <summary>An area: the four digits of a postcode.</summary>
    Area,
    /// <summary>A target group (a phenomenon tag).</summary>
    TargetGroup,
}

/// <summary>Where a study started: discussed at the MOT, or taken up from the engine's proposal.</summary>
public enum PhenomenonStudyOrigin { Mot, Proposal }

public enum PhenomenonStudyStatus { Running, Completed, Stopped }

public sealed record PhenomenonStudyDetails(MunicipalityCode Municipality, PhenomenonSubject SubjectKind, string Subject,
    PhenomenonStudyOrigin Origin, CaseId? CaseId, LocalDate StartedOn)
{
    /// <summary>
    /// The subject as studies and proposals compare it: an area is four postcode digits, a branch or target group is
    /// lower case (as the proposals group them). Breaches go to <paramref name="field"/>.
    /// </summary>
    public static string ReadSubject(Fields f, PhenomenonSubject kind, string? text, string field)
    {
        var subject = f.Text(text, field, "Name the branch, the area (four postcode digits) or the target group.", Limits.StudySubject);
        if (kind == PhenomenonSubject.Area && subject.Length > 0 && !(subject.Length == 4 && subject.All(char.IsAsciiDigit)))
            f.Error(field, "An area is the four digits of a postcode, e.g. 6211.");
        return kind == PhenomenonSubject.Area ? subject : subject.ToLowerInvariant();
    }
}

/// <summary>A fenomeenonderzoek: a study of a branch, area or target group about which several signals came in.</summary>
public sealed class PhenomenonStudy
{
    private PhenomenonStudy() { }

    internal PhenomenonStudy(PhenomenonStudyDetails d, Instant recordedAt, Actor actor)
    {
        Id = PhenomenonStudyId.New();
        Municipality = d.Municipality;
        SubjectKind = d.SubjectKind;
        Subject = d.Subject;
        Origin = d.Origin;
        CaseId = d.CaseId;
        StartedOn = d.StartedOn;
        Status = PhenomenonStudyStatus.Running;
        RecordedAt = recordedAt;
        RecordedBy = actor.UserId;
    }

    public PhenomenonStudyId Id { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public PhenomenonSubject SubjectKind { get; private set; }
    /// <summary>The branch, the four postcode digits, or the target group's tag.</summary>
    public string Subject { get; private set; } = "";
    public PhenomenonStudyOrigin Origin { get; private set; }
    /// <summary>The MOT case it started from, when there is one.</summary>
    public CaseId? CaseId { get; private set; }
    /// <summary>Counted in this date's year.</summary>
    public LocalDate StartedOn { get; private set; }
    public PhenomenonStudyStatus Status { get; private set; }
    public LocalDate? EndedOn { get; private set; }
    public string? Result { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    internal void End(PhenomenonStudyStatus status, LocalDate on, string? result)
    {
        if (Status != PhenomenonStudyStatus.Running)
            throw new EngineProblem(ProblemKind.Conflict, "The study has already ended",
                "This phenomenon study was already completed or stopped; its status cannot change any more.");
        if (on < StartedOn)
            throw EngineProblem.Validation(new Dictionary<string, string[]> { ["date"] = [$"The date lies before the start on {StartedOn:yyyy-MM-dd}."] });
        Status = status;
        EndedOn = on;
        Result = result;
    }
}

internal sealed class PhenomenonStudyConfiguration : IEntityTypeConfiguration<PhenomenonStudy>
{
    public void Configure(EntityTypeBuilder<PhenomenonStudy> p)
    {
        p.ToTable("phenomenon_studies");
        p.HasKey(x => x.Id);
        p.Property(x => x.Id).HasConversion(v => v.Value, v => new PhenomenonStudyId(v));
        p.Property(x => x.SubjectKind).HasConversion<string>().HasMaxLength(16);
        p.Property(x => x.Origin).HasConversion<string>().HasMaxLength(16);
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        p.Property(x => x.Subject).HasMaxLength(Limits.StudySubject);
        p.Property(x => x.Result).HasMaxLength(Limits.StudyResult);
        p.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        p.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Covers the annual counts by subject, stopped studies left out.
        p.HasIndex(x => new { x.Municipality, x.StartedOn, x.Status, x.SubjectKind });
    }
}
