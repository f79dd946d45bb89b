using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Imports;

/// <summary>One row of a spreadsheet: its number as the spreadsheet shows it (the header is row 1) and its cells by column.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

/// <summary>
/// Reads a municipality's spreadsheet: CSV separated by semicolons (as Dutch Excel saves it) or commas, UTF-8, with a
/// header row; or an Excel workbook (.xlsx, the first sheet), read with the library the statistics export writes with.
/// </summary>
public static class ImportSheet
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>A year of a large municipality's signals, with room to spare; more is split over several files.</summary>
    public const int MaxRows = 5000;

    public static async Task<IReadOnlyList<SheetRow>> ReadAsync(Stream body, string? contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var xlsx = contentType?.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase) == true;
        List<SheetRow> rows;
        try
        {
            rows = xlsx ? ReadXlsx(buffer) : ReadCsv(buffer);
        }
        catch (Exception e) when (e is CsvHelperException or DecoderFallbackException or InvalidDataException or FormatException
                                      or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            throw Refused(xlsx ? "The file is not an Excel workbook (.xlsx) that can be read." : "The file is not CSV that can be read (UTF-8, with a header row).");
        }
        if (rows.Count > MaxRows) throw Refused($"The file has {rows.Count} rows; import at most {MaxRows} at a time.");
        var missing = ImportColumns.Required.Where(c => rows.Count > 0 && !rows[0].Cells.ContainsKey(c)).ToList();
        if (rows.Count == 0) throw Refused("The file has no rows under its header.");
        if (missing.Count > 0) throw Refused($"The header lacks the column(s) {string.Join(", ", missing)}.");
        return rows;
    }

    private static EngineProblem Refused(string message) =>
        EngineProblem.Validation(new Dictionary<string, string[]> { ["file"] = [message] });

    private static List<SheetRow> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(ch => ch == ';') >= firstLine.Count(ch => ch == ',') ? ";" : ",";
        using var csv = new CsvReader(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, HasHeaderRecord = true, DetectColumnCountChanges = false, BadDataFound = null, MissingFieldFound = null,
        });
        if (!csv.Read()) return [];
        csv.ReadHeader();
        var header = Header(csv.HeaderRecord ?? []);
        var rows = new List<SheetRow>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
                if (header[i] is { } column) cells[column] = csv.TryGetField<string>(i, out var value) ? value ?? "" : "";
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))) rows.Add(new SheetRow(rows.Count + 2, cells));
        }
        return rows;
    }

    private static List<SheetRow> ReadXlsx(Stream stream)
    {
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheets.First();
        var used = sheet.RangeUsed();
        if (used is null) return [];
        var first = used.FirstRow().RowNumber();
        var last = used.LastRow().RowNumber();
        var width = used.LastColumn().ColumnNumber();
        var header = Header(Enumerable.Range(1, width).Select(c => sheet.Cell(first, c).GetString()));
        var rows = new List<SheetRow>();
        for (var r = first + 1; r <= last; r++)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
                if (header[i] is { } column) cells[column] = CellText(sheet.Cell(r, i + 1));
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))) rows.Add(new SheetRow(r, cells));
        }
        return rows;
    }

    /// <summary>A date cell becomes the text the import reads (ISO), not the date as the sheet's locale formats it.</summary>
    private static string CellText(IXLCell cell) => cell.DataType == XLDataType.DateTime
        ? cell.GetDateTime() is var d && d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
        : cell.GetString();

    /// <summary>
    /// Column names as the import knows them (trimmed, lower case). A column it does not know, or one named twice, refuses
    /// the file: its values would otherwise be dropped without a word. An empty header cell is an unused column.
    /// </summary>
    private static List<string?> Header(IEnumerable<string> names)
    {
        var header = names.Select(n => n.Trim().ToLowerInvariant()).Select(n => n.Length == 0 ? null : n).ToList();
        var unknown = header.OfType<string>().Where(n => !ImportColumns.Known(n)).ToList();
        if (unknown.Count > 0)
            throw Refused($"Unknown column(s): {string.Join(", ", unknown.Select(u => u.Length > 40 ? u[..40] : u))}. The columns are described in the README.");
        var twice = header.OfType<string>().GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0) throw Refused($"Column(s) named more than once: {string.Join(", ", twice)}.");
        return header;
    }
}
