using NodaTime;
using Ondermijning.Api.Pages.Tafels;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Lwo;

/// <summary>
/// A backlog longer than one sitting weighs: the agenda shows the longest waiting cases, so the oldest are never kept
/// off it by newer ones, says how many wait in all, and the later pages reach the others.
/// </summary>
public class AgendaBacklogTests
{
    [Fact]
    public async Task The_agenda_shows_the_longest_waiting_cases_and_says_how_many_are_not_shown()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var oldest = (await oov.RegisterAsync()).Str("id");
        await oov.MoveToAsync(oldest, "lwo");
        factory.Clock.Advance(Duration.FromDays(1));

        foreach (var batch in Enumerable.Range(0, TafelModel.AgendaLimit).Chunk(25))
            await Task.WhenAll(batch.Select(async _ => await oov.MoveToAsync((await oov.RegisterAsync()).Str("id"), "lwo")));
        factory.Clock.Advance(Duration.FromDays(1));
        var last = (await oov.RegisterAsync()).Str("id");
        await oov.MoveToAsync(last, "lwo");

        var browser = await factory.SignInOnPagesAsync("demo-oov");
        var agenda = await browser.GetStringAsync("/tafels/lwo");

        agenda.Should().Contain($"/zaken/{oldest}", "the case that waits longest is never kept off the agenda");
        agenda.Should().NotContain($"/zaken/{last}", "the agenda holds the longest waiting");
        agenda.Should().Contain($"De {TafelModel.AgendaLimit} langst wachtende van {TafelModel.AgendaLimit + 2} wachtende zaken op de agenda")
            .And.Contain("de overige 2 komen aan bod");
        var rows = agenda[agenda.IndexOf("<tbody>", StringComparison.Ordinal)..];
        rows[(rows.IndexOf("/zaken/", StringComparison.Ordinal) + "/zaken/".Length)..].Should().StartWith(oldest, "the longest waiting comes first");

        agenda.Should().Contain("/tafels/lwo?pagina=2", "the others wait on the next page");
        var next = await browser.GetStringAsync("/tafels/lwo?pagina=2");
        next.Should().Contain($"/zaken/{last}", "every waiting case is reachable").And.NotContain($"/zaken/{oldest}")
            .And.Contain($"Zaken {TafelModel.AgendaLimit + 1} tot en met {TafelModel.AgendaLimit + 2} van {TafelModel.AgendaLimit + 2} wachtende zaken");
    }
}
