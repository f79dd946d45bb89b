using NodaTime;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;

namespace Ondermijning.Api.Interventions;

/// <param name="Kind">quick-scan or in-depth.</param>
/// <param name="Outcome">no-objection, permit-or-manager-refused, withdrawn-or-not-processed or advice-asked-of-lbb.</param>
public sealed record RecordBibobScreeningRequest(string? Municipality, [property: IsoDate] string? Date,
    [property: Choice(typeof(BibobKind))] string? Kind, string? PermitType, [property: Choice(typeof(BibobOutcome))] string? Outcome,
    string? CaseId = null)
{
    public BibobScreeningDetails ToDetails()
    {
        var f = new RequestFields();
        var details = new BibobScreeningDetails(f.Municipality(Municipality), f.OptionalCase(CaseId),
            f.Date(Date, "date", "the date of the outcome"), f.Choice<BibobKind>(Kind, "kind", "the kind of screening"),
            f.Text(PermitType, "permitType", "Say which permit the application was for.", Limits.PermitType),
            f.Choice<BibobOutcome>(Outcome, "outcome", "the outcome"));
        f.ThrowIfAny();
        return details;
    }
}

/// <param name="DurationMonths">Leave out for an indefinite closure.</param>
public sealed record RecordDrugPremisesClosureRequest(string? Municipality, [property: IsoDate] string? ClosedOn, string? Premises, int? DurationMonths = null,
    string? CaseId = null)
{
    public DrugPremisesClosureDetails ToDetails()
    {
        var f = new RequestFields();
        if (DurationMonths is <= 0 or > 120) f.Error("durationMonths", "A closure lasts 1 to 120 months; leave it out for an indefinite closure.");
        var details = new DrugPremisesClosureDetails(f.Municipality(Municipality), f.OptionalCase(CaseId),
            f.Date(ClosedOn, "closedOn", "the first day of the closure"),
            f.Text(Premises, "premises", "Say which premises were closed.", Limits.Location), DurationMonths);
        f.ThrowIfAny();
        return details;
    }
}

/// <param name="Party">buyer or seller.</param>
public sealed record RecordStreetDealingPenaltyRequest(string? Municipality, [property: IsoDate] string? ImposedOn,
    [property: Choice(typeof(StreetDealingParty))] string? Party, string? CaseId = null)
{
    public StreetDealingPenaltyDetails ToDetails()
    {
        var f = new RequestFields();
        var details = new StreetDealingPenaltyDetails(f.Municipality(Municipality), f.OptionalCase(CaseId),
            f.Date(ImposedOn, "imposedOn", "the date the penalty was imposed"),
            f.Choice<StreetDealingParty>(Party, "party", "whether a buyer or a seller was penalised"));
        f.ThrowIfAny();
        return details;
    }
}

/// <param name="Kind">workshop or action-day.</param>
public sealed record RecordAwarenessActivityRequest(string? Municipality, [property: IsoDate] string? HeldOn,
    [property: Choice(typeof(AwarenessActivityKind))] string? Kind, string? Programme = null,
    int? Conversations = null)
{
    public AwarenessActivityDetails ToDetails()
    {
        var f = new RequestFields();
        if (Conversations is < 0 or > 100_000) f.Error("conversations", "Give the number of conversations with residents (0 or more).");
        var details = new AwarenessActivityDetails(f.Municipality(Municipality), f.Date(HeldOn, "heldOn", "the date of the activity"),
            f.Choice<AwarenessActivityKind>(Kind, "kind", "the kind of activity"), f.OptionalText(Programme, "programme", Limits.Programme),
            Conversations ?? 0);
        f.ThrowIfAny();
        return details;
    }
}

/// <param name="SubjectKind">branch, area (four postcode digits) or target-group.</param>
/// <param name="Origin">mot or proposal.</param>
public sealed record StartPhenomenonStudyRequest(string? Municipality, [property: Choice(typeof(PhenomenonSubject))] string? SubjectKind,
    string? Subject, [property: Choice(typeof(PhenomenonStudyOrigin))] string? Origin, [property: IsoDate] string? StartedOn,
    string? CaseId = null)
{
    public PhenomenonStudyDetails ToDetails()
    {
        var f = new RequestFields();
        var kind = f.Choice<PhenomenonSubject>(SubjectKind, "subjectKind", "what the study looks at");
        var details = new PhenomenonStudyDetails(f.Municipality(Municipality), kind, PhenomenonStudyDetails.ReadSubject(f, kind, Subject, "subject"),
            f.Choice<PhenomenonStudyOrigin>(Origin, "origin", "where the study started"), f.OptionalCase(CaseId),
            f.Date(StartedOn, "startedOn", "the start date"));
        f.ThrowIfAny();
        return details;
    }
}

/// <param name="Status">completed or stopped.</param>
public sealed record EndPhenomenonStudyRequest(
    [property: Choice(typeof(PhenomenonStudyStatus), nameof(PhenomenonStudyStatus.Completed), nameof(PhenomenonStudyStatus.Stopped))] string? Status,
    [property: IsoDate] string? Date = null, string? Result = null);

/// <param name="Municipality">The CBS code of the municipality whose records to list.</param>
/// <param name="Year">Only the records counted in this year (the year of their date).</param>
public sealed record EnforcementListQuery(string? Municipality, int? Year, int? Page, int? PageSize)
{
    public EnforcementQuery ToQuery()
    {
        var f = new RequestFields();
        var municipality = f.Municipality(Municipality);
        var year = f.OptionalYear(Year, "year");
        var page = Page ?? 1;
        if (page < 1) f.Error("page", "Pages are numbered from 1.");
        var size = PageSize ?? 50;
        if (size is < 1 or > EnforcementRecords.MaxPageSize) f.Error("pageSize", $"A page holds 1 to {EnforcementRecords.MaxPageSize} records.");
        f.ThrowIfAny();
        return new EnforcementQuery(municipality, year, page, size);
    }
}

public sealed class RecordPageDto<T>
{
    public IReadOnlyList<T> Items { get; init; } = [];
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int TotalCount { get; init; }
}

public sealed class BibobScreeningDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public Guid? CaseId { get; init; }
    public LocalDate Date { get; init; }
    public string Kind { get; init; } = "";
    public string PermitType { get; init; } = "";
    public string Outcome { get; init; } = "";
}

public sealed class DrugPremisesClosureDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public Guid? CaseId { get; init; }
    public LocalDate ClosedOn { get; init; }
    public string? Premises { get; init; }
    public int? DurationMonths { get; init; }
}

public sealed class StreetDealingPenaltyDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public Guid? CaseId { get; init; }
    public LocalDate ImposedOn { get; init; }
    public string Party { get; init; } = "";
}

public sealed class AwarenessActivityDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public LocalDate HeldOn { get; init; }
    public string Kind { get; init; } = "";
    public string? Programme { get; init; }
    public int Conversations { get; init; }
}

public sealed class PhenomenonStudyDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public string SubjectKind { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Origin { get; init; } = "";
    public Guid? CaseId { get; init; }
    public LocalDate StartedOn { get; init; }
    public string Status { get; init; } = "";
    public LocalDate? EndedOn { get; init; }
    public string? Result { get; init; }
}

public sealed class PhenomenonProposalDto
{
    public string SubjectKind { get; init; } = "";
    public string Subject { get; init; } = "";
    public int Signals { get; init; }
    public LocalDate WindowStart { get; init; }
    public LocalDate WindowEnd { get; init; }
    /// <summary>Studies of this subject started within the window: the proposal may already be taken up.</summary>
    public IReadOnlyList<Guid> Studies { get; init; } = [];
}
