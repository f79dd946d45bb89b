namespace Ondermijning.Engine.Interventions;

public readonly record struct BibobScreeningId(Guid Value)
{
    public static BibobScreeningId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DrugPremisesClosureId(Guid Value)
{
    public static DrugPremisesClosureId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct StreetDealingPenaltyId(Guid Value)
{
    public static StreetDealingPenaltyId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct AwarenessActivityId(Guid Value)
{
    public static AwarenessActivityId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct PhenomenonStudyId(Guid Value)
{
    public static PhenomenonStudyId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out PhenomenonStudyId id)
    {
        var ok = Guid.TryParse(text, out var guid);
        id = new PhenomenonStudyId(guid);
        return ok;
    }
    public override string ToString() => Value.ToString();
}
