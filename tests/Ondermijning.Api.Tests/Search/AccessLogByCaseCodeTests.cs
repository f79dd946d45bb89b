using System.Net;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Search;

/// <summary>
/// Someone answering a request for access to a person's data filters the access log by the case as the pages name it:
/// the short code finds that case's records, and a code that names no case says so instead of showing the whole log.
/// </summary>
public class AccessLogByCaseCodeTests
{
    [Fact]
    public async Task The_short_code_filters_the_log_and_an_unknown_code_shows_nothing_but_a_message()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        var oov = factory.CreateClient();
        var first = (await oov.RegisterAsync()).Str("id");
        var second = (await oov.RegisterAsync()).Str("id");
        // An export is logged, like every look at gated information.
        foreach (var id in new[] { first, second })
            (await oov.GetAsync($"/api/cases/{id}/export")).StatusCode.Should().Be(HttpStatusCode.OK);
        var admin = await factory.SignInOnPagesAsync("demo-beheerder");
        var code = first.Replace("-", "")[^8..].ToUpperInvariant();

        var filtered = await admin.GetStringAsync($"/beheer/toegangslog?zaak={code}");
        filtered.Should().Contain($"/zaken/{first}").And.NotContain($"/zaken/{second}");

        var unknown = await admin.GetStringAsync("/beheer/toegangslog?zaak=ABCDEF12");
        unknown.Should().Contain("Geen zaak van uw gemeente(n) met deze zaakcode").And.Contain("aria-invalid=\"true\"");
        unknown.Should().NotContain("/zaken/", "no record is shown for a case that is not there");
    }
}
