using System.Text.RegularExpressions;

namespace Ondermijning.Engine.Common;

/// <summary>A Dutch postcode, stored without a space and in capitals: 6211AB.</summary>
public readonly partial record struct Postcode
{
    public const int Length = 6;
    public const string Rule = "Write the postcode as four digits and two letters, for example 6211 AB.";

    public string Value { get; }

    private Postcode(string value) => Value = value;

    public static Breach? TryParse(string? text, out Postcode postcode)
    {
        var normalised = text?.Replace(" ", "").ToUpperInvariant();
        postcode = normalised is not null && Pattern().IsMatch(normalised) ? new Postcode(normalised) : default;
        return postcode.Value is null ? new Breach(FieldRule.Postcode, Rule) : null;
    }

    public override string ToString() => Value;

    /// <summary>A stored postcode as on a letter: four digits, a space, two capitals.</summary>
    public static string Display(string stored) => stored.Length == Length ? $"{stored[..4]} {stored[4..]}" : stored;

    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}\\z")]
    private static partial Regex Pattern();
}
