using Ondermijning.Engine.Persistence;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

[Trait("Provider", "Sqlite")]
public class VerifyCommandTests
{
    private static async Task<(int ExitCode, string Output)> VerifyAsync(string databasePath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Ondermijning.Api.dll"), "verify-access-log",
                $"--Storage:SqlitePath={databasePath}", "--Logging:LogLevel:Default=Warning",
            },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task The_command_line_verification_reports_an_intact_log_and_names_a_broken_record()
    {
        string databasePath;
        await using (var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite)))
        {
            databasePath = factory.Database.Location;
            var oov = factory.CreateClient();
            var caseId = (await oov.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
            await oov.MoveToAsync(caseId, "mot");
            var police = factory.CreateClientFor("agent", "politie", ["tafeldeelnemer"]);
            (await police.AddItemAsync(caseId, "closed", "politie", "BVH")).EnsureSuccessStatusCode();
            (await police.GetAsync($"/api/cases/{caseId}/items")).EnsureSuccessStatusCode();
        }

        var intact = await VerifyAsync(databasePath);
        intact.ExitCode.Should().Be(0, intact.Output);
        intact.Output.Should().Contain("intact: 2 record(s)");

        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE access_log SET LegalBasis = 'geen' WHERE Sequence = 2";
            await command.ExecuteNonQueryAsync();
        }

        var broken = await VerifyAsync(databasePath);
        broken.ExitCode.Should().Be(1);
        broken.Output.Should().Contain("broken at record 2");
    }
}
