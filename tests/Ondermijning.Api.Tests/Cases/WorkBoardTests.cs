using AngleSharp.Html.Parser;
using NodaTime;
using Ondermijning.Api.Pages;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>
/// The work board at a real volume: a thousand open cases give a page of a fixed size, overdue cases lead their column
/// with a count per column, and the list view sorts and pages through all of them, saying how many there are.
/// </summary>
public class WorkBoardTests
{
    /// <summary>What a board may weigh whatever the number of cases: the columns hold at most <see cref="IndexModel.ColumnLimit"/> cards.</summary>
    private const int MaxBoardBytes = 60_000;

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_thousand_open_cases_give_a_board_of_a_fixed_size_with_the_overdue_first_and_counted()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var late = await Register(oov, 400);
        factory.Clock.Advance(Duration.FromDays(4)); // past the three days a received signal may wait
        var recent = await Register(oov, 600);
        foreach (var batch in recent.Take(100).Chunk(25))
            await Task.WhenAll(batch.Select(id => oov.FireOkAsync(id, "start-verrijking")));
        var pages = await factory.SignInOnPagesAsync("demo-oov");

        var html = await pages.GetStringAsync("/");

        html.Length.Should().BeLessThan(MaxBoardBytes);
        var page = Parser.ParseDocument(html);
        page.QuerySelector("#aantal")!.TextContent.Should().StartWith("1.000 open zaken");
        var received = page.QuerySelector("#kolom-ontvangen")!;
        received.QuerySelector("h2")!.TextContent.Should().Contain("900").And.Contain("400 te laat");
        page.QuerySelector("#kolom-verrijking h2")!.TextContent.Should().Contain("100").And.NotContain("te laat");
        var cards = received.QuerySelectorAll("article.case-card");
        cards.Should().HaveCount(IndexModel.ColumnLimit);
        cards.Should().OnlyContain(c => c.ClassList.Contains("late") && late.Contains(CaseId(c)), "the overdue cases lead their column");
        received.QuerySelector("a.more")!.GetAttribute("href").Should().Contain("weergave=lijst").And.Contain("fase=ontvangen");
        page.QuerySelectorAll(".column-index a").Select(a => a.GetAttribute("href"))
            .Should().Contain(["#kolom-ontvangen", "#kolom-verrijking", "#kolom-interventies"], "every column is named above the board, also those scrolled out of sight");

        // Each card names its subject and offers its steps behind one control, never as a row of links.
        cards[0].QuerySelector(".subject")!.TextContent.Should().Be("Kapsalon De Schaar");
        cards.Should().OnlyContain(c => c.QuerySelectorAll("details.card-steps").Length == 1);
        page.QuerySelectorAll("a[href*='#stap-']").Should().OnlyContain(a => a.Closest("details") != null);
        cards[0].QuerySelector(".meta")!.TextContent.Should().Contain("4 dagen in fase").And.Contain("Maastricht").And.NotContain("GM0935");
    }

    [Fact]
    public async Task The_list_sorts_and_pages_through_every_open_case_and_says_how_many_there_are()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var oldest = (await oov.RegisterAsync()).Str("id");
        factory.Clock.Advance(Duration.FromHours(1));
        await Register(oov, 98);
        factory.Clock.Advance(Duration.FromHours(1));
        var newest = (await oov.RegisterAsync()).Str("id");
        await oov.FireOkAsync(newest, "start-verrijking");
        var pages = await factory.SignInOnPagesAsync("demo-oov");

        var first = Parser.ParseDocument(await pages.GetStringAsync("/?weergave=lijst"));
        first.QuerySelector("#aantal")!.TextContent.Should().Be("Zaak 1 tot en met 50 van 100 open zaken.");
        first.QuerySelectorAll("table.case-list tbody tr").Should().HaveCount(IndexModel.ListPageSize);
        CaseId(first.QuerySelector("table.case-list tbody tr")!).Should().Be(newest, "newest received first by default");
        first.QuerySelector("nav.pages")!.TextContent.Should().Contain("Pagina 1 van 2");

        var second = Parser.ParseDocument(await pages.GetStringAsync("/?weergave=lijst&pagina=2"));
        second.QuerySelector("#aantal")!.TextContent.Should().Be("Zaak 51 tot en met 100 van 100 open zaken.");
        CaseId(second.QuerySelectorAll("table.case-list tbody tr").Last()).Should().Be(oldest);

        var waiting = Parser.ParseDocument(await pages.GetStringAsync("/?weergave=lijst&sorteer=wachttijd"));
        CaseId(waiting.QuerySelector("table.case-list tbody tr")!).Should().Be(oldest, "longest in its stage first");
        var byStage = Parser.ParseDocument(await pages.GetStringAsync("/?weergave=lijst&sorteer=fase&pagina=2"));
        CaseId(byStage.QuerySelectorAll("table.case-list tbody tr").Last()).Should().Be(newest, "enrichment comes after receipt in the chain");
        var row = byStage.QuerySelectorAll("table.case-list tbody tr").Last();
        row.TextContent.Should().Contain("Verrijking met open bronnen").And.Contain("Maastricht").And.Contain("Kapsalon De Schaar");

        var unknown = Parser.ParseDocument(await pages.GetStringAsync("/?weergave=lijst&sorteer=grootte&fase=nergens"));
        unknown.QuerySelector("#sorteer-fout")!.TextContent.Should().Be("Kies een volgorde uit de lijst.");
        unknown.QuerySelector("#fase-fout")!.TextContent.Should().Be("Kies een fase uit de lijst.");
        unknown.QuerySelector("#fase")!.GetAttribute("aria-describedby").Should().Be("fase-fout");
    }

    [Fact]
    public async Task Wacht_op_mij_shows_the_regisseur_what_waits_for_a_step_and_a_partner_that_nothing_does()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var atLwo = (await oov.RegisterAsync()).Str("id");
        await oov.MoveToAsync(atLwo, "lwo");

        var mine = Parser.ParseDocument(await (await factory.SignInOnPagesAsync("demo-oov")).GetStringAsync("/?mijn=ja"));
        mine.QuerySelector("#mijn")!.HasAttribute("checked").Should().BeTrue();
        mine.QuerySelectorAll("article.case-card a.title").Select(a => a.GetAttribute("href")).Should().Equal($"/zaken/{atLwo}");

        var police = Parser.ParseDocument(await (await factory.SignInOnPagesAsync("demo-politie")).GetStringAsync("/?mijn=ja"));
        police.QuerySelector("#aantal")!.TextContent.Should().StartWith("Er wacht geen open zaak op u.");
        police.QuerySelectorAll("article.case-card").Should().BeEmpty();
        police.QuerySelectorAll("details.card-steps").Should().BeEmpty();
    }

    private static async Task<List<string>> Register(HttpClient client, int count)
    {
        var ids = new List<string>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(25))
            ids.AddRange(await Task.WhenAll(batch.Select(async _ => (await client.RegisterAsync()).Str("id"))));
        return ids;
    }

    private static string CaseId(AngleSharp.Dom.IElement card) =>
        card.QuerySelector("a[href^='/zaken/']")!.GetAttribute("href")!["/zaken/".Length..];
}
