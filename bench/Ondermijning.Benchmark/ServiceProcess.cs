using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Net;
using System.Net.Sockets;

namespace Ondermijning.Benchmark;

/// <summary>
/// The real service (Ondermijning.Api.dll) as a process of its own on a benchmark database, with production-like settings
/// plus the given ones. Production itself refuses to start without an identity provider, so the environment is named
/// "Benchmark" and sign-in is by demo users, which the settings define.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
    }

    public Uri Address { get; }

    /// <summary>What the service logged its own engine initialisation (migrations, checks, backfills) took, once it did.</summary>
    public TimeSpan? EngineInitialisation { get; private set; }

    public HttpClient Http { get; }

    /// <summary>Starts the service and waits until it answers /health; start-up migrates and catches up on reports first.</summary>
    public static async Task<ServiceProcess> StartAsync(BenchDatabase database, BenchOptions options, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [options.ApiAssembly, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(options.ApiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["Identity__Development__Enabled"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The service's own line about its engine initialisation (category Ondermijning.Api), and nothing else of it.
        start.Environment["Logging__LogLevel__Ondermijning"] = "Information";
        foreach (var (key, value) in database.ServiceSettings().Concat(settings)) start.Environment[key] = value;

        var service = new ServiceProcess(Process.Start(start)!, address);
        service._process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && EngineInitialised().Match(text) is { Success: true } match)
                service.EngineInitialisation = TimeSpan.FromMilliseconds(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        };
        service._process.ErrorDataReceived += (_, _) => { };
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Forgets the peak so far (Linux keeps it per process and lets its owner reset it), so that the next
    /// <see cref="PeakWorkingSetBytes"/> is the peak of what happens from now on rather than of the start-up.
    /// </summary>
    public bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>CPU the service has used so far: on a machine shared with other work, the part of its latency that is its own.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The service exited with code {_process.ExitCode}.");
            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The service did not become healthy within {patience.TotalSeconds:N0} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Engine initialised in (\d+) ms")]
    private static partial Regex EngineInitialised();
}
