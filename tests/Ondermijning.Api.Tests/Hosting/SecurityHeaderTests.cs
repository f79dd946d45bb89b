using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Hosting;

[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class SecurityHeaderTests
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Content-Security-Policy"] = "frame-ancestors 'none'",
        ["Referrer-Policy"] = "no-referrer",
    };

    private enum Kind { Api, Page, StaticAsset, Other }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_case_data_is_never_stored_in_a_cache()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var client = factory.CreateClient();
        await client.RegisterAsync();
        await SignInOnThePagesAsync(client);

        // Every GET route the application itself declares that needs no value filled in: API endpoints, pages, static
        // assets, health, the OpenAPI document. A new endpoint is covered without touching this test.
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Where(e => e.RoutePattern.Parameters.All(p => p.IsOptional || p.Default is not null))
            .Select(e => (Path: PathOf(e.RoutePattern), Kind: KindOf(e)))
            .Distinct()
            .ToList();
        routes.Select(r => r.Kind).Should().Contain([Kind.Api, Kind.Page, Kind.StaticAsset, Kind.Other], "the enumeration sees the whole application");

        var responses = new List<(string What, Kind Kind, HttpResponseMessage Response)>();
        foreach (var (path, kind) in routes)
            responses.Add(($"GET {path}", kind, await client.GetAsync(path)));
        responses.Add(("a page after sign-in", Kind.Page, await client.GetAsync("/")));
        responses.Add(("an unknown page (status-code page)", Kind.Page, await client.GetAsync("/bestaat-niet")));
        responses.Add(("an unknown API address", Kind.Api, await client.GetAsync("/api/bestaat-niet")));
        responses.Add(("unreadable JSON (exception handler)", Kind.Api,
            await client.PostAsync("/api/signals", new StringContent("{ niet: json", System.Text.Encoding.UTF8, "application/json"))));
        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "niet-geldig");
        responses.Add(("a refused token", Kind.Api, await forged.GetAsync("/api/cases")));

        responses.Single(r => r.What == "a page after sign-in").Response.StatusCode.Should().Be(HttpStatusCode.OK);
        responses.Single(r => r.What.StartsWith("unreadable")).Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        responses.Single(r => r.What == "a refused token").Response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var failures = new List<string>();
        foreach (var (what, kind, response) in responses)
        {
            foreach (var (header, value) in Expected)
                if (!response.Headers.TryGetValues(header, out var values) || values.Single() != value)
                    failures.Add($"{what} ({(int)response.StatusCode}): {header} is '{string.Join(", ", values ?? [])}'");
            var noStore = response.Headers.CacheControl?.NoStore == true;
            if (kind is Kind.Api or Kind.Page && !noStore)
                failures.Add($"{what} ({(int)response.StatusCode}): Cache-Control is '{response.Headers.CacheControl}', not no-store");
            if (kind is Kind.StaticAsset && noStore)
                failures.Add($"{what}: a static asset lost its caching");
        }
        failures.Should().BeEmpty();
    }

    /// <summary>As a person would: the demo sign-in form, with its anti-forgery token; the client keeps the cookie.</summary>
    private static async Task SignInOnThePagesAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/inloggen");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.Should().NotBeEmpty();
        var signedIn = await client.PostAsync("/inloggen?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["gebruiker"] = "demo-oov",
            ["__RequestVerificationToken"] = token,
        }));
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments
            .Where(segment => segment.Parts.All(part => part.IsLiteral))
            .Select(segment => string.Concat(segment.Parts.Cast<RoutePatternLiteralPart>().Select(part => part.Content))));

    private static Kind KindOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null ? Kind.StaticAsset
        : endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null ? Kind.Page
        : PathOf(endpoint.RoutePattern).StartsWith("/api/") ? Kind.Api
        : Kind.Other;
}
