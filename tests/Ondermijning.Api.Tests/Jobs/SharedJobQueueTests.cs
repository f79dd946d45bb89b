using Npgsql;
using NodaTime;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Jobs;

/// <summary>Two service processes on one PostgreSQL database with the shipped settings: one queue, one run per occurrence.</summary>
[Trait("Provider", "PostgreSql")]
[LongRunning(seconds: 75)]
public class SharedJobQueueTests
{
    private static readonly Duration Patience = Duration.FromSeconds(50);

    [Fact]
    public async Task Each_recurring_job_runs_once_per_occurrence_however_many_instances_run()
    {
        // No database yet, so the job queue's schema below is the instances' own doing (the test template has it already).
        var database = TestDatabase.Empty(StorageProvider.PostgreSql);
        // Every job every minute (each schedule the options know, so a new job is included); nothing about where the queue
        // lives: that must follow from Storage:Provider.
        var everyMinute = typeof(JobsOptions).GetProperties().Where(p => p.Name.EndsWith("Cron", StringComparison.Ordinal))
            .ToDictionary(p => $"Jobs__{p.Name}", _ => "* * * * *");
        everyMinute.Should().HaveCount(JobNames.All.Count, "each job has its schedule in the options");
        await using var first = await ServiceProcess.StartAsync(database, everyMinute);
        await using var second = await ServiceProcess.StartAsync(database, everyMinute);

        // The first minute both instances see from its beginning. Runs before it are the report catch-up at start-up.
        var now = SystemClock.Instance.GetCurrentInstant();
        var occurrence = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60 + 60);
        var window = new Interval(occurrence, occurrence + Duration.FromMinutes(1));

        await using var connection = new NpgsqlConnection(database.Location);
        await connection.OpenAsync();
        var deadline = occurrence + Patience;
        List<(string Job, Instant StartedAt, string Outcome)> runs;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            runs = (await RunsAsync(connection)).Where(r => window.Contains(r.StartedAt)).ToList();
        }
        // A second run, if the instances each had their own queue, would start within the same scheduler poll.
        while (!(JobNames.All.All(job => runs.Any(r => r.Job == job && r.Outcome != "Running"))
                 && SystemClock.Instance.GetCurrentInstant() > occurrence + Duration.FromSeconds(20))
               && SystemClock.Instance.GetCurrentInstant() < deadline);

        var summary = string.Join(", ", runs.Select(r => $"{r.Job} {r.StartedAt} {r.Outcome}"));
        foreach (var job in JobNames.All)
            runs.Where(r => r.Job == job).Should().ContainSingle($"{job} runs once in the minute of {occurrence}; runs: {summary}")
                .Which.Outcome.Should().Be("Succeeded");
        (await HasSchemaAsync(connection, JobSetup.PostgresSchema)).Should().BeTrue("the queue lives in the service's database");
    }

    private static async Task<List<(string Job, Instant StartedAt, string Outcome)>> RunsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""SELECT "JobName", "StartedAt", "Outcome" FROM job_runs""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(string, Instant, string)>();
        while (await reader.ReadAsync())
            runs.Add((reader.GetString(0), Instant.FromDateTimeUtc(reader.GetFieldValue<DateTime>(1)), reader.GetString(2)));
        return runs;
    }

    private static async Task<bool> HasSchemaAsync(NpgsqlConnection connection, string schema)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @schema", connection);
        command.Parameters.AddWithValue("schema", schema);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
