using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// Follows the pages' own links from the start page, as a signed-in user would, and hands over every page it reached.
/// Pages of one kind (the same path with another case id, the same query keys) are visited twice at most, so that the
/// limit reaches every kind of page rather than many cases.
/// </summary>
public static partial class PageCrawler
{
    /// <summary>Where following a link would leave the pages or end the session.</summary>
    public static readonly string[] NotPages = ["/api", "/hangfire", "/uitloggen", "/openapi", "/css", "/inloggen", "/fout"];

    /// <param name="starts">Pages to begin from, besides the start page: those only a form leads to.</param>
    public static async Task<List<(string Url, IDocument Page)>> CrawlAsync(HttpClient browser, int maxPages, params string[] starts)
    {
        var parser = new HtmlParser();
        var seen = new HashSet<string>();
        var kinds = new Dictionary<string, int>();
        var queue = new Queue<string>(["/", .. starts]);
        var pages = new List<(string, IDocument)>();
        while (queue.Count > 0 && seen.Count < maxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            using var response = await browser.GetAsync(url);
            // A refusal or a page not found is a page too, in the same language.
            if ((int)response.StatusCode >= 500 || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            pages.Add((url, document));
            foreach (var link in document.QuerySelectorAll("a[href^='/']").OfType<IHtmlAnchorElement>())
            {
                var href = link.GetAttribute("href")!.Split('#')[0];
                if (NotPages.Any(p => href.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || seen.Contains(href)) continue;
                var kind = Kind(href);
                if (kinds.GetValueOrDefault(kind) >= 2) continue;
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                queue.Enqueue(href);
            }
        }
        return pages;
    }

    /// <summary>The kind of a page: its path with case ids as {id}, and its query's keys.</summary>
    public static string Kind(string href)
    {
        var parts = href.Split('?');
        var keys = parts.Length > 1 ? string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return Guid().Replace(parts[0], "{id}") + "?" + keys;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
