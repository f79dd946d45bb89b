using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Statistics;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Tests.Signals;

/// <summary>
/// A municipality's spreadsheet of past signals and their steps: checked in a dry run that names every refused row, then
/// imported through the API's own commands, once, however often the file is imported.
/// </summary>
public class HistoryImportTests
{
    private static readonly Instant Today = SystemClock.Instance.GetCurrentInstant();
    private static int LastYear => Today.InZone(Amsterdam.Zone).Year - 1;

    /// <summary>Rows 2 and 4 are sound; row 3 names a channel that does not exist, row 5 a step its (lowest) severity does not allow.</summary>
    private static string Sheet(char separator) => string.Join("\n", new[]
    {
        "referentie;gemeente;ontvangen;kanaal;omschrijving;stappen;reden",
        $"MAA-001;GM0935;{LastYear}-03-01;bewonersgesprek;\"Gesprek met bewoners; drukte bij een kapsalon\";start-verrijking@{LastYear}-03-02 | bevestigd-naar-lwo@{LastYear}-03-05T10:15 | naar-politie@{LastYear}-03-10;",
        $"MAA-002;GM0935;{LastYear}-04-01;brief;Brief over een loods;;",
        $"MAA-003;GM0935;{LastYear}-05-01T09:30;melding-gemeente;Melding over een garagebox;;",
        $"MAA-004;GM0935;{LastYear}-06-01;melding-politie;Melding over een woning;start-verrijking@{LastYear}-06-02 | bevestigd-naar-lwo@{LastYear}-06-03 | naar-mot@{LastYear}-06-04;Concrete aanwijzingen",
    }.Select(line => separator == ';' ? line : line.Replace(';', separator)));

    private static async Task<JsonObject> ImportAsync(HttpClient client, string csv, bool dryRun)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync($"/api/imports?dryRun={(dryRun ? "true" : "false")}", content);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Per row its number, its status and the columns its errors name.</summary>
    private static List<(int Row, string Status, string Columns)> Rows(JsonObject report) =>
        report["results"]!.AsArray().Select(r => (r!.Int("row"), r!.Str("status"),
            string.Join(",", r!["errors"]!.AsArray().Select(e => e!.Str("column")).Distinct()))).ToList();

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    public async Task A_faulty_row_is_refused_alone_and_the_rest_is_imported_once_even_when_imported_twice(char separator)
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        var csv = Sheet(separator);

        var dryRun = await ImportAsync(client, csv, dryRun: true);
        Rows(dryRun).Should().Equal(
            (2, "importable", ""), (3, "refused", "kanaal"), (4, "importable", ""), (5, "refused", "zwaarte"));
        dryRun["results"]![3]!["errors"]![0]!.Str("message").Should().Contain("severity");
        dryRun["results"]![3]!["errors"]![0]!.Int("step").Should().Be(3);
        (await client.CaseCountAsync()).Should().Be(0, "a dry run stores nothing");

        var first = await ImportAsync(client, csv, dryRun: false);
        Rows(first).Select(r => r.Status).Should().Equal("imported", "refused", "imported", "refused");
        var second = await ImportAsync(client, csv, dryRun: false);
        Rows(second).Select(r => r.Status).Should().Equal("already-imported", "refused", "already-imported", "refused");
        (await ImportAsync(client, csv, dryRun: true))["alreadyImported"]!.GetValue<int>().Should().Be(2);
        (await client.CaseCountAsync()).Should().Be(2);

        var imported = await client.GetCaseAsync(first["results"]![0]!.Str("caseId"));
        imported.Str("stage.id").Should().Be("politie");
        imported["history"]!.AsArray().Count(h => h!.Str("kind") == "transition").Should().Be(3);
        var last = AnnualStatisticsTests.Figures((await client.GetFromJsonAsync<JsonObject>($"/api/statistics/annual?municipality=GM0935&year={LastYear}"))!);
        last["signalen.ontvangen"].Should().Be(2);
        last["signalen.bewonersgesprek"].Should().Be(1);
        last["lwo.politie"].Should().Be(1);
        last["bewustwording.signalen-lwo"].Should().Be(1);
        var current = AnnualStatisticsTests.Figures((await client.GetFromJsonAsync<JsonObject>($"/api/statistics/annual?municipality=GM0935&year={LastYear + 1}"))!);
        current["signalen.ontvangen"].Should().Be(0);
    }

    [Fact]
    public async Task A_row_imported_before_with_other_content_is_refused_and_a_row_with_more_steps_takes_only_the_new_ones()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        const string header = "referentie;gemeente;ontvangen;kanaal;omschrijving;stappen";
        var row = $"MAA-010;GM0935;{LastYear}-03-01;melding-gemeente;Brief over een loods;start-verrijking@{LastYear}-03-02";
        var first = await ImportAsync(client, $"{header}\n{row}", dryRun: false);

        var more = await ImportAsync(client, $"{header}\n{row} | bevestigd-naar-lwo@{LastYear}-03-05", dryRun: false);
        var changed = await ImportAsync(client, $"{header}\nMAA-010;GM0935;{LastYear}-03-01;melding-gemeente;Een ander signaal;", dryRun: false);

        Rows(more).Should().Equal((2, "imported", ""));
        more["results"]![0]!.Str("caseId").Should().Be(first["results"]![0]!.Str("caseId"));
        var stored = await client.GetCaseAsync(first["results"]![0]!.Str("caseId"));
        stored.Str("stage.id").Should().Be("lwo");
        stored["history"]!.AsArray().Count(h => h!.Str("kind") == "transition").Should().Be(2);
        Rows(changed).Should().Equal((2, "refused", "referentie"));
        (await client.CaseCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task An_Excel_workbook_is_imported_with_its_date_cells()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Signalen");
        string[] header = ["referentie", "gemeente", "ontvangen", "kanaal", "omschrijving"];
        for (var c = 0; c < header.Length; c++) sheet.Cell(1, c + 1).Value = header[c];
        sheet.Cell(2, 1).Value = "MAA-100";
        sheet.Cell(2, 2).Value = "GM0935";
        sheet.Cell(2, 3).Value = new DateTime(LastYear, 2, 14);
        sheet.Cell(2, 4).Value = "melding-gemeente";
        sheet.Cell(2, 5).Value = "Brief over een nagelstudio";
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        var content = new ByteArrayContent(file.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var response = await client.PostAsync("/api/imports", content);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var stored = await client.GetCaseAsync(report["results"]![0]!.Str("caseId"));
        stored.Str("receivedAt").Should().StartWith($"{LastYear}-02-13T23:00:00", "the start of 14 February in Amsterdam");
    }

    [Theory]
    [InlineData("referentie;gemeente\nA;GM0935", "ontvangen")]
    [InlineData("referentie;gemeente;ontvangen;kanaal;omschrijving;onbekend\nA;GM0935;2024-01-01;melding-gemeente;x;y", "onbekend")]
    [InlineData("referentie;gemeente;ontvangen;kanaal;omschrijving", "no rows")]
    public async Task A_file_without_the_columns_or_rows_the_import_needs_is_refused_as_a_whole(string csv, string named)
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var problem = await (await factory.CreateClient().PostAsync("/api/imports?dryRun=true", content)).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["file"]![0]!.GetValue<string>().Should().Contain(named);
    }

    [Fact]
    public async Task The_page_checks_the_file_and_names_each_refused_row_in_Dutch()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today)) { DemoUsers = true };
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync("/signalen/importeren");
        var upload = new MultipartFormDataContent
        {
            { new StringContent(PageSignIn.FormToken(form)), "__RequestVerificationToken" },
            { new StringContent("controleren"), "actie" },
        };
        upload.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Sheet(';'))), "bestand", "signalen.csv");

        var response = await page.PostAsync("/signalen/importeren", upload);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("4 rijen: 2 kan worden geïmporteerd, 0 al eerder geïmporteerd, 2 geweigerd.");
        html.Should().Contain("Kolom ‘kanaal’: Vul het kanaal in met een van de codes uit de handleiding");
        html.Should().Contain("Kolom ‘zwaarte’, stap 3: Vul een zwaarte in die het werkproces kent en die hoog genoeg is voor de stappen in deze rij.");
        (await factory.CreateClient().CaseCountAsync()).Should().Be(0);
    }
}
