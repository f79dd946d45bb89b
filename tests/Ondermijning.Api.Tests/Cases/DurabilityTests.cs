using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

[LongRunning(seconds: 35)]
public class DurabilityTests
{
    [Fact]
    public async Task A_case_moved_to_the_LWO_survives_SIGKILL_with_its_whole_history()
    {
        var database = TestDatabase.New();
        string id;
        await using (var service = await ServiceProcess.StartAsync(database))
        {
            var client = service.CreateClient();
            id = (await client.RegisterAsync()).Str("id");
            await client.FireOkAsync(id, "start-verrijking");
            await client.ConfirmSignalAsync(id);
            await service.KillAsync();
        }

        await using var restarted = await ServiceProcess.StartAsync(database);
        var @case = await restarted.CreateClient().GetCaseAsync(id);

        @case.Str("stage.id").Should().Be("lwo");
        @case["history"]!.AsArray().Select(h => h!.Str("toStage")).Should().Equal("ontvangen", "verrijking", "lwo");
        @case["companies"]![0]!.Str("name").Should().Be("Kapsalon De Schaar");
    }
}
