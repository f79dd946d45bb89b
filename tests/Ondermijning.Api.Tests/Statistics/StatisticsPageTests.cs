using AngleSharp.Html.Parser;
using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Statistics;

[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class StatisticsPageTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_statistics_page_opens_on_the_year_in_progress()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var reader = await factory.SignInOnPagesAsync("demo-statistiek");
        var year = factory.Clock.GetCurrentInstant().InUtc().Year;

        var html = await reader.GetStringAsync("/statistieken");

        html.Should().Contain($"format=csv").And.Contain($"year={year}&", "the downloads follow the year shown");
    }

    [Fact]
    public async Task A_region_the_reader_works_for_in_whole_is_offered_and_an_unknown_one_is_said_in_Dutch()
    {
        await using var factory = new ApiFactory
        {
            DemoUsers = true,
            Settings = new Dictionary<string, string> { ["Statistics:Regions:riec-zuid-limburg:0"] = "GM0935" },
        };
        var reader = await factory.SignInOnPagesAsync("demo-statistiek");

        var page = Parser.ParseDocument(await reader.GetStringAsync("/statistieken"));
        page.QuerySelectorAll("#gebied option").Select(o => (o.GetAttribute("value"), o.TextContent)).Should().Equal(
            ("GM0935", "Maastricht"), ("regio:riec-zuid-limburg", "Regio RIEC Zuid Limburg (1 gemeente)"));
        page.QuerySelectorAll("#gebied option").Select(o => o.TextContent).Should().NotContain(t => t.Contains("RIEC Limburg"),
            "the region of six municipalities adds up figures of municipalities this reader does not work for");
        page.QuerySelector(".downloads a")!.TextContent.Should().Be("Excel-bestand (aanbevolen)");

        var region = Parser.ParseDocument(await reader.GetStringAsync("/statistieken?gebied=regio:riec-zuid-limburg"));
        region.QuerySelector(".hint")!.TextContent.Should().Contain("regio RIEC Zuid Limburg: Maastricht");
        region.QuerySelector(".downloads a")!.GetAttribute("href").Should().Contain("region=riec-zuid-limburg");

        using var unknown = await reader.GetAsync("/statistieken?gebied=regio:atlantis");
        unknown.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        Parser.ParseDocument(await unknown.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent
            .Should().Be("Er is geen regio met die naam. Kies een gemeente of regio uit de lijst.");
        using var whole = await reader.GetAsync("/statistieken?regio=riec-limburg");
        Parser.ParseDocument(await whole.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent
            .Should().StartWith("U werkt niet voor alle gemeenten van deze regio");
    }

    [Fact]
    public async Task The_monthly_overview_stands_above_the_annual_table_with_Dutch_dates_and_days()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var year = factory.Clock.GetCurrentInstant().InUtc().Year;
        var reader = await factory.SignInOnPagesAsync("demo-oov");

        var page = Parser.ParseDocument(await reader.GetStringAsync($"/statistieken?jaar={year}&maand=2"));

        var overview = page.QuerySelector("#overzicht")!;
        overview.TextContent.Should().Be($"Overzicht februari {year} (1 februari {year} tot en met {(DateTime.IsLeapYear(year) ? 29 : 28)} februari {year})");
        var sections = page.QuerySelectorAll("main section").ToList();
        sections.IndexOf((AngleSharp.Dom.IElement)overview.ParentElement!).Should().Be(0, "the overview comes first");
        page.QuerySelectorAll("#overzicht ~ .grid-2 th").Select(t => t.TextContent).Should().Contain("Mediaan").And.NotContain(t => t.Contains("uren"));
    }
}
