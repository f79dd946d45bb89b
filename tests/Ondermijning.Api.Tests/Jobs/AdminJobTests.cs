using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Api.Tests.Jobs;

[Collection(JobServerCollection.Name)]
public class AdminJobTests
{
    private sealed class UnreachableMonthlyContent : IReportContent
    {
        public ReportKind Kind => ReportKind.MonthlyOverview;
        public Task<object> ProduceAsync(DateInterval period, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The statistics source is unreachable.");
    }

    [Fact]
    public async Task An_administrator_sees_each_jobs_schedule_next_run_last_run_and_last_failure_with_its_reason()
    {
        await using var factory = new ApiFactory
        {
            JobServer = true,
            Roles = ["beheerder"],
            ReplaceServices = s =>
            {
                s.RemoveAll<IReportContent>();
                s.AddScoped<IReportContent, UnreachableMonthlyContent>();
                s.AddScoped<IReportContent, AnnualDraftContent>();
            },
        };
        var client = factory.CreateClient();
        await factory.TriggerAndWaitAsync(JobNames.Escalation);
        var failed = await factory.TriggerAndWaitAsync(JobNames.MonthlyOverview);
        failed.Outcome.Should().Be(JobOutcome.Failed);

        var jobs = (await client.GetFromJsonAsync<JsonArray>("/api/admin/jobs"))!;

        jobs.Select(j => j!.Str("job")).Should().Equal("escalation", "monthly-overview", "annual-draft", "enrichment", "retention", "access-log-anchor");
        var escalation = jobs[0]!;
        escalation.Str("cron").Should().Be("*/15 * * * *");
        escalation.Str("timeZone").Should().Be("Europe/Amsterdam");
        escalation.Str("nextRun").Should().NotBeNullOrEmpty();
        escalation.Str("lastRun.outcome").Should().Be("succeeded");
        escalation.Str("lastRun.summary").Should().Be("0 case(s) escalated");
        escalation["lastFailure"].Should().BeNull();

        var monthly = jobs[1]!;
        monthly.Str("cron").Should().Be("0 1 1 * *");
        monthly.Str("lastRun.outcome").Should().Be("failed");
        monthly.Str("lastFailure.error").Should().Be("InvalidOperationException: The statistics source is unreachable.");
        jobs[2]!.Str("lastRun.summary").Should().Be("produced 2023-01-01..2023-12-31", "the start-up produced the draft it found missing");
    }

    [Fact]
    public async Task With_Jobs_Server_off_the_schedules_are_still_registered_but_no_job_server_runs()
    {
        await using var withoutServer = new ApiFactory { Roles = ["beheerder"] };
        var jobs = (await withoutServer.CreateClient().GetFromJsonAsync<JsonArray>("/api/admin/jobs"))!;
        jobs.Select(j => j!.Str("job")).Should().BeEquivalentTo(JobNames.All);
        jobs.Should().OnlyContain(j => j!["cron"] != null && j!["nextRun"] != null, "the schedules are registered as shipped");
        withoutServer.Services.GetServices<IHostedService>().OfType<BackgroundJobServerHostedService>().Should().BeEmpty();

        await using var withServer = new ApiFactory { JobServer = true };
        _ = withServer.CreateClient();
        withServer.Services.GetServices<IHostedService>().OfType<BackgroundJobServerHostedService>().Should().ContainSingle();
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_gets_a_403_problem()
    {
        await using var factory = new ApiFactory();

        var response = await factory.CreateClient().GetAsync("/api/admin/jobs");

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        problem.Str("detail").Should().Contain("beheerder");
    }

    [Fact]
    public async Task Only_administrators_open_the_Hangfire_dashboard()
    {
        await using var administrator = new ApiFactory { Roles = ["beheerder"] };
        var allowed = await administrator.CreateClient().GetAsync("/hangfire");
        await allowed.ShouldHaveStatus(HttpStatusCode.OK);
        allowed.Content.Headers.ContentType!.MediaType.Should().Be("text/html");

        await using var regisseur = new ApiFactory();
        var refused = await regisseur.CreateClient().GetAsync("/hangfire");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
