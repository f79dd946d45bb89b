using System.Text.RegularExpressions;

namespace Ondermijning.Engine.Common;

/// <summary>A CBS municipality code such as GM0935 (Maastricht).</summary>
public readonly partial record struct MunicipalityCode
{
    public const int Length = 6;
    public const string Rule = "Give the CBS code of the municipality, for example GM0935 for Maastricht.";

    public string Value { get; }

    private MunicipalityCode(string value) => Value = value;

    public static bool TryParse(string? text, out MunicipalityCode code)
    {
        var normalised = text?.Trim().ToUpperInvariant();
        if (normalised is not null && Pattern().IsMatch(normalised))
        {
            code = new MunicipalityCode(normalised);
            return true;
        }
        code = default;
        return false;
    }

    public static MunicipalityCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a CBS municipality code like GM0935.");

    public override string ToString() => Value;

    [GeneratedRegex("^GM[0-9]{4}\\z")]
    private static partial Regex Pattern();
}
