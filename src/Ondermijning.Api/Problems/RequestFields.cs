using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Problems;

/// <summary>
/// The engine's field checks (<see cref="Fields"/>) plus what only the API reads from text: choices as the API spells
/// them and case ids. Call <see cref="Fields.ThrowIfAny"/> before using the values.
/// </summary>
public sealed class RequestFields : Fields
{
    public CaseId? OptionalCase(string? value, string field = "caseId")
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (CaseId.TryParse(value.Trim(), out var id)) return id;
        Error(field, "This is not a case id.");
        return null;
    }

    /// <summary>An enum value as the API spells it: the kebab-case of its name (in-depth, last-onder-dwangsom).</summary>
    public T? OptionalChoice<T>(string? value, string field, string what) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var match = Enum.GetValues<T>().Where(v => ApiSpelling.Kebab(v) == value.Trim().ToLowerInvariant()).Select(v => (T?)v).FirstOrDefault();
        if (match is null) Error(field, $"Say {what}: one of {string.Join(", ", Enum.GetValues<T>().Select(ApiSpelling.Kebab))}.");
        return match;
    }

    public T Choice<T>(string? value, string field, string what) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(field, Breach.Required($"Say {what}: one of {string.Join(", ", Enum.GetValues<T>().Select(ApiSpelling.Kebab))}."));
            return default;
        }
        return OptionalChoice<T>(value, field, what) ?? default;
    }
}
