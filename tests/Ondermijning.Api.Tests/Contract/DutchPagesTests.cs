using System.Text.RegularExpressions;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;
using Xunit.Abstractions;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// Every page a demo user can reach speaks Dutch to them: no English word, no CBS code where a municipality's name
/// belongs, no ISO date or raw id in what is read (text, labels, titles), and one word for a case: "zaak".
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public partial class DutchPagesTests(ITestOutputHelper output)
{
    /// <summary>English words seen on the pages before, and the common ones a page could slip into.</summary>
    private static readonly string[] EnglishWords =
    [
        "the", "and", "from", "to", "with", "for", "of the", "required", "field", "not found", "error", "page", "case", "cases",
        "search", "name", "date", "read", "add", "view", "update", "delete", "created", "export", "submit", "save", "cancel",
        "yes", "hours", "days", "overdue", "stage", "step", "steps", "severity", "municipality", "signal", "report", "version",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "may", "june", "july", "august", "october",
        "casus", "casussen",
    ];

    [Theory]
    [InlineData("demo-oov")]
    [InlineData("demo-beheerder")]
    [InlineData("demo-statistiek")]
    [InlineData("demo-politie")]
    [InlineData("demo-belastingdienst")]
    public async Task Every_page_a_demo_user_reaches_is_in_Dutch(string demoUser)
    {
        await using var factory = new ApiFactory { DemoUsers = true, Settings = FuzzTests.NoScheduledJobs };
        var pages = await EveryPageAsync(factory, demoUser);
        pages.Should().Contain(p => p.Url.StartsWith("/zaken/"), "a case page is among what is checked");
        if (demoUser == "demo-beheerder")
            pages.Single(p => p.Url == "/beheer/toegangslog").Page
                .QuerySelectorAll("tbody tr").Should().NotBeEmpty("the access log is checked with its records");
        var failures = new List<string>();
        foreach (var (url, page) in pages)
        {
            var text = Readable(page);
            foreach (var word in EnglishWords.Where(w => Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}-]){Regex.Escape(w)}(?![\p{{L}}\p{{N}}-])", RegexOptions.IgnoreCase)))
                failures.Add($"{url}: English '{word}' in “{Around(text, word)}”");
            foreach (Match code in Codes().Matches(text))
                failures.Add($"{url}: raw {code.Value} in “{Around(text, code.Value)}”");
            foreach (var id in Ids.Where(i => Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}-]){Regex.Escape(i)}(?![\p{{L}}\p{{N}}-])")))
                failures.Add($"{url}: id '{id}' instead of its name in “{Around(text, id)}”");
        }
        output.WriteLine($"{pages.Count} pages as {demoUser}:\n{string.Join("\n", pages.Select(p => p.Url))}");
        failures.Should().BeEmpty();
    }

    /// <summary>
    /// Every page a demo user reaches in a host with a record of each kind, as the crawler finds it from the start page
    /// and the pages only a form leads to; the screenshots of every page are taken from the same list.
    /// </summary>
    internal static async Task<List<(string Url, IDocument Page)>> EveryPageAsync(ApiFactory factory, string demoUser)
    {
        var world = await RouteAccessTests.BuildAsync(factory);
        var oov = factory.CreateClient();
        // A timeline with a raised severity and an item read, and an access log with records, are pages too.
        (await oov.PostAsJsonAsync($"/api/cases/{world.AtomCaseId}/severity", new { severity = "hoog", reason = "Nieuwe aanwijzingen" }))
            .EnsureSuccessStatusCode();
        var atMot = (await oov.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await oov.MoveToAsync(atMot, "mot");
        var police = factory.CreateClientFor("agent-1", "politie", ["tafeldeelnemer"]);
        (await police.AddItemAsync(atMot, "closed", "politie", "Eerder aangehouden")).EnsureSuccessStatusCode();
        var browser = await factory.SignInOnPagesAsync(demoUser);

        return await PageCrawler.CrawlAsync(browser, maxPages: 60,
            "/?weergave=lijst", "/beheer/toegangslog", "/zaken/00000000-0000-0000-0000-000000000000", "/statistieken?maand=1", "/statistieken?kwartaal=2", "/statistieken?gemeente=GM9999", "/zoeken?q=kapsalon");
    }

    /// <summary>What a person reads or hears: the text, and the labels, titles and placeholders a screen reader or hover shows.</summary>
    private static string Readable(IDocument page)
    {
        // A textarea holds the field's value (a definition's JSON on the editor), not the page's words; code shows an id as
        // the id it is, where the page is about ids (a definition's changes).
        foreach (var hidden in page.QuerySelectorAll("script, style, textarea, code").ToList()) hidden.Remove();
        var attributes = page.QuerySelectorAll("[title], [aria-label], [placeholder], [alt]")
            .SelectMany(e => new[] { "title", "aria-label", "placeholder", "alt" }.Select(e.GetAttribute))
            .Where(v => !string.IsNullOrWhiteSpace(v));
        // Text node by text node: cells and items run together in TextContent ("OOVAdd"), hiding words from the check.
        var texts = page.Body?.Descendants<IText>().Select(t => t.Data) ?? [];
        return string.Join(" \n ", texts.Concat(attributes).Prepend(page.Title ?? ""));
    }

    private static string Around(string text, string found)
    {
        var at = Math.Max(0, text.IndexOf(found, StringComparison.OrdinalIgnoreCase));
        var from = Math.Max(0, at - 40);
        return Regex.Replace(text[from..Math.Min(text.Length, at + found.Length + 40)], @"\s+", " ").Trim();
    }

    /// <summary>Ids the engine keeps, where a page owes the reader the name: channels, organisations, severities, tables.</summary>
    private static readonly string[] Ids =
    [
        "meld-misdaad-anoniem", "melding-gemeente", "melding-politie",
        "riec", "belastingdienst", "fiod", "sociale-recherche", "handhaving-wabo", "handhaving-openbare-ruimte", "nvwa", "zeer-hoog", "mot", "lwo", "atom", "oov-regisseur", "tafeldeelnemer",
        "informatie-inzien", "informatie-zoeken", "informatie-vastleggen", "dossier-exporteren", "bewaartermijn-wissen",
    ];

    /// <summary>
    /// A CBS code, an ISO date, instant or period (2024-01, 2024-K2), a postcode without its space, a number with an English
    /// decimal point, a full case id (a GUID).
    /// </summary>
    [GeneratedRegex(@"\bGM[0-9]{4}\b|\b[0-9]{4}-([0-9]{2}|K[1-4])(-[0-9]{2})?(T[0-9:.]+Z?)?\b|\b[1-9][0-9]{3}[A-Z]{2}\b|\b[0-9]+\.[0-9]{1,2}\b|\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Codes();
}
