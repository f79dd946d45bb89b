using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// The fuzz tests' "a refused request changes nothing" is only as good as <see cref="DatabaseState"/>: a read that skips
/// work when nothing was committed must still see every row the service adds or changes.
/// </summary>
public class DatabaseStateTests
{
    [Fact]
    public async Task A_row_the_service_adds_or_changes_shows_in_the_next_read_and_an_idle_database_reads_the_same()
    {
        await using var factory = new ApiFactory { Settings = FuzzTests.NoScheduledJobs };
        var client = factory.CreateClient();
        await using var database = new DatabaseState(factory);

        var empty = await database.ReadAsync();
        (await database.ReadAsync()).Should().Be(empty);

        var id = (await client.RegisterAsync()).Str("id");
        var afterRegistration = await database.ReadAsync();
        afterRegistration.Should().NotBe(empty);
        (await database.ReadAsync()).Should().Be(afterRegistration);

        await client.FireOkAsync(id, "start-verrijking");
        (await database.ReadAsync()).Should().NotBe(afterRegistration, "a case that moved on is an update of rows already read");
    }
}
