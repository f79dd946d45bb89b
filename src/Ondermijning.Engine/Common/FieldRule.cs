namespace Ondermijning.Engine.Common;

/// <summary>
/// Which rule a field broke. The API words each in English (<see cref="Breach.Message"/>); the pages word the same rule in
/// Dutch from this kind and the limit, so both doors tell the same rule.
/// </summary>
public enum FieldRule
{
    Required,
    TooLong,
    ControlCharacter,
    LoneSurrogate,
    Postcode,
    HouseNumber,
    KvkNumber,
    Municipality,
    DateFormat,
    DateOutOfRange,
    DateInFuture,
    TimeFormat,
    /// <summary>A moment (date and time) later than now.</summary>
    MomentInFuture,
    /// <summary>A moment before what it follows (a step dated before the signal arrived or before the step before it).</summary>
    MomentTooEarly,
    /// <summary>A rule of its own field (a choice, a combination); the message says which.</summary>
    Other,
}

/// <summary>One broken rule: the kind, its English wording and the limit it names (a length, a year), if any.</summary>
public sealed record Breach(FieldRule Rule, string Message, int? Limit = null)
{
    public static Breach Required(string message) => new(FieldRule.Required, message);
    public static Breach Other(string message) => new(FieldRule.Other, message);
}
