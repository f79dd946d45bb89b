using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Problems;

/// <summary>
/// Reads the text fields of a request and collects every mistake per field, so a user fixes a form in one pass.
/// Call <see cref="ThrowIfAny"/> before using the values.
/// </summary>
public sealed class RequestFields
{
    private readonly Dictionary<string, string[]> _errors = new();

    public void Error(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var e) ? [.. e, message] : [message];

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw EngineProblem.Validation(_errors);
    }

    public string Text(string? value, string field, string message, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Error(field, message);
        else if (value.Trim().Length > maxLength) Error(field, $"Use at most {maxLength} characters.");
        return value?.Trim() ?? "";
    }

    public string? OptionalText(string? value, string field, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Trim().Length > maxLength) Error(field, $"Use at most {maxLength} characters.");
        return value.Trim();
    }

    public LocalDate? OptionalDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        if (parsed.Success) return parsed.Value;
        Error(field, "Write the date as YYYY-MM-DD.");
        return null;
    }

    public LocalDate Date(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(field, $"Give {what} as YYYY-MM-DD.");
            return default;
        }
        return OptionalDate(value, field) ?? default;
    }

    public MunicipalityCode Municipality(string? value, string field = "municipality")
    {
        if (MunicipalityCode.TryParse(value, out var code)) return code;
        Error(field, "Give the CBS code of the municipality, for example GM0935 for Maastricht.");
        return default;
    }

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
        var match = Enum.GetValues<T>().Where(v => Spell(v) == value.Trim().ToLowerInvariant()).Select(v => (T?)v).FirstOrDefault();
        if (match is null) Error(field, $"Say {what}: one of {string.Join(", ", Enum.GetValues<T>().Select(Spell))}.");
        return match;
    }

    public T Choice<T>(string? value, string field, string what) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(field, $"Say {what}: one of {string.Join(", ", Enum.GetValues<T>().Select(Spell))}.");
            return default;
        }
        return OptionalChoice<T>(value, field, what) ?? default;
    }

    public static string Spell<T>(T value) where T : struct, Enum => ApiMappingProfile.Kebab(value.ToString());
}
