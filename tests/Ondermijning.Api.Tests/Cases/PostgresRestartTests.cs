using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>Stopping the shared server would break every other test, so this one runs alone.</summary>
[CollectionDefinition(nameof(PostgresRestartTests), DisableParallelization = true)]
public sealed class PostgresRestartCollection;

[Collection(nameof(PostgresRestartTests))]
[Trait("Provider", "PostgreSql")]
public class PostgresRestartTests
{
    [Fact]
    public async Task While_PostgreSQL_restarts_requests_get_503_and_afterwards_succeed_with_nothing_half_written()
    {
        var database = TestDatabase.New(StorageProvider.PostgreSql);
        await using var factory = new ApiFactory(database);
        var client = factory.CreateClient();
        await client.RegisterAsync();

        var outcomes = new ConcurrentBag<(string Key, HttpStatusCode Status)>();
        var downFor503 = new ConcurrentBag<JsonObject>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var key = $"w{worker}-{n}";
                var response = await client.RegisterWithKeyAsync(key, SignalFor(key));
                outcomes.Add((key, response.StatusCode));
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    downFor503.Add(await response.ProblemAsync(HttpStatusCode.ServiceUnavailable));
                    response.Headers.RetryAfter.Should().NotBeNull();
                }
                await Task.Delay(10);
            }
        })).ToList();

        await FaultTests.WaitUntilAsync(() => outcomes.Count >= 20, TimeSpan.FromSeconds(30));
        await ControlServer("restart-stop");
        await FaultTests.WaitUntilAsync(() => downFor503.Count >= 4, TimeSpan.FromSeconds(30));
        await ControlServer("restart-start");
        int Created() => outcomes.Count(o => o.Status == HttpStatusCode.Created);
        var createdBefore = Created();
        await FaultTests.WaitUntilAsync(() => Created() >= createdBefore + 20, TimeSpan.FromSeconds(60));
        stop.Cancel();
        await Task.WhenAll(load);

        outcomes.Select(o => o.Status).Distinct().Should().BeSubsetOf([HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable]);
        downFor503.Should().OnlyContain(p => p.Str("title") == "The case register is briefly unavailable");

        // Every request, refused or not, is retried: each key ends up as exactly one whole case.
        foreach (var key in outcomes.Select(o => o.Key).Distinct())
            (await RetryUntilAvailableAsync(() => client.RegisterWithKeyAsync(key, SignalFor(key)))).StatusCode
                .Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
        (await client.CaseCountAsync()).Should().Be(outcomes.Select(o => o.Key).Distinct().Count() + 1);
        (await CountAsync(database, """SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_history h WHERE h."CaseId" = c."Id")""")).Should().Be(0);
        (await CountAsync(database, """SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_companies s WHERE s."CaseId" = c."Id")""")).Should().Be(0);
    }

    private static object SignalFor(string key) => ApiClient.Signal(description: $"Signaal {key}: veel bezoekers bij een kapsalon");

    /// <summary>Pooled connections that the restart broke fail once each; a client that honours Retry-After gets through.</summary>
    private static async Task<HttpResponseMessage> RetryUntilAvailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20) return response;
            await Task.Delay(200);
        }
    }

    private static async Task<long> CountAsync(TestDatabase database, string sql)
    {
        // Unpooled: the in-process service's job queue pooled connections under this same string, which the restart broke.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Location) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary><c>./test.sh</c> says how to stop and start the server it started; without that this test fails, it does not skip.</summary>
    private static async Task ControlServer(string action)
    {
        var script = Required("ONDERMIJNING_TEST_POSTGRES_CONTROL");
        var folder = Required("ONDERMIJNING_TEST_POSTGRES_DIR");
        using var process = Process.Start(new ProcessStartInfo(script, [action, folder]) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{script} {action} failed: {errors}");
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"This test stops and starts PostgreSQL, but {variable} is not set. Run ./test.sh, which sets it.");
}
