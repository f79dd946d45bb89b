using Ondermijning.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

[Trait("Provider", "Sqlite")]
public class VerifyCommandTests
{
    [Fact]
    public async Task The_command_line_verification_reports_an_intact_log_and_names_a_broken_record()
    {
        var database = TestDatabase.New(StorageProvider.Sqlite);
        var databasePath = database.Location;
        await using (var factory = new ApiFactory(database))
        {
            var oov = factory.CreateClient();
            var caseId = (await oov.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
            await oov.MoveToAsync(caseId, "mot");
            var police = factory.CreateClientFor("agent", "politie", ["tafeldeelnemer"]);
            (await police.AddItemAsync(caseId, "closed", "politie", "BVH")).EnsureSuccessStatusCode();
            (await police.GetAsync($"/api/cases/{caseId}/items")).EnsureSuccessStatusCode();
        }

        var intact = await VerifyCommand.RunAsync(database);
        intact.ExitCode.Should().Be(0, intact.Output);
        intact.Output.Should().Contain("intact: 2 record(s)");

        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE access_log SET LegalBasis = 'geen' WHERE Sequence = 2";
            await command.ExecuteNonQueryAsync();
        }

        var broken = await VerifyCommand.RunAsync(database);
        broken.ExitCode.Should().Be(1);
        broken.Output.Should().Contain("broken at record 2");
    }
}
