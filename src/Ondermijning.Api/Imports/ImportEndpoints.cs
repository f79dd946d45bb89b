using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Imports;

public sealed record ImportErrorDto(string Column, int? Step, string Message);

/// <param name="Status">importable (dry run), imported, already-imported or refused.</param>
public sealed record ImportRowDto(int Row, string? Reference, string Status, string? CaseId, IReadOnlyList<ImportErrorDto> Errors);

public sealed record ImportReportDto(bool DryRun, int Rows, int Importable, int Imported, int AlreadyImported, int Refused,
    IReadOnlyList<ImportRowDto> Results)
{
    public static ImportReportDto From(ImportReport report) => new(report.DryRun, report.Rows.Count,
        report.Count(ImportRowStatus.Importable), report.Count(ImportRowStatus.Imported), report.Count(ImportRowStatus.AlreadyImported),
        report.Count(ImportRowStatus.Refused),
        report.Rows.Select(r => new ImportRowDto(r.Row, r.Reference, ApiSpelling.Kebab(r.Status), r.Case?.ToString(),
            r.Errors.Select(e => new ImportErrorDto(e.Column, e.Step, e.Message)).ToList())).ToList());
}

public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImportEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", Import).Requires(Permission.ImportHistory).WithTags("Imports")
            .Accepts<string>(ImportSheet.CsvType, ImportSheet.XlsxType)
            .WithSummary("Check or import a municipality's spreadsheet of past signals and their steps.")
            .WithDescription("The body is the file: CSV (UTF-8, separated by ; or ,, with a header row) as `text/csv`, or an Excel " +
                $"workbook as `{ImportSheet.XlsxType}`. The columns are described in the README (\"Registering the past\"). " +
                "With `dryRun=true` every row is checked and nothing is stored; the answer lists every refused row with its row " +
                "number, the column and the reason. Without it the rows that pass are imported through the same commands as " +
                "`POST /api/signals` and `POST /api/cases/{id}/transitions`, each keyed by the municipality and its `referentie`: " +
                "importing the file again registers nothing twice and only adds steps a case does not have yet.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<ImportReportDto>> Import(HttpRequest request, bool? dryRun, HistoryImport import, HttpContext http,
        CancellationToken cancellationToken)
    {
        var rows = await ImportSheet.ReadAsync(request.Body, request.ContentType, cancellationToken);
        var report = await import.RunAsync(rows, dryRun ?? false, http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(ImportReportDto.From(report));
    }
}
