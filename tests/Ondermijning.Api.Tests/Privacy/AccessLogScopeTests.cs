using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>What a record holds, who sees it, and what the anchors outside the database add; on either database.</summary>
[Collection(JobServerCollection.Name)]
public class AccessLogScopeTests
{
    /// <summary>A case at the MOT of <paramref name="municipality"/> with two closed police items, read once.</summary>
    private static async Task<string> CaseWithReadsAsync(ApiFactory factory, string municipality, ActivityTraceId? trace = null)
    {
        var oov = factory.CreateClientFor($"oov-{municipality}", "gemeente", ["oov-regisseur"], [municipality]);
        var caseId = (await oov.RegisterAsync(ApiClient.Signal(municipality: municipality, severity: "hoog"))).Str("id");
        await oov.MoveToAsync(caseId, "mot");
        var police = factory.CreateClientFor($"agent-{municipality}", "politie", ["tafeldeelnemer"], [municipality]);
        await (await police.AddItemAsync(caseId, "closed", "politie", "BVH-registratie")).ShouldHaveStatus(HttpStatusCode.Created);
        await (await police.AddItemAsync(caseId, "closed", "politie", "CIE-rapport")).ShouldHaveStatus(HttpStatusCode.Created);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseId}/items");
        if (trace is { } traceId) read.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await police.SendAsync(read)).EnsureSuccessStatusCode();
        return caseId;
    }

    [Fact]
    public async Task A_record_names_the_processing_activity_the_trace_the_case_as_data_subject_and_the_municipality()
    {
        await using var factory = new ApiFactory();
        var trace = ActivityTraceId.CreateRandom();
        var caseId = await CaseWithReadsAsync(factory, "GM0935", trace);
        var admin = factory.CreateClientFor("admin", "gemeente", ["beheerder"]);

        var records = (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/access-log?caseId={caseId}"))!;

        records.Select(r => r!.Str("processingActivity")).Should().Equal("informatie-vastleggen", "informatie-vastleggen", "informatie-inzien", "informatie-inzien");
        records.Should().AllSatisfy(r =>
        {
            r!.Str("municipality").Should().Be("GM0935");
            r!.Str("dataSubjectType").Should().Be("zaak");
            r!.Str("dataSubjectId").Should().Be(caseId);
            r!["formatVersion"]!.GetValue<int>().Should().Be(2);
            r!.Str("traceId").Should().MatchRegex("^[0-9a-f]{32}$");
        });
        records[2]!.Str("traceId").Should().Be(trace.ToHexString(), "the caller's W3C trace continues into the log");
        records.ToJsonString().Should().NotContain("BVH-registratie", "contents are never logged");
    }

    [Fact]
    public async Task An_administrator_sees_the_records_of_their_own_municipalities_only_and_verifies_the_whole_chain()
    {
        await using var factory = new ApiFactory();
        var inA = await CaseWithReadsAsync(factory, "GM0935");
        var inB = await CaseWithReadsAsync(factory, "GM0917");
        var adminB = factory.CreateClientFor("admin-b", "gemeente", ["beheerder"], ["GM0917"]);

        var seen = (await adminB.GetFromJsonAsync<JsonArray>("/api/admin/access-log?limit=5000"))!;

        seen.Should().HaveCount(4);
        seen.Should().AllSatisfy(r => r!.Str("caseId").Should().Be(inB));
        (await adminB.GetFromJsonAsync<JsonArray>($"/api/admin/access-log?caseId={inA}"))!.Should().BeEmpty();
        (await adminB.GetFromJsonAsync<JsonArray>("/api/admin/access-log?userId=agent-GM0935"))!.Should().BeEmpty();
        (await adminB.GetStringAsync("/api/admin/access-log?limit=5000")).Should().NotContain(inA).And.NotContain("GM0935");
        var verification = (await adminB.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!;
        verification["recordCount"]!.GetValue<long>().Should().Be(8, "the chain is one, across municipalities");
        var both = factory.CreateClientFor("admin-ab", "gemeente", ["beheerder"], ["GM0935", "GM0917"]);
        (await both.GetFromJsonAsync<JsonArray>("/api/admin/access-log?limit=5000"))!.Should().HaveCount(8);
    }

    [Fact]
    public async Task Cutting_off_the_newest_records_after_the_head_was_anchored_is_reported_by_the_API_and_the_command()
    {
        await using var factory = new ApiFactory { JobServer = true };
        await CaseWithReadsAsync(factory, "GM0935");
        var admin = factory.CreateClientFor("admin", "gemeente", ["beheerder"]);
        (await factory.TriggerAndWaitAsync(JobNames.AccessLogAnchor)).Summary.Should().Be("anchored record 4");
        (await admin.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!.Str("message").Should().Contain("naming record 4");

        (await factory.Database.ExecuteAsync("DELETE FROM access_log WHERE \"Sequence\" > 2")).Should().Be(2);

        var verification = (await admin.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!;
        verification["intact"]!.GetValue<bool>().Should().BeFalse();
        verification["anchoredSequence"]!.GetValue<long>().Should().Be(4);
        const string reported = "records after 2 were removed; the anchor of 2024-06-03T08:00:00Z names record 4";
        verification.Str("message").Should().Contain(reported);
        var command = await VerifyCommand.RunAsync(factory.Database);
        command.ExitCode.Should().Be(1);
        command.Output.Should().Contain(reported);
    }
}
