using System.Globalization;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Pages;

/// <summary>How the pages write dates, times, numbers and durations: as a Dutch reader expects them, in Amsterdam time.</summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"1 december 2026".</summary>
    public static string Date(LocalDate date) => date.ToString("d MMMM yyyy", Culture);

    public static string Date(Instant instant) => Date(instant.InZone(Amsterdam.Zone).Date);

    /// <summary>"1 december 2026 14:05".</summary>
    public static string DateTime(Instant instant) => instant.InZone(Amsterdam.Zone).ToString("d MMMM yyyy HH:mm", Culture);

    /// <summary>"1.234".</summary>
    public static string Number(int number) => number.ToString("N0", Culture);

    /// <summary>"12,5 dagen", "1 dag": a stay or a lead time as people count it.</summary>
    public static string Days(Duration duration) => Days(duration.TotalDays);

    public static string Days(double days)
    {
        var rounded = Math.Round(days, 1, MidpointRounding.AwayFromZero);
        return $"{rounded.ToString("#,##0.#", Culture)} {(rounded == 1 ? "dag" : "dagen")}";
    }

    /// <summary>A municipality by its name, from its CBS code as stored.</summary>
    public static string Municipality(string code) =>
        MunicipalityCode.TryParse(code, out var parsed) ? Municipalities.NameOf(parsed) : code;

    public static string Municipality(MunicipalityCode code) => Municipalities.NameOf(code);

    /// <summary>A confidentiality level as written in a sentence ("beperkt_openbaar" → "beperkt openbaar").</summary>
    /// <summary>A period as a Dutch reader says it: "1 jaar", "6 maanden", "2 weken en 3 dagen".</summary>
    public static string Age(Period period)
    {
        var parts = new List<string>();
        if (period.Years != 0) parts.Add(period.Years == 1 ? "1 jaar" : $"{period.Years} jaar");
        if (period.Months != 0) parts.Add(period.Months == 1 ? "1 maand" : $"{period.Months} maanden");
        if (period.Weeks != 0) parts.Add(period.Weeks == 1 ? "1 week" : $"{period.Weeks} weken");
        if (period.Days != 0) parts.Add(period.Days == 1 ? "1 dag" : $"{period.Days} dagen");
        return parts.Count <= 1 ? parts.SingleOrDefault() ?? "0 dagen" : string.Join(", ", parts[..^1]) + " en " + parts[^1];
    }

    public static string Confidentiality(string level) => level.Replace('_', ' ');

    /// <summary>
    /// An address as on an envelope ("Markt 12a, 6211 AB Maastricht"); without a street the number says what it is
    /// ("huisnummer 12, 6211 AB"), since a bare number before the postcode reads as nothing.
    /// </summary>
    public static string Address(Cases.AddressDto address)
    {
        var number = $"{address.HouseNumber}{address.HouseNumberAddition}";
        var place = string.Join(" ", new[] { Postcode.Display(address.Postcode), address.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return $"{(string.IsNullOrWhiteSpace(address.Street) ? $"huisnummer {number}" : $"{address.Street} {number}")}, {place}";
    }
}
