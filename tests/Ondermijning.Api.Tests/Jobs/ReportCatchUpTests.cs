using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Jobs;

public class ReportCatchUpTests
{
    [Fact]
    public async Task The_service_answers_while_the_reports_it_missed_are_still_being_produced()
    {
        var held = new HeldMonthlyOverview();
        await using var factory = new ApiFactory { AwaitReportCatchUp = false, ReplaceServices = held.Install };
        var client = factory.CreateClient();
        await held.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK, "start-up does not wait for a report");
        (await client.GetFromJsonAsync<JsonArray>("/api/reports/monthly"))!.Should().BeEmpty("May's overview is still being produced");
        var catchUp = factory.Services.GetRequiredService<ReportCatchUp>().Completion;
        catchUp.IsCompleted.Should().BeFalse();

        held.Release();
        await catchUp.WaitAsync(TimeSpan.FromSeconds(30));

        (await client.GetFromJsonAsync<JsonArray>("/api/reports/monthly"))!.Select(e => e!.Str("href")).Should().Equal("/api/reports/monthly/2024/5");
    }
}
