using System.Text.RegularExpressions;

namespace Ondermijning.Engine.Common;

/// <summary>A Chamber of Commerce (KvK) number: exactly eight digits; spaces a user typed are dropped.</summary>
public readonly partial record struct KvkNumber
{
    public const int Length = 8;
    public const string Rule = "A KvK number has exactly 8 digits.";

    public string Value { get; }

    private KvkNumber(string value) => Value = value;

    public static Breach? TryParse(string? text, out KvkNumber number)
    {
        var normalised = text?.Replace(" ", "");
        number = normalised is not null && Pattern().IsMatch(normalised) ? new KvkNumber(normalised) : default;
        return number.Value is null ? new Breach(FieldRule.KvkNumber, Rule) : null;
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[0-9]{8}\\z")]
    private static partial Regex Pattern();
}
