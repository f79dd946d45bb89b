using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>
/// Stops and starts PostgreSQL under a running service. The server is one of the test's own, started with the same
/// script as <c>./test.sh</c>'s shared one, so the test runs beside the others: stopping the shared server would fail them.
/// </summary>
[Trait("Provider", "PostgreSql")]
public class PostgresRestartTests
{
    [Fact]
    public async Task While_PostgreSQL_restarts_requests_get_503_and_afterwards_succeed_with_nothing_half_written()
    {
        await using var server = await OwnServer.StartAsync();
        // An empty database: the service creates it and applies its migrations at start-up.
        var database = new TestDatabase(StorageProvider.PostgreSql,
            new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "ondermijning" }.ConnectionString);
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
        await server.ControlAsync("restart-stop");
        await FaultTests.WaitUntilAsync(() => downFor503.Count >= 4, TimeSpan.FromSeconds(30));
        await server.ControlAsync("restart-start");
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

    /// <summary>A throwaway server of <c>scripts/postgres.sh</c> in a folder of its own, discarded with everything in it.</summary>
    private sealed class OwnServer : IAsyncDisposable
    {
        private static readonly string Script = Path.Combine(Repository.Root(), "scripts", "postgres.sh");
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ondermijning-restart-{Guid.NewGuid():N}", "server");

        public string ConnectionString { get; private set; } = "";

        public static async Task<OwnServer> StartAsync()
        {
            var server = new OwnServer();
            // Like ./test.sh's server: its data goes away at the end, so it need not wait for the disk.
            server.ConnectionString = (await server.RunAsync("start", ("POSTGRES_OPTIONS", "-c fsync=off -c full_page_writes=off"))).Trim();
            return server;
        }

        public Task ControlAsync(string action) => RunAsync(action);

        public async ValueTask DisposeAsync()
        {
            // The in-process service's pools hold connections to this server; they must not outlive it.
            NpgsqlConnection.ClearAllPools();
            await RunAsync("discard");
        }

        private async Task<string> RunAsync(string action, params (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo(Script, [action, _folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var (name, value) in environment) start.Environment[name] = value;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, $"{Script} {action} failed: {errors}");
            return await output;
        }
    }
}
