using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;
using Xunit.Abstractions;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// The page forms get what the API gets: every form a demo user can reach (found by following the pages' own links)
/// is sent with one field replaced by an over-long, empty, malformed or hostile value. Never a 5xx, never an English
/// framework message, and a form that is refused with a message next to a field has changed nothing.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
[LongRunning(seconds: 120)]
public partial class PageFormFuzzTests(ITestOutputHelper output)
{
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("ONDERMIJNING_FUZZ_ITERATIONS"), out var n) ? n : 60;

    /// <summary>ASP.NET's own model-binding and validation messages: a page that shows one speaks English to a Dutch user.</summary>
    private static readonly string[] EnglishFrameworkWords =
        ["field is required", "is not valid", "The value '", "must be a", "is invalid", "The field ", "A value for the"];

    /// <summary>The regisseur first: she reaches the most forms.</summary>
    private static readonly string[] DemoUsers = ["demo-oov", "demo-beheerder", "demo-statistiek", "demo-politie"];

    /// <summary>
    /// Each form once, as the first demo user whose pages offer it: a form that two users reach (the same action and
    /// fields) is the same handler with the same rules, and what each user may see and do is the access tests' subject.
    /// </summary>
    [Fact]
    public async Task Every_form_refuses_bad_input_in_Dutch_and_never_with_a_5xx()
    {
        await using var factory = new ApiFactory { DemoUsers = true, Settings = FuzzTests.NoScheduledJobs };
        await RouteAccessTests.BuildAsync(factory);
        await using var database = new DatabaseState(factory);

        var forms = new Dictionary<string, (string User, HttpClient Browser, PageForm Form)>();
        foreach (var demoUser in DemoUsers)
        {
            var browser = await factory.SignInOnPagesAsync(demoUser);
            var reached = await CrawlAsync(browser);
            reached.Should().NotBeEmpty($"{demoUser} has forms to fill in");
            foreach (var (key, form) in reached) forms.TryAdd(key, (demoUser, browser, form));
        }

        var failures = new List<string>();
        var sent = 0;
        foreach (var (demoUser, browser, form) in forms.Values)
        {
            var state = await database.ReadAsync();
            try
            {
                await Gen(form).SampleAsync(async fields =>
                {
                    sent++;
                    using var response = form.Post
                        ? await browser.PostAsync(form.Action, Encode(fields.Values))
                        : await browser.GetAsync($"{form.Action}{(form.Action.Contains('?') ? '&' : '?')}{Query(fields.Values)}");
                    var html = await response.Content.ReadAsStringAsync();
                    if ((int)response.StatusCode >= 500) throw new Exception($"answered {(int)response.StatusCode}: {Headline(html)}");
                    if (EnglishFrameworkWords.FirstOrDefault(w => html.Contains(w, StringComparison.Ordinal)) is { } english)
                        throw new Exception($"shows the English framework message '{english}…'");
                    var after = await database.ReadAsync();
                    if (html.Contains("aria-invalid=\"true\"", StringComparison.Ordinal) && after != state)
                        throw new Exception("refused a field but changed the database");
                    state = after;
                }, iter: Iterations, threads: 1, print: f => $"{form.Action} [{f.Mutation}]");
            }
            catch (Exception e)
            {
                failures.Add($"{form.Action} as {demoUser}: {e.Message}{(e.InnerException is { } inner ? $" → {inner.Message}" : "")}");
            }
        }
        output.WriteLine($"{sent} submissions of {forms.Count} forms: " +
                         string.Join(", ", forms.Values.GroupBy(f => f.User).Select(g => $"{g.Count()} first reached by {g.Key}")));
        if (failures.Count > 0) Assert.Fail($"{failures.Count} forms failed:\n\n{string.Join("\n\n", failures)}");
    }

    private sealed record PageForm(string Action, bool Post, IReadOnlyList<(string Name, string Value, string Type)> Fields);

    private sealed record Filled(IReadOnlyList<(string Name, string Value)> Values, string Mutation);

    private static Gen<Filled> Gen(PageForm form)
    {
        var mutable = form.Fields.Where(f => f.Name != "__RequestVerificationToken").Select(f => f.Name).Distinct().ToArray();
        if (mutable.Length == 0) return CsCheck.Gen.Const(new Filled(Valid(form), "as shown"));
        return from name in CsCheck.Gen.OneOf(mutable)
               from value in FuzzValues.HostileText
               select new Filled(
                   Valid(form).Select(f => f.Name == name ? (f.Name, value.Replace(FuzzRequest.LoneSurrogate, "\ud800")) : f).ToList(),
                   $"{name} = '{(value.Length > 40 ? $"{value[..20]}… ({value.Length} characters)" : value)}'");
    }

    /// <summary>The form as the page offers it, with plausible values where the page leaves a field empty.</summary>
    private static List<(string Name, string Value)> Valid(PageForm form) =>
        form.Fields.Select(f => (f.Name, f.Value.Length > 0 ? f.Value : f.Type switch
        {
            "date" => "2024-06-03",
            "number" => "1",
            "checkbox" => "true",
            _ => "tekst",
        })).ToList();

    /// <summary>Form encoding that lets a lone surrogate through as the bytes a careless client would send.</summary>
    private static ByteArrayContent Encode(IEnumerable<(string Name, string Value)> fields)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(Query(fields)));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>What the error page says first (in Development, the exception), so a failure names its cause.</summary>
    private static string Headline(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // Without an Accept header the developer exception page answers in plain text.
        var text = document.QuerySelector("h1, h2, .titleerror, title")?.TextContent.Trim() is { Length: > 0 } title ? title : html.Trim();
        var at = text.IndexOf("   at Ondermijning", StringComparison.Ordinal);
        // The first frame of our own code says where; the framework's frames above it say little.
        var where = at >= 0 ? text[at..].Split('\\', '\n')[0] : "";
        return (text.Length > 200 ? text[..200] : text) + where;
    }

    private static string Query(IEnumerable<(string Name, string Value)> fields) =>
        string.Join("&", fields.Select(f => $"{Escape(f.Name)}={Escape(f.Value)}"));

    private static string Escape(string text)
    {
        var escaped = Uri.EscapeDataString(text);
        // EscapeDataString turns a lone surrogate into U+FFFD; send the invalid UTF-8 a broken client would.
        return text.Contains('\ud800') ? escaped.Replace("%EF%BF%BD", "%ED%A0%80") : escaped;
    }

    /// <summary>Every form on the pages a crawl reaches, once per action and set of fields (the key).</summary>
    private static async Task<Dictionary<string, PageForm>> CrawlAsync(HttpClient browser)
    {
        var forms = new Dictionary<string, PageForm>();
        foreach (var (url, document) in await PageCrawler.CrawlAsync(browser, maxPages: 40))
        {
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url.Split('?')[0];
                if (PageCrawler.NotPages.Any(p => action.StartsWith(p, StringComparison.OrdinalIgnoreCase))) continue;
                var fields = form.Elements.Select(e => e switch
                {
                    IHtmlInputElement { Name.Length: > 0 } input when input.Type is not ("submit" or "button") =>
                        (input.Name!, input.Type is "checkbox" or "radio" ? (input.IsChecked ? input.Value : "") : input.Value, input.Type),
                    IHtmlTextAreaElement { Name.Length: > 0 } area => (area.Name!, area.Value, "textarea"),
                    IHtmlSelectElement { Name.Length: > 0 } select => (select.Name!, select.Value ?? "", "select"),
                    IHtmlButtonElement { Name.Length: > 0 } button => (button.Name!, button.Value, "button"),
                    _ => ("", "", ""),
                }).Where(f => f.Item1.Length > 0).ToList();
                // One form per action and set of fields: a board repeats the same form for every case.
                forms.TryAdd($"{form.Method} {action}|{string.Join(",", fields.Select(f => f.Item1).Order())}", new PageForm(action, string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase), fields));
            }
        }
        return forms;
    }
}
