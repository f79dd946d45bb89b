using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Imports;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Pages.Signalen;

/// <summary>
/// The OOV regisseur checks a spreadsheet of past signals (the dry run) and then imports it; every refused row is listed
/// with its row number and, in Dutch, what to correct.
/// </summary>
[RequiresPermission(Permission.ImportHistory)]
public sealed class ImporterenModel(HistoryImport import) : PageModel
{
    public const string FileField = "bestand";

    public ImportReport? Report { get; private set; }
    /// <summary>The Dutch message next to the file field, when the file itself was refused.</summary>
    public string? FileError { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FileField)] IFormFile? bestand, string? actie, CancellationToken cancellationToken)
    {
        if (bestand is null || bestand.Length == 0)
        {
            FileError = "Kies een bestand (CSV of Excel).";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        try
        {
            await using var stream = bestand.OpenReadStream();
            var xlsx = bestand.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
            var rows = await ImportSheet.ReadAsync(stream, xlsx ? ImportSheet.XlsxType : ImportSheet.CsvType, cancellationToken);
            Report = await import.RunAsync(rows, actie != "importeren", User.ToActor(), cancellationToken);
        }
        catch (EngineProblem)
        {
            FileError = "Dit bestand kan niet worden gelezen. Gebruik CSV (UTF-8, gescheiden door ; of ,) of Excel (.xlsx), met op de eerste rij de kolomnamen uit de handleiding, en hoogstens "
                        + $"{ImportSheet.MaxRows} rijen.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    public static string Samenvatting(ImportReport report) =>
        $"{report.Rows.Count} {(report.Rows.Count == 1 ? "rij" : "rijen")}: " +
        (report.DryRun ? $"{report.Count(ImportRowStatus.Importable)} kan worden geïmporteerd" : $"{report.Count(ImportRowStatus.Imported)} geïmporteerd") +
        $", {report.Count(ImportRowStatus.AlreadyImported)} al eerder geïmporteerd, {report.Count(ImportRowStatus.Refused)} geweigerd.";

    public static string Uitkomst(ImportRowStatus status) => status switch
    {
        ImportRowStatus.Importable => "kan worden geïmporteerd",
        ImportRowStatus.Imported => "geïmporteerd",
        ImportRowStatus.AlreadyImported => "al eerder geïmporteerd",
        _ => "geweigerd",
    };

    private static readonly Dictionary<string, string> ColumnMessages = new()
    {
        [ImportColumns.Reference] = "Vul de eigen referentie van de gemeente in (hoogstens 200 tekens), één keer per bestand. Een referentie die al met een ander signaal is geïmporteerd, kan niet opnieuw worden gebruikt.",
        [ImportColumns.Municipality] = "Vul de gemeente in met haar code uit de gemeentelijst, een gemeente waarvoor u werkt.",
        [ImportColumns.ReceivedAt] = "Vul de datum van ontvangst in als jjjj-mm-dd, eventueel met tijd (jjjj-mm-ddTuu:mm), niet in de toekomst.",
        // The codes themselves are in the manual: a page names channels, it does not spell their codes.
        [ImportColumns.Channel] = "Vul het kanaal in met een van de codes uit de handleiding, bijvoorbeeld bewonersgesprek of professional.",
        [ImportColumns.Description] = "Beschrijf het signaal (hoogstens 8000 tekens).",
        [ImportColumns.Severity] = "Vul een zwaarte in die het werkproces kent en die hoog genoeg is voor de stappen in deze rij.",
        [ImportColumns.Branch] = "Vul een kortere branche in.",
        [ImportColumns.Steps] = "Schrijf elke stap als stap@datum, gescheiden door |. Elke stap moet in het werkproces vanuit de vorige fase mogelijk zijn, niet vóór de ontvangst of de vorige stap liggen en niet in de toekomst.",
        [ImportColumns.Reason] = "Een stap in deze rij vraagt om een reden: vul de kolom ‘reden’ in.",
    };

    /// <summary>What to correct, in Dutch: the engine's rule where it names one, otherwise what the column asks for.</summary>
    public static string Reden(ImportError error)
    {
        // "Required" also stands for a value that is not one of the choices; the column's own wording says what is asked.
        var message = error.Breach is { Rule: not (FieldRule.Other or FieldRule.Required) } breach ? DutchMessages.ForBreach(breach)
            : ColumnMessages.GetValueOrDefault(error.Column)
              ?? $"Een stap in deze rij vraagt om ‘{error.Column[ImportColumns.InformationPrefix.Length..]}’: vul de kolom ‘{error.Column}’ in.";
        return $"Kolom ‘{error.Column}’{(error.Step is { } step ? $", stap {step}" : "")}: {message}";
    }
}
