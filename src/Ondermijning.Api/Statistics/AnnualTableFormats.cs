using System.Globalization;
using System.Net;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Statistics;

/// <summary>One line of the CSV export; the column names are Dutch because the file goes to Dutch readers.</summary>
public sealed class AnnualCsvRow
{
    [Name("jaar")] public int Year { get; init; }
    [Name("gebied")] public string Scope { get; init; } = "";
    [Name("onderdeel")] public string Section { get; init; } = "";
    [Name("id")] public string Id { get; init; } = "";
    [Name("omschrijving")] public string Label { get; init; } = "";
    [Name("aantal")] public long Value { get; init; }
    [Name("definitie")] public string Definition { get; init; } = "";
}

/// <summary>The annual table as CSV, Excel and a printable HTML page: the same figures as the JSON, row for row.</summary>
public static class AnnualTableFormats
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string HtmlType = "text/html; charset=utf-8";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string ScopeName(AnnualStatisticsDto table) =>
        table.Region is null ? string.Join(", ", table.Municipalities) : $"{table.Region} ({string.Join(", ", table.Municipalities)})";

    public static string FileName(AnnualStatisticsDto table, string extension) =>
        $"ondermijning-{table.Year}-{table.Region ?? string.Join("-", table.Municipalities)}.{extension}";

    public static byte[] Csv(AnnualStatisticsDto table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // As a Dutch Excel opens it by a double click: semicolons (its list separator), every field quoted.
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", ShouldQuote = _ => true }))
            csv.WriteRecords(table.Sections.SelectMany(s => s.Figures.Select(f => new AnnualCsvRow
            {
                Year = table.Year, Scope = ScopeName(table), Section = s.Title, Id = f.Id, Label = f.Label, Value = f.Value, Definition = f.Definition,
            })));
        // A byte-order mark lets Excel open the file as UTF-8 (ë, é in the labels).
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public const int XlsxHeaderRow = 4;

    /// <summary>Title rows, then one header row (<see cref="XlsxHeaderRow"/>) and one row per figure.</summary>
    public static byte[] Xlsx(AnnualStatisticsDto table)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add($"Jaaroverzicht {table.Year}");
        sheet.Cell(1, 1).Value = $"Ondermijning: jaaroverzicht {table.Year}";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = $"Gebied: {ScopeName(table)}";
        string[] headers = ["Onderdeel", "Id", "Omschrijving", "Aantal", "Definitie"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(XlsxHeaderRow, c + 1).Value = headers[c];
            sheet.Cell(XlsxHeaderRow, c + 1).Style.Font.Bold = true;
        }
        var row = XlsxHeaderRow + 1;
        foreach (var section in table.Sections)
            foreach (var figure in section.Figures)
            {
                sheet.Cell(row, 1).Value = section.Title;
                sheet.Cell(row, 2).Value = figure.Id;
                sheet.Cell(row, 3).Value = (figure.Level > 0 ? "  " : "") + figure.Label;
                sheet.Cell(row, 4).Value = figure.Value;
                sheet.Cell(row, 5).Value = figure.Definition;
                row++;
            }
        // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
        sheet.Column(1).Width = 38;
        sheet.Column(2).Width = 34;
        sheet.Column(3).Width = 60;
        sheet.Column(4).Width = 10;
        sheet.Column(5).Width = 100;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static string Html(AnnualStatisticsDto table, IReadOnlyList<FigureDto> interventionsByType)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <title>Ondermijning: jaaroverzicht {{table.Year}} – {{E(ScopeName(table))}}</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
            th, td { border-bottom: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
            td.aantal { text-align: right; font-weight: bold; width: 5em; }
            tr.sub td.omschrijving { padding-left: 2em; }
            td.definitie { font-size: .8em; color: #555; }
            @media print { body { margin: 0; } section { page-break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>Ondermijning: jaaroverzicht {{table.Year}}</h1>
            <p>Gebied: {{E(ScopeName(table))}}. Berekend op {{table.ComputedAt.InZone(Amsterdam.Zone).ToString("d-M-yyyy HH:mm", Dutch)}} uit de vastgelegde gegevens.</p>

            """);
        foreach (var section in table.Sections)
        {
            html.Append($"<section id=\"{E(section.Id)}\">\n<h2>{E(section.Title)}</h2>\n<table>\n");
            html.Append("<thead><tr><th>Aantal</th><th>Omschrijving</th><th>Definitie</th></tr></thead>\n<tbody>\n");
            foreach (var f in section.Figures)
                html.Append($"<tr class=\"{(f.Level > 0 ? "sub" : "hoofd")}\" data-id=\"{E(f.Id)}\"><td class=\"aantal\">{f.Value.ToString("N0", Dutch)}</td>" +
                            $"<td class=\"omschrijving\">{E(f.Label)}</td><td class=\"definitie\">{E(f.Definition)}</td></tr>\n");
            html.Append("</tbody>\n</table>\n");
            if (section.Id == "mot") html.Append(Chart(interventionsByType));
            html.Append("</section>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A horizontal bar chart as inline SVG: printable, and no script needed.</summary>
    public static string Chart(IReadOnlyList<FigureDto> bars)
    {
        const int barHeight = 28, gap = 10, labelWidth = 200, chartWidth = 360, valueWidth = 50;
        var max = Math.Max(1, bars.Max(b => b.Value));
        var height = bars.Count * (barHeight + gap) + gap;
        var svg = new StringBuilder();
        svg.Append($"<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" " +
                   $"width=\"{labelWidth + chartWidth + valueWidth}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + chartWidth + valueWidth} {height}\">\n");
        svg.Append("<title id=\"chart-title\">Interventies naar soort</title>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = gap + i * (barHeight + gap);
            var width = (int)Math.Round(chartWidth * (double)bars[i].Value / max);
            svg.Append($"<text x=\"0\" y=\"{y + barHeight * 0.7:0}\" font-size=\"14\">{WebUtility.HtmlEncode(bars[i].Label)}</text>\n");
            svg.Append($"<rect class=\"bar\" data-id=\"{bars[i].Id}\" x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"#1f5f8b\"/>\n");
            svg.Append($"<text x=\"{labelWidth + width + 6}\" y=\"{y + barHeight * 0.7:0}\" font-size=\"14\">{bars[i].Value}</text>\n");
        }
        svg.Append("</svg>\n<figcaption>Interventies naar soort (besloten in de MOT)</figcaption>\n</figure>\n");
        return svg.ToString();
    }
}
