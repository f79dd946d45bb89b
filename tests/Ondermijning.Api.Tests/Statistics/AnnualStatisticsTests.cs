using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Ondermijning.Api.Statistics;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Statistics;

/// <summary>One year of events, built once through the API and read in every format.</summary>
public sealed class AnnualYearFixture : IAsyncLifetime
{
    // The region riec-limburg adds up six municipalities: only someone who works for all of them reads its figures.
    public ApiFactory Factory { get; } = new() { Municipalities = ["GM0935", "GM0917", "GM0983", "GM0928", "GM0957", "GM1883"] };

    public async Task InitializeAsync() => await new AnnualScenario(Factory).BuildAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public class AnnualStatisticsTests(AnnualYearFixture year) : IClassFixture<AnnualYearFixture>
{
    private HttpClient Client => year.Factory.CreateClient();

    public static Dictionary<string, long> Figures(JsonNode table) =>
        table["sections"]!.AsArray().SelectMany(s => s!["figures"]!.AsArray())
            .ToDictionary(f => f!.Str("id"), f => f!["value"]!.GetValue<long>());

    private async Task<JsonObject> AnnualAsync(string query)
    {
        var response = await Client.GetAsync($"/api/statistics/annual?{query}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task The_annual_table_counts_every_event_of_the_year_and_nothing_else()
    {
        var table = await AnnualAsync("municipality=GM0935&year=2023");

        Figures(table).Should().Equal(AnnualScenario.Expected2023);
        table["sections"]!.AsArray().Select(s => s!.Str("title")).Should().Equal(
            "Lokale werkgroep ondermijning (LWO)", "Actieteam Ondermijning (ATOM)", "Maastricht Ondermijningstafel (MOT)",
            "Bestuurlijke handhavingsmaatregelen", "Integrale fenomeenanalyses", "Vergroten bewustwording & signalering",
            "Ontvangen signalen");
        table["sections"]!.AsArray().SelectMany(s => s!["figures"]!.AsArray())
            .Should().OnlyContain(f => f!.Str("definition").Contains("geteld in het jaar"), "every number says by which date it is counted");
    }

    [Fact]
    public async Task Events_just_after_the_year_boundary_in_Amsterdam_count_for_the_next_year()
    {
        var figures = Figures(await AnnualAsync("municipality=GM0935&year=2024"));

        foreach (var (id, value) in AnnualScenario.Expected2024)
            figures[id].Should().Be(value, id);
        figures.Where(f => !AnnualScenario.Expected2024.ContainsKey(f.Key)).Should().OnlyContain(f => f.Value == 0);
    }

    [Fact]
    public async Task A_region_is_read_only_by_those_who_work_for_all_its_municipalities_and_another_municipality_is_not_found()
    {
        var maastrichtOnly = year.Factory.CreateClientFor("statistiek-maastricht", "gemeente", ["statistiek"], ["GM0935"]);
        var region = await maastrichtOnly.GetAsync("/api/statistics/annual?region=riec-limburg&year=2023");
        (await region.ProblemAsync(HttpStatusCode.Forbidden)).Str("detail").Should().Contain("GM0917");
        var heerlen = await maastrichtOnly.GetAsync("/api/statistics/annual?municipality=GM0917&year=2023");
        await heerlen.ProblemAsync(HttpStatusCode.NotFound);
        var own = await maastrichtOnly.GetAsync("/api/statistics/annual?municipality=GM0935&year=2023");
        await own.ShouldHaveStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_region_adds_up_its_municipalities()
    {
        var table = await AnnualAsync("region=riec-limburg&year=2023");

        table.Str("region").Should().Be("riec-limburg");
        var figures = Figures(table);
        figures["lwo.behandeld"].Should().Be(AnnualScenario.Expected2023["lwo.behandeld"] + 1);
        figures["lwo.politie"].Should().Be(AnnualScenario.Expected2023["lwo.politie"] + 1);
        figures["bibob.screenings"].Should().Be(AnnualScenario.Expected2023["bibob.screenings"] + 1);
        figures["atom.locaties"].Should().Be(AnnualScenario.Expected2023["atom.locaties"]);
        table["sections"]!.AsArray().Single(s => s!.Str("id") == "mot")!.Str("title").Should().Be("Ondermijningstafels (MOT)",
            "a region's figures come from the tables of several municipalities");
    }

    [Fact]
    public async Task The_table_of_another_municipality_carries_its_own_name()
    {
        var table = await AnnualAsync("municipality=GM0917&year=2023");

        table["sections"]!.AsArray().Single(s => s!.Str("id") == "mot")!.Str("title").Should().Be("Heerlen Ondermijningstafel (MOT)");
    }

    [Fact]
    public async Task The_csv_holds_the_same_numbers_as_the_json_and_opens_in_a_Dutch_Excel()
    {
        var json = Figures(await AnnualAsync("municipality=GM0935&year=2023"));
        var response = await Client.GetAsync("/api/statistics/annual?municipality=GM0935&year=2023&format=csv");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "a byte-order mark makes Excel read UTF-8");
        var header = Encoding.UTF8.GetString(bytes[3..]).Split('\n')[0];
        header.Should().StartWith("\"").And.Contain("\";\"", "semicolons, Excel's list separator in Dutch, with every field quoted");

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rows = csv.GetRecords<AnnualCsvRow>().ToList();

        rows.ToDictionary(r => r.Id, r => r.Value).Should().Equal(json);
        rows.Should().OnlyContain(r => r.Year == 2023 && r.Scope == "GM0935" && r.Definition.Length > 0);
    }

    [Fact]
    public async Task The_xlsx_holds_the_same_numbers_as_the_json()
    {
        var json = Figures(await AnnualAsync("municipality=GM0935&year=2023"));
        var response = await Client.GetAsync("/api/statistics/annual?municipality=GM0935&year=2023&format=xlsx");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(AnnualTableFormats.XlsxType);

        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        sheet.Cell(AnnualTableFormats.XlsxHeaderRow, 4).GetString().Should().Be("Aantal");
        var numbers = new Dictionary<string, long>();
        for (var row = AnnualTableFormats.XlsxHeaderRow + 1; !sheet.Cell(row, 2).IsEmpty(); row++)
            numbers[sheet.Cell(row, 2).GetString()] = (long)sheet.Cell(row, 4).GetDouble();

        numbers.Should().Equal(json);
    }

    [Fact]
    public async Task The_html_page_holds_the_table_and_a_bar_chart_of_interventions_by_type_without_scripts()
    {
        var response = await Client.GetAsync("/api/statistics/annual?municipality=GM0935&year=2023&format=html");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();

        html.Should().Contain("<html lang=\"nl\">").And.Contain("Lokale werkgroep ondermijning (LWO)")
            .And.Contain("<table>").And.Contain("<svg").And.Contain("Interventies naar soort");
        html.Should().NotContainEquivalentOf("<script");
        foreach (var (id, value) in AnnualScenario.Expected2023)
            html.Should().Contain($"data-id=\"{id}\"><td class=\"aantal\">{value}</td>", id);
        html.Should().Contain("<rect class=\"bar\" data-id=\"mot.bestuurlijk\"").And.Contain("<rect class=\"bar\" data-id=\"mot.fiscaal\"");
    }

    [Fact]
    public async Task Asking_without_a_scope_or_for_an_unknown_region_is_a_problem_a_policy_adviser_understands()
    {
        var both = await Client.GetAsync("/api/statistics/annual?year=2023");
        (await both.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["municipality"]!.ToJsonString().Should().Contain("municipality=GM0935");

        var unknown = await Client.GetAsync("/api/statistics/annual?region=nowhere&year=2023");
        (await unknown.ProblemAsync(HttpStatusCode.NotFound)).Str("detail").Should().Contain("riec-limburg");
    }
}

[Trait("Provider", "Sqlite")]
public class PersonalDataErasureTests
{
    [Fact]
    public async Task Erasing_personal_data_leaves_the_annual_table_unchanged()
    {
        await using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite)) { Municipalities = ["GM0935", "GM0917"] };
        await new AnnualScenario(factory).BuildAsync();
        var client = factory.CreateClient();
        var before = await client.GetStringAsync("/api/statistics/annual?municipality=GM0935&year=2023");

        // What a retention purge does: names, addresses, reporters, descriptions and free texts are erased in place.
        await using (var connection = new SqliteConnection($"Data Source={factory.Database.Location}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE cases SET Description = '[verwijderd]', ReporterName = NULL, ReporterContact = NULL, Branch = NULL, PhenomenonTags = '[]';
                UPDATE case_persons SET Name = '[verwijderd]', BirthDate = NULL, Role = NULL;
                UPDATE case_companies SET Name = '[verwijderd]', KvkNumber = NULL, Place = NULL;
                UPDATE case_addresses SET Postcode = '', HouseNumber = 0, HouseNumberAddition = NULL, Street = NULL, City = NULL;
                UPDATE case_history SET Reason = NULL, InformationJson = '{}';
                UPDATE lwo_decisions SET Reason = NULL, ChainPartner = NULL;
                UPDATE atom_inspections SET Location = NULL, OtherOutcome = NULL, Organisations = '[]';
                UPDATE interventions SET Note = NULL;
                UPDATE drug_premises_closures SET Premises = NULL;
                UPDATE phenomenon_studies SET Result = NULL;
                """;
            (await command.ExecuteNonQueryAsync()).Should().BePositive();
        }

        var after = await client.GetStringAsync("/api/statistics/annual?municipality=GM0935&year=2023");
        AnnualStatisticsTests.Figures(JsonNode.Parse(after)!).Should().Equal(AnnualStatisticsTests.Figures(JsonNode.Parse(before)!))
            .And.Equal(AnnualScenario.Expected2023);
    }
}
