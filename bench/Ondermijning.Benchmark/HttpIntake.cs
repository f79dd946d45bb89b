using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Ondermijning.Benchmark;

public sealed record IntakeResult(double SignalsPerSecond, double P50Milliseconds, double P99Milliseconds, long PeakWorkingSetBytes);

/// <summary>Signal intake as a client sees it: the real service process, its HTTP stack, JSON, validation and storage.</summary>
public static class HttpIntake
{
    public static async Task<IntakeResult> RunAsync(BenchDatabase database, BenchOptions options)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [options.ApiAssembly, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(options.ApiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Production-like settings (no development logging). Production itself refuses to start without an identity
        // provider, so the environment is named "Benchmark", with one demo user who works for every sample municipality.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["Identity__Development__Enabled"] = "true";
        start.Environment["Identity__Development__DefaultUser"] = "bench";
        start.Environment["Identity__Development__Users__0__UserId"] = "bench";
        start.Environment["Identity__Development__Users__0__Name"] = "Benchmark regisseur";
        start.Environment["Identity__Development__Users__0__Organisation"] = "gemeente";
        start.Environment["Identity__Development__Users__0__Roles__0"] = "oov-regisseur";
        for (var m = 0; m < SampleData.Municipalities.Length; m++)
            start.Environment[$"Identity__Development__Users__0__Municipalities__{m}"] = SampleData.Municipalities[m];
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in database.ServiceSettings()) start.Environment[key] = value;

        using var service = Process.Start(start)!;
        service.OutputDataReceived += (_, _) => { };
        service.ErrorDataReceived += (_, _) => { };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2 })
            {
                BaseAddress = address,
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitUntilHealthyAsync(http, service);

            // Warm up until the runtime has settled: tiered JIT recompiles hot paths for a good while after the first
            // requests (a cold service did under half the throughput of a warm one), and pools and index pages fill.
            var warm = Stopwatch.StartNew();
            for (var round = 0; warm.Elapsed < options.WarmUp; round++)
                await SendAsync(http, options.Clients, 500, $"warm{round}");

            var clock = Stopwatch.StartNew();
            var latencies = await SendAsync(http, options.Clients, options.Signals, "run");
            var elapsed = clock.Elapsed;

            service.Refresh();
            var peak = service.PeakWorkingSet64;
            Array.Sort(latencies);
            return new IntakeResult(latencies.Length / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), peak);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
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

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task WaitUntilHealthyAsync(HttpClient http, Process service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (service.HasExited) throw new InvalidOperationException($"The service exited with code {service.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The service did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
