using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Ondermijning.Api.Pages.Termijnen;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Deadlines;

/// <summary>
/// A backlog of overdue cases is paged, longest overdue first, and every page says how many there are in all: the list
/// costs one page however long the backlog, and no overdue case is out of sight.
/// </summary>
public class OverduePagingTests
{
    [Fact]
    public async Task The_overdue_API_pages_longest_overdue_first_and_counts_them_all()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await client.RegisterAsync()).Str("id"));
            factory.Clock.Advance(Duration.FromHours(1));
        }
        var notYetDue = (await client.RegisterAsync()).Str("id");
        // Now the seventh is just due (three days after it arrived), the eighth not yet.
        factory.Clock.Advance(Duration.FromDays(3) - Duration.FromHours(1));

        var first = (await client.GetFromJsonAsync<JsonObject>("/api/cases/overdue?page=1&pageSize=3"))!;
        var second = (await client.GetFromJsonAsync<JsonObject>("/api/cases/overdue?page=2&pageSize=3"))!;
        var last = (await client.GetFromJsonAsync<JsonObject>("/api/cases/overdue?page=3&pageSize=3"))!;
        var beyond = (await client.GetFromJsonAsync<JsonObject>("/api/cases/overdue?page=4&pageSize=3"))!;

        first.Int("totalCount").Should().Be(7, "the case registered last is not due yet");
        first.Int("page").Should().Be(1);
        first.Int("pageSize").Should().Be(3);
        first["items"]!.AsArray().Select(c => c!.Str("id")).Should().Equal(ids[..3], "the longest overdue come first");
        last["items"]!.AsArray().Select(c => c!.Str("id")).Should().Equal(ids[6]);
        last.Int("totalCount").Should().Be(7);
        beyond["items"]!.AsArray().Should().BeEmpty();
        beyond.Int("totalCount").Should().Be(7, "a page past the end still says how many there are");
        new[] { first, second, last }.SelectMany(p => p["items"]!.AsArray()).Select(c => c!.Str("id"))
            .Should().Equal(ids, "the pages together hold every overdue case once").And.NotContain(notYetDue);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task A_page_number_or_size_out_of_range_is_a_validation_problem(string query, string field)
    {
        await using var factory = new ApiFactory();

        var response = await factory.CreateClient().GetAsync($"/api/cases/overdue?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task The_overdue_page_shows_a_page_of_the_longest_overdue_and_says_how_many_there_are()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var oldest = (await oov.RegisterAsync()).Str("id");
        factory.Clock.Advance(Duration.FromHours(1));
        foreach (var batch in Enumerable.Range(0, IndexModel.PageSize).Chunk(25))
            await Task.WhenAll(batch.Select(_ => oov.RegisterAsync()));
        factory.Clock.Advance(Duration.FromHours(1));
        var newest = (await oov.RegisterAsync()).Str("id");
        factory.Clock.Advance(Duration.FromDays(5));
        var browser = await factory.SignInOnPagesAsync("demo-oov");

        var first = await browser.GetStringAsync("/termijnen");
        var second = await browser.GetStringAsync("/termijnen?pagina=2");
        var beyond = await browser.GetStringAsync("/termijnen?pagina=9");

        var total = IndexModel.PageSize + 2;
        first.Should().Contain($"{total} zaken wachten langer dan hun termijn op een stap die u kunt zetten.")
            .And.Contain("Pagina 1 van 2").And.Contain("href=\"/termijnen?pagina=2\"").And.NotContain("Vorige pagina");
        var rows = first[first.IndexOf("<tbody>", StringComparison.Ordinal)..];
        rows[(rows.IndexOf("/zaken/", StringComparison.Ordinal) + "/zaken/".Length)..].Should().StartWith(oldest, "the longest overdue comes first");
        first.Should().NotContain($"/zaken/{newest}");
        CountOf(first, "<tr>").Should().Be(IndexModel.PageSize + 1, "a page holds its rows and the header, however long the backlog");
        first.Should().Contain("2 dagen", "the oldest was due three days after it arrived, two days ago");
        second.Should().Contain($"/zaken/{newest}").And.Contain("Pagina 2 van 2").And.Contain("href=\"/termijnen?pagina=1\"");
        CountOf(second, "<tr>").Should().Be(3);
        beyond.Should().Contain("Pagina 2 van 2", "a page past the end shows the last page rather than nothing");
    }

    [Fact]
    public async Task Without_overdue_cases_the_page_says_so()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        await factory.CreateClient().RegisterAsync();

        var page = await (await factory.SignInOnPagesAsync("demo-oov")).GetStringAsync("/termijnen");

        page.Should().Contain("Geen zaak wacht langer dan zijn termijn op een stap die u kunt zetten.").And.NotContain("<table");
    }

    private static int CountOf(string html, string part) => (html.Length - html.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
