namespace Ondermijning.Api.Imports;

/// <summary>The columns of an import spreadsheet, as the README documents them.</summary>
public static class ImportColumns
{
    public const string Reference = "referentie";
    public const string Municipality = "gemeente";
    public const string ReceivedAt = "ontvangen";
    public const string Channel = "kanaal";
    public const string Description = "omschrijving";
    public const string Severity = "zwaarte";
    public const string Branch = "branche";
    public const string Steps = "stappen";
    public const string Reason = "reden";
    /// <summary>The prefix of a column that gives what a step asks for: <c>info:ketenpartner</c>.</summary>
    public const string InformationPrefix = "info:";

    public static readonly IReadOnlyList<string> Required = [Reference, Municipality, ReceivedAt, Channel, Description];

    private static readonly HashSet<string> Fixed = [.. Required, Severity, Branch, Steps, Reason];

    public static bool Known(string column) =>
        Fixed.Contains(column) || (column.StartsWith(InformationPrefix, StringComparison.Ordinal) && column.Length > InformationPrefix.Length);

    /// <summary>The column a field of the signal request comes from, so a refusal names the column the user filled in.</summary>
    public static string OfSignalField(string field) => field switch
    {
        "municipality" => Municipality,
        "receivedAt" => ReceivedAt,
        "sourceChannel" => Channel,
        "description" => Description,
        "severity" => Severity,
        "branch" => Branch,
        _ => field,
    };
}
