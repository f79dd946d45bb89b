namespace Ondermijning.Engine.Common;

/// <summary>A house number (1 to 99999) and its addition (A, 2-hoog, …), single-line and at most <see cref="Limits.HouseNumberAddition"/>.</summary>
public readonly record struct HouseNumber
{
    public const int Min = 1;
    public const int Max = 99999;

    public int Number { get; }
    public string? Addition { get; }

    private HouseNumber(int number, string? addition) => (Number, Addition) = (number, addition);

    /// <summary>The breach names which part is wrong: <c>Rule == HouseNumber</c> for the number, a text rule for the addition.</summary>
    public static Breach? TryCreate(int? number, string? addition, out HouseNumber houseNumber)
    {
        houseNumber = default;
        if (number is not (>= Min and <= Max)) return new Breach(FieldRule.HouseNumber, $"Give the house number ({Min} to {Max}).", Max);
        if (TextRule.Check(addition, Limits.HouseNumberAddition, TextKind.SingleLine, out var trimmed) is { } breach) return breach;
        houseNumber = new HouseNumber(number.Value, trimmed);
        return null;
    }

    public override string ToString() => Addition is null ? Number.ToString() : $"{Number} {Addition}";
}
