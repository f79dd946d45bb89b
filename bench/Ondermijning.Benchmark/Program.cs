using System.Globalization;
using Ondermijning.Benchmark;
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
    $"{options.Transitions} transitions, {options.BaselineRows} baseline rows, {options.Cases:N0} bulk cases, {options.ReadCases:N0} cases to read");

foreach (var provider in options.Providers)
{
    Console.WriteLine();
    Console.WriteLine($"== {provider} ==");
    if (options.Signals > 0 || options.Transitions > 0)
        await ThroughputAsync(provider, options);
    if (options.Cases > 0 && !await AnnualStatisticsBenchmark.RunAsync(provider, options))
        return 1;
    if (options.ReadCases > 0)
        await NationalScaleBenchmark.RunAsync(provider, options);
}
return 0;

static async Task ThroughputAsync(StorageProvider provider, BenchOptions options)
{
    // One connection is SQLite's best case (no lock contention), many connections PostgreSQL's (group commit):
    // the better of the two is the database's limit that the engine is compared against. Disks shared with other
    // work drift, so the limit is measured before and after the engine's runs and the mean is the yardstick.
    var before = await BaselineAsync(provider, options, "before");

    await using var intakeDatabase = BenchDatabase.Fresh(provider, options, "intake");
    var intake = options.Signals > 0 ? await HttpIntake.RunAsync(intakeDatabase, options) : null;
    double? transitions = null;
    if (options.Transitions > 0)
    {
        await using var transitionsDatabase = BenchDatabase.Fresh(provider, options, "transitions");
        transitions = await EngineTransitions.RunAsync(transitionsDatabase, options);
    }

    var after = await BaselineAsync(provider, options, "after");
    var baseline = (before + after) / 2;
    if (intake is not null)
    {
        Console.WriteLine($"engine durability as configured: {await intakeDatabase.DurabilityAsync()}");
        Console.WriteLine($"intake     HTTP, {options.Clients} clients:        {intake.SignalsPerSecond,10:N0} signals/s   " +
            $"= {intake.SignalsPerSecond / baseline:P0} of baseline   p50 {intake.P50Milliseconds:N1} ms   p99 {intake.P99Milliseconds:N1} ms");
    }
    if (transitions is { } perSecond)
        Console.WriteLine($"transitions engine, {options.Clients} workers:     {perSecond,10:N0} /s        = {perSecond / baseline:P0} of baseline");
    if (intake is not null)
        Console.WriteLine($"service    peak working set:            {intake.PeakWorkingSetBytes / 1024.0 / 1024.0,10:N0} MiB");
}

static async Task<double> BaselineAsync(StorageProvider provider, BenchOptions options, string when)
{
    await using var single = BenchDatabase.Fresh(provider, options, $"b1{when}");
    await using var concurrent = BenchDatabase.Fresh(provider, options, $"bn{when}");
    var singleRate = await Baseline.InsertsPerSecondAsync(single, options.BaselineRows / 2, 1);
    var concurrentRate = await Baseline.InsertsPerSecondAsync(concurrent, options.BaselineRows, options.Clients);
    Console.WriteLine($"baseline   ({when,-6}) single-row insert+commit: 1 connection {singleRate,8:N0} rows/s, " +
        $"{options.Clients} connections {concurrentRate,8:N0} rows/s");
    if (when == "before") Console.WriteLine($"baseline durability:             {await single.DurabilityAsync()}");
    return Math.Max(singleRate, concurrentRate);
}
