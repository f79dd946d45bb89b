using Ondermijning.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Storage;

public class StorageConfigurationTests
{
    [Fact]
    public void PostgreSql_without_a_connection_string_stops_start_up_and_names_the_setting()
    {
        using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite))
        {
            Settings = new Dictionary<string, string> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = "" },
        };

        var start = () => factory.CreateClient();

        start.Should().Throw<StartupRefusal>().WithMessage("*Storage:ConnectionString is not set*");
    }

    [Fact]
    public async Task The_configured_provider_decides_which_database_holds_the_cases()
    {
        await using var factory = new ApiFactory();
        await factory.CreateClient().RegisterAsync();

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        db.Should().BeOfType(TestDatabase.CurrentProvider == StorageProvider.PostgreSql
            ? typeof(PostgresOndermijningDbContext)
            : typeof(SqliteOndermijningDbContext));
        db.Cases.Count().Should().Be(1);
    }
}
