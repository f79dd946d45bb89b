using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Statistics;

namespace Ondermijning.Benchmark;

/// <summary>
/// The annual table (page 11 of the safety plan) for a region of all sample municipalities and the latest full year, over the
/// bulk-loaded chain: by one hand-written SQL statement, by the engine's <see cref="AnnualStatisticsQuery"/> in process, and
/// through HTTP from the real service, whose peak working set while producing the tables is reported too.
/// </summary>
public static class AnnualStatisticsBenchmark
{
    private const int Year = SampleChain.LatestFullYear;

    private static readonly Actor Reader = new("bench-statistiek", "Benchmark statistiek", Organisations.Gemeente,
        new HashSet<Role> { Role.StatisticsReader }, SampleData.Municipalities.Select(MunicipalityCode.Parse).ToHashSet());

    /// <returns>False when the engine or the service computes a figure differently from the SQL.</returns>
    public static async Task<bool> RunAsync(StorageProvider provider, BenchOptions options)
    {
        await using var database = BenchDatabase.Fresh(provider, options, "statistics");
        await using var engine = EngineTransitions.Engine(database);
        await engine.InitialiseEngineAsync();
        var bulk = await BulkLoad.LoadAsync(database, engine, options.Cases);
        Console.WriteLine($"bulk load  {bulk.Cases:N0} cases, {bulk.Rows:N0} rows in {bulk.RowsPerTable.Count} tables in {bulk.Elapsed.TotalSeconds:N1} s " +
            $"({bulk.Rows / bulk.Elapsed.TotalSeconds:N0} rows/s): " +
            string.Join(", ", bulk.RowsPerTable.Select(t => $"{t.Key} {t.Value:N0}")));

        var (sql, sqlTime) = await BestOfThreeAsync(() => AnnualStatisticsSql.ComputeAsync(database, SampleData.Municipalities, Year));
        var (engineFigures, engineTime) = await BestOfThreeAsync(async () =>
        {
            // A scope per run, as the service has one per request.
            await using var scope = engine.CreateAsyncScope();
            var table = await scope.ServiceProvider.GetRequiredService<AnnualStatisticsQuery>().HandleAsync(null, SampleData.Region, Year, Reader);
            return (IReadOnlyDictionary<string, long>)table.Sections.SelectMany(s => s.Figures).ToDictionary(f => f.Id, f => f.Value);
        });

        var startUp = Stopwatch.StartNew();
        await using var service = await ServiceProcess.StartAsync(database, options, ServiceSettings());
        Console.WriteLine($"service    start-up on {bulk.Cases:N0} cases until /health answers: {startUp.Elapsed.TotalSeconds:N1} s");
        var startUpPeak = service.PeakWorkingSetBytes;
        var peakReset = service.ResetPeakWorkingSet();
        var (httpFigures, httpTime) = await BestOfThreeAsync(async () =>
        {
            var table = await service.Http.GetFromJsonAsync<JsonObject>($"/api/statistics/annual?region={SampleData.Region}&year={Year}");
            return (IReadOnlyDictionary<string, long>)table!["sections"]!.AsArray().SelectMany(s => s!["figures"]!.AsArray())
                .ToDictionary(f => (string)f!["id"]!, f => (long)f!["value"]!);
        });
        var peak = service.PeakWorkingSetBytes;

        var differences = Differences(sql, engineFigures, "engine").Concat(Differences(sql, httpFigures, "HTTP")).ToList();
        Console.WriteLine($"statistics annual table {Year} of a region of {SampleData.Municipalities.Length} municipalities ({sql.Count} figures, " +
            $"{sql.GetValueOrDefault(FigureIds.LwoHandled):N0} cases weighed by the LWO), best of 3: hand-written SQL {sqlTime.TotalMilliseconds:N0} ms, " +
            $"engine {engineTime.TotalMilliseconds:N0} ms = {engineTime / sqlTime:N2}x the SQL, HTTP {httpTime.TotalMilliseconds:N0} ms; " +
            $"figures {(differences.Count == 0 ? "equal" : "DIFFER")}");
        Console.WriteLine(peakReset
            ? $"service    peak working set while producing the tables: {Mib(peak)} MiB (start-up, before them: {Mib(startUpPeak)} MiB)"
            : $"service    peak working set since start: {Mib(peak)} MiB");
        foreach (var difference in differences) Console.WriteLine($"  {difference}");
        return differences.Count == 0;
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0");

    /// <summary>The service as a statistics reader sees it, with the sample municipalities configured as a region.</summary>
    private static Dictionary<string, string> ServiceSettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Identity__Development__DefaultUser"] = Reader.UserId,
            ["Identity__Development__Users__0__UserId"] = Reader.UserId,
            ["Identity__Development__Users__0__Name"] = Reader.DisplayName,
            ["Identity__Development__Users__0__Organisation"] = Reader.Organisation.Value,
            ["Identity__Development__Users__0__Roles__0"] = Role.StatisticsReader.Value,
        };
        for (var m = 0; m < SampleData.Municipalities.Length; m++)
        {
            settings[$"Identity__Development__Users__0__Municipalities__{m}"] = SampleData.Municipalities[m];
            settings[$"{StatisticsOptions.Section}__Regions__{SampleData.Region}__{m}"] = SampleData.Municipalities[m];
        }
        return settings;
    }

    private static IEnumerable<string> Differences(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual, string by) =>
        expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(id => !expected.TryGetValue(id, out var e) || !actual.TryGetValue(id, out var a) || e != a)
            .Select(id => $"{id}: SQL {(expected.TryGetValue(id, out var e) ? e.ToString("N0") : "-")}, {by} {(actual.TryGetValue(id, out var a) ? a.ToString("N0") : "-")}");

    /// <summary>One warm-up run (JIT, connection pool, the database's cache), then the best of three.</summary>
    private static async Task<(T Result, TimeSpan Best)> BestOfThreeAsync<T>(Func<Task<T>> run)
    {
        var result = await run();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            result = await run();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        return (result, best);
    }
}
