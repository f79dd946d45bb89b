using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Benchmark;
using Ondermijning.Engine;
using Ondermijning.Engine.Persistence;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Console.WriteLine($"Ondermijning benchmark: {Environment.ProcessorCount} cores, {options.Clients} clients, {options.Signals} signals, " +
    $"{options.Transitions} transitions, {options.BaselineRows} baseline rows, {options.Cases:N0} bulk cases");

foreach (var provider in options.Providers)
{
    Console.WriteLine();
    // One connection is SQLite's best case (no lock contention), many connections PostgreSQL's (group commit):
    // the better of the two is the database's limit that the engine is compared against. Disks shared with other
    // work drift, so the limit is measured before and after the engine's runs and the mean is the yardstick.
    Console.WriteLine($"== {provider} ==");
    var (before, baselineDatabase) = await BaselineAsync(provider, options, "before");
    Console.WriteLine($"baseline durability:             {await baselineDatabase.DurabilityAsync()}");

    var intakeDatabase = BenchDatabase.Fresh(provider, options, "intake");
    var intake = await HttpIntake.RunAsync(intakeDatabase, options);
    var transitions = await EngineTransitions.RunAsync(BenchDatabase.Fresh(provider, options, "transitions"), options);

    var (after, _) = await BaselineAsync(provider, options, "after");
    var baseline = (before + after) / 2;
    Console.WriteLine($"engine durability as configured: {await intakeDatabase.DurabilityAsync()}");
    Console.WriteLine($"intake     HTTP, {options.Clients} clients:        {intake.SignalsPerSecond,10:N0} signals/s   " +
        $"= {intake.SignalsPerSecond / baseline:P0} of baseline   p50 {intake.P50Milliseconds:N1} ms   p99 {intake.P99Milliseconds:N1} ms");
    Console.WriteLine($"transitions engine, {options.Clients} workers:     {transitions,10:N0} /s        = {transitions / baseline:P0} of baseline");
    Console.WriteLine($"service    peak working set:            {intake.PeakWorkingSetBytes / 1024.0 / 1024.0,10:N0} MiB");

    var statisticsDatabase = BenchDatabase.Fresh(provider, options, "statistics");
    await using var engine = EngineTransitions.Engine(statisticsDatabase);
    await engine.InitialiseEngineAsync();
    var bulk = await BulkLoad.LoadAsync(statisticsDatabase, options.Cases);
    Console.WriteLine($"bulk load  {bulk.Cases:N0} cases + {bulk.HistoryRows:N0} history rows in {bulk.Elapsed.TotalSeconds:N1} s " +
        $"({(bulk.Cases + bulk.HistoryRows) / bulk.Elapsed.TotalSeconds:N0} rows/s)");

    const int firstYear = BulkLoad.FirstYear, lastYear = BulkLoad.FirstYear + BulkLoad.Years;
    var (sql, sqlTime) = await BestOfThreeAsync(() => HandWrittenLwoRouteSql.CountAsync(statisticsDatabase, firstYear, lastYear));
    var (linq, linqTime) = await BestOfThreeAsync(async () =>
    {
        await using var scope = engine.CreateAsyncScope();
        ILwoRouteStatistics statistics = new EfLwoRouteStatistics(scope.ServiceProvider.GetRequiredService<OndermijningDbContext>());
        return await statistics.CountAsync(firstYear, lastYear);
    });
    var same = Sorted(sql).SequenceEqual(Sorted(linq));
    Console.WriteLine($"statistics LWO routes per municipality/year ({sql.Count} groups, {sql.Sum(c => c.Count):N0} routes): " +
        $"hand-written SQL {sqlTime.TotalMilliseconds:N0} ms, engine {linqTime.TotalMilliseconds:N0} ms " +
        $"= {linqTime / sqlTime:N2}x the SQL; results {(same ? "equal" : "DIFFER")}");
    if (!same) return 1;
}
return 0;

static async Task<(double Limit, BenchDatabase Database)> BaselineAsync(StorageProvider provider, BenchOptions options, string when)
{
    var database = BenchDatabase.Fresh(provider, options, $"b1{when}");
    var single = await Baseline.InsertsPerSecondAsync(database, options.BaselineRows / 2, 1);
    var concurrent = await Baseline.InsertsPerSecondAsync(BenchDatabase.Fresh(provider, options, $"bn{when}"), options.BaselineRows, options.Clients);
    Console.WriteLine($"baseline   ({when,-6}) single-row insert+commit: 1 connection {single,8:N0} rows/s, " +
        $"{options.Clients} connections {concurrent,8:N0} rows/s");
    return (Math.Max(single, concurrent), database);
}

static IEnumerable<LwoRouteCount> Sorted(IEnumerable<LwoRouteCount> counts) =>
    counts.OrderBy(c => c.Municipality, StringComparer.Ordinal).ThenBy(c => c.Year).ThenBy(c => c.ToStage, StringComparer.Ordinal);

static async Task<(IReadOnlyList<LwoRouteCount> Result, TimeSpan Best)> BestOfThreeAsync(Func<Task<IReadOnlyList<LwoRouteCount>>> run)
{
    IReadOnlyList<LwoRouteCount> result = [];
    var best = TimeSpan.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var clock = Stopwatch.StartNew();
        result = await run();
        if (clock.Elapsed < best) best = clock.Elapsed;
    }
    return (result, best);
}
