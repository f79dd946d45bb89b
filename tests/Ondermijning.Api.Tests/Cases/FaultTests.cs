using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Cases;

[LongRunning(seconds: 30)]
public class FaultTests
{
    [Fact]
    public async Task After_SIGKILL_under_load_every_acknowledged_registration_is_there_exactly_once()
    {
        var database = TestDatabase.New();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var sent = new ConcurrentBag<string>();

        await using (var service = await ServiceProcess.StartAsync(database))
        {
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 6).Select(client => Task.Run(async () =>
            {
                using var http = service.CreateClient();
                for (var n = 0; n < 500 && !stop.IsCancellationRequested; n++)
                {
                    var key = $"c{client}-{n}";
                    sent.Add(key);
                    try
                    {
                        var response = await http.RegisterWithKeyAsync(key, SignalFor(key));
                        if (response.IsSuccessStatusCode)
                            acknowledged[key] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.Str("id");
                    }
                    catch (HttpRequestException)
                    {
                        // The process died with this request in flight: its outcome is unknown, which the retry below settles.
                        return;
                    }
                }
            })).ToList();

            await WaitUntilAsync(() => acknowledged.Count >= 40, TimeSpan.FromSeconds(60));
            await service.KillAsync();
            stop.Cancel();
            await Task.WhenAll(clients);
        }

        await using var restarted = await ServiceProcess.StartAsync(database);
        using var again = restarted.CreateClient();
        foreach (var key in sent.Distinct())
        {
            var retry = await again.RegisterWithKeyAsync(key, SignalFor(key));
            retry.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
            var @case = JsonNode.Parse(await retry.Content.ReadAsStringAsync())!;
            if (acknowledged.TryGetValue(key, out var id))
            {
                retry.StatusCode.Should().Be(HttpStatusCode.OK, $"{key} was acknowledged before the kill");
                @case.Str("id").Should().Be(id);
            }
            // Consistent: a case is there with all of its registration or not at all.
            @case["history"]!.AsArray().Select(h => h!.Int("sequence")).Should().Equal(1);
            @case["companies"]!.AsArray().Should().ContainSingle();
        }
        (await again.CaseCountAsync()).Should().Be(sent.Distinct().Count(), "every key is one case, never two");
    }

    private static object SignalFor(string key) => ApiClient.Signal(description: $"Signaal {key}: veel bezoekers bij een kapsalon");

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Condition not met within {limit}.");
            await Task.Delay(50);
        }
    }
}

/// <summary>SQLite allows one writer at a time; waiting for the other writer is normal, a 500 never is.</summary>
[Trait("Provider", "Sqlite")]
public class SqliteLockTests
{
    [Fact]
    public async Task A_registration_waits_for_another_connections_write_lock_and_succeeds()
    {
        await using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite));
        var client = factory.CreateClient();
        await client.RegisterAsync();

        await using (var holder = await HoldWriteLockAsync(factory.Database))
        {
            var registration = client.RegisterWithKeyAsync("during-lock", ApiClient.Signal());
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            registration.IsCompleted.Should().BeFalse("the write waits for the lock");
            await holder.CommitAsync();
            await (await registration).ShouldHaveStatus(HttpStatusCode.Created);
        }
        (await client.CaseCountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_lock_held_longer_than_the_busy_timeout_is_a_503_with_Retry_After_and_nothing_saved()
    {
        await using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite))
        {
            Settings = new Dictionary<string, string> { ["Storage:SqliteBusyTimeoutSeconds"] = "1" },
        };
        var client = factory.CreateClient();
        await client.RegisterAsync();

        HttpResponseMessage refused;
        await using (var holder = await HoldWriteLockAsync(factory.Database))
        {
            refused = await client.RegisterWithKeyAsync("during-long-lock", ApiClient.Signal());
            await holder.RollbackAsync();
        }

        var problem = await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        problem.Str("title").Should().Be("The case register is briefly unavailable");
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
        (await client.CaseCountAsync()).Should().Be(1);
        await (await client.RegisterWithKeyAsync("during-long-lock", ApiClient.Signal())).ShouldHaveStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_record_refused_with_503_is_recorded_once_when_retried_with_its_key()
    {
        await using var factory = new ApiFactory(TestDatabase.New(StorageProvider.Sqlite))
        {
            Settings = new Dictionary<string, string> { ["Storage:SqliteBusyTimeoutSeconds"] = "1" },
        };
        var client = factory.CreateClient();
        Task<HttpResponseMessage> SendAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/awareness-activities")
            {
                Content = JsonContent.Create(new { municipality = "GM0935", heldOn = "2024-03-01", kind = "workshop" }),
            };
            request.Headers.Add("Idempotency-Key", "workshop-maart");
            return client.SendAsync(request);
        }

        HttpResponseMessage refused;
        await using (var holder = await HoldWriteLockAsync(factory.Database))
        {
            refused = await SendAsync();
            await holder.RollbackAsync();
        }
        await refused.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.Should().BePositive();

        var created = await SendAsync();
        var again = await SendAsync();
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        await again.ShouldHaveStatus(HttpStatusCode.OK);
        again.Headers.Location.Should().Be(created.Headers.Location);
    }

    private static async Task<WriteLock> HoldWriteLockAsync(TestDatabase database)
    {
        var connection = new SqliteConnection($"Data Source={database.Location};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        // IMMEDIATE takes the write lock at once and keeps it until the transaction ends.
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return new WriteLock(connection);
    }

    /// <summary>A second writer: another process or a maintenance script holding SQLite's single write lock.</summary>
    private sealed class WriteLock(SqliteConnection connection) : IAsyncDisposable
    {
        public Task CommitAsync() => EndAsync("COMMIT;");
        public Task RollbackAsync() => EndAsync("ROLLBACK;");

        private async Task EndAsync(string sql)
        {
            await using var end = connection.CreateCommand();
            end.CommandText = sql;
            await end.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
