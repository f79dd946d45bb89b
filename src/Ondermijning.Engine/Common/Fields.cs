using NodaTime;

namespace Ondermijning.Engine.Common;

/// <summary>
/// Checks the fields of a command against the engine's rules (<see cref="Limits"/>, <see cref="TextRule"/>,
/// <see cref="DateRule"/> and the value objects) and collects every breach under the field's path (<c>persons[0].name</c>),
/// so a user fixes a form in one pass. The API's request mapping, the pages and the engine's commands all check through
/// this class; <see cref="ThrowIfAny"/> turns what it found into one validation problem.
/// </summary>
public class Fields
{
    private readonly Dictionary<string, string[]> errors = new();
    private readonly Dictionary<string, Breach> breaches = new();

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public void Error(string field, string message) => Error(field, Breach.Other(message));

    public void Error(string field, Breach breach)
    {
        if (!errors.TryGetValue(field, out var messages)) errors[field] = [breach.Message];
        else if (!messages.Contains(breach.Message)) errors[field] = [.. messages, breach.Message];
        breaches.TryAdd(field, breach);
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0) throw EngineProblem.Validation(errors, breaches);
    }

    /// <summary>A required text, trimmed; "" when it is missing or breaks a rule (the breach is recorded).</summary>
    public string Text(string? value, string field, string requiredMessage, int limit, TextKind kind = TextKind.SingleLine)
    {
        var text = OptionalText(value, field, limit, kind);
        if (text is null && !Has(field)) Error(field, Breach.Required(requiredMessage));
        return text ?? "";
    }

    /// <summary>An optional text, trimmed; null when empty or when it breaks a rule.</summary>
    public string? OptionalText(string? value, string field, int limit, TextKind kind = TextKind.SingleLine)
    {
        if (TextRule.Check(value, limit, kind, out var trimmed) is { } breach)
        {
            Error(field, breach);
            return null;
        }
        return trimmed;
    }

    /// <summary>Every entry of a list of short texts (tags, organisations), trimmed, without empty or repeated ones.</summary>
    public List<string> TextList(IEnumerable<string?>? values, string field, int limit)
    {
        var list = new List<string>();
        foreach (var (value, i) in (values ?? []).Select((v, i) => (v, i)))
            if (OptionalText(value, $"{field}[{i}]", limit) is { } text && !list.Contains(text)) list.Add(text);
        return list;
    }

    public LocalDate? OptionalDate(string? value, string field, LocalDate? notAfter = null)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var breach = DateRule.Parse(value, out var date) ?? DateRule.Check(date, notAfter);
        if (breach is null) return date;
        Error(field, breach);
        return null;
    }

    public LocalDate Date(string? value, string field, string what, LocalDate? notAfter = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Error(field, new Breach(FieldRule.Required, $"Give {what} as YYYY-MM-DD."));
            return default;
        }
        return OptionalDate(value, field, notAfter) ?? default;
    }

    /// <summary>A date the command already holds as a date (from a page, a job or a client library).</summary>
    public void Check(LocalDate? date, string field, LocalDate? notAfter = null)
    {
        if (date is { } d && DateRule.Check(d, notAfter) is { } breach) Error(field, breach);
    }

    /// <summary>A year to filter on, within the dates the engine takes; null when none is given or it breaks the rule.</summary>
    public int? OptionalYear(int? value, string field)
    {
        if (value is not { } year || (year >= DateRule.Earliest.Year && year <= DateRule.Latest.Year)) return value;
        Error(field, new Breach(FieldRule.DateOutOfRange, $"Give a year from {DateRule.Earliest.Year} to {DateRule.Latest.Year}."));
        return null;
    }

    /// <summary>An optional moment written as <see cref="MomentRule"/> reads it; null when empty or refused.</summary>
    public Instant? OptionalMoment(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (MomentRule.Parse(value, out var moment) is not { } breach) return moment;
        Error(field, breach);
        return null;
    }

    /// <summary>
    /// An optional moment in two fields, as a form asks for it: a date and, optionally, a time of day (Amsterdam). A time
    /// without a date is refused rather than dropped.
    /// </summary>
    public Instant? OptionalMoment(string? date, string? time, string dateField, string timeField)
    {
        var day = OptionalDate(date, dateField);
        LocalTime? timeOfDay = null;
        if (!string.IsNullOrWhiteSpace(time))
        {
            if (MomentRule.ParseTime(time, out var parsed) is { } timeBreach) Error(timeField, timeBreach);
            else timeOfDay = parsed;
            if (string.IsNullOrWhiteSpace(date)) Error(dateField, Breach.Required("A time of day needs its date."));
        }
        if (day is not { } d || Has(timeField)) return null;
        if (MomentRule.FromParts(d, timeOfDay, out var moment) is not { } breach) return moment;
        Error(dateField, breach);
        return null;
    }

    public MunicipalityCode Municipality(string? value, string field = "municipality")
    {
        if (MunicipalityCode.TryParse(value, out var code)) return code;
        Error(field, new Breach(FieldRule.Municipality, MunicipalityCode.Rule));
        return default;
    }

    public Postcode? Postcode(string? value, string field)
    {
        if (Common.Postcode.TryParse(value, out var postcode) is { } breach)
        {
            Error(field, breach);
            return null;
        }
        return postcode;
    }

    /// <summary>The number's breach goes to <paramref name="numberField"/>, the addition's to <paramref name="additionField"/>.</summary>
    public HouseNumber? HouseNumber(int? number, string? addition, string numberField, string additionField)
    {
        if (Common.HouseNumber.TryCreate(number, addition, out var houseNumber) is not { } breach) return houseNumber;
        Error(breach.Rule == FieldRule.HouseNumber ? numberField : additionField, breach);
        return null;
    }

    public KvkNumber? OptionalKvkNumber(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (KvkNumber.TryParse(value, out var number) is { } breach)
        {
            Error(field, breach);
            return null;
        }
        return number;
    }
}
