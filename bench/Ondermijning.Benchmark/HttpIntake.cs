using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Ondermijning.Benchmark;

public sealed record IntakeResult(double SignalsPerSecond, double P50Milliseconds, double P99Milliseconds, long PeakWorkingSetBytes);

/// <summary>Signal intake as a client sees it: the real service process, its HTTP stack, JSON, validation and storage.</summary>
public static class HttpIntake
{
    public static async Task<IntakeResult> RunAsync(BenchDatabase database, BenchOptions options)
    {
        // One demo user who registers for every sample municipality.
        var settings = new Dictionary<string, string>
        {
            ["Identity__Development__DefaultUser"] = "bench",
            ["Identity__Development__Users__0__UserId"] = "bench",
            ["Identity__Development__Users__0__Name"] = "Benchmark regisseur",
            ["Identity__Development__Users__0__Organisation"] = "gemeente",
            ["Identity__Development__Users__0__Roles__0"] = "oov-regisseur",
        };
        for (var m = 0; m < SampleData.Municipalities.Length; m++)
            settings[$"Identity__Development__Users__0__Municipalities__{m}"] = SampleData.Municipalities[m];

        await using var service = await ServiceProcess.StartAsync(database, options, settings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 })
        {
            BaseAddress = service.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

        // Warm up until the runtime has settled: tiered JIT recompiles hot paths for a good while after the first
        // requests (a cold service did under half the throughput of a warm one), and pools and index pages fill.
        var warm = Stopwatch.StartNew();
        for (var round = 0; warm.Elapsed < options.WarmUp; round++)
            await SendAsync(http, options.Clients, 500, $"warm{round}");

        var clock = Stopwatch.StartNew();
        var latencies = await SendAsync(http, options.Clients, options.Signals, "run");
        var elapsed = clock.Elapsed;

        var peak = service.PeakWorkingSetBytes;
        Array.Sort(latencies);
        return new IntakeResult(latencies.Length / elapsed.TotalSeconds, Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.99), peak);
    }

    private static async Task<double[]> SendAsync(HttpClient http, int clients, int signals, string prefix)
    {
        var latencies = new double[signals];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < signals; i = Interlocked.Increment(ref next))
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(Signal(i)) };
                request.Headers.Add("Idempotency-Key", $"{prefix}-{i}-{Guid.NewGuid():N}");
                var clock = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                latencies[i] = clock.Elapsed.TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Created)
                    throw new InvalidOperationException($"Intake answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        })));
        return latencies;
    }

    private static object Signal(int i) => new
    {
        municipality = SampleData.Municipalities[i % SampleData.Municipalities.Length],
        sourceChannel = "meld-misdaad-anoniem",
        description = $"Signaal {i}: veel bezoekers met korte bezoekjes bij een kapsalon",
        branch = "kappers",
        phenomenonTags = new[] { "drugshandel" },
        companies = new[] { new { name = "Kapsalon De Schaar", kvkNumber = "12345678", place = "Maastricht" } },
        addresses = new[] { new { postcode = "6211AB", houseNumber = 12, street = "Grote Straat", city = "Maastricht" } },
    };
}
