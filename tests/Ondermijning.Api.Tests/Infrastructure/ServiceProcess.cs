using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The service as a real operating-system process on a loopback port, started the way <c>run.sh</c> starts
/// it (Development environment, unless told otherwise), on a <see cref="TestDatabase"/>, so a test can kill it with
/// SIGKILL, run several instances on one PostgreSQL database, or see how it exits when it refuses to start.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="settings">Environment variables, e.g. <c>Jobs__EscalationCron</c>.</param>
    /// <param name="environment">The ASP.NET Core environment, as a deployment sets it (the built dll, no launch profile).</param>
    public static async Task<ServiceProcess> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null,
        string environment = "Development")
    {
        var service = Launch(database, settings, environment);
        await service.WaitUntilHealthyAsync();
        return service;
    }

    /// <summary>For a start that should be refused: waits until the process ends and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(TestDatabase database, IDictionary<string, string>? settings = null,
        string environment = "Development")
    {
        await using var service = Launch(database, settings, environment);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await service._process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The service was expected to stop by itself, but still ran after 60 s:\n{service.Output}");
        }
        return (service._process.ExitCode, service.Output);
    }

    private static ServiceProcess Launch(TestDatabase database, IDictionary<string, string>? settings, string environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Ondermijning.Api.dll"), "--urls", address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        ForSeconds(start);
        foreach (var (key, value) in database.Settings()) start.Environment[key.Replace(":", "__")] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start)!;
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, e) => { lock (service._output) service._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (service._output) service._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// A test's service lives for seconds, not months, and most of its CPU is the JIT. Profile-guided recompilation and
    /// early promotion of hot methods pay off only in a long-running service; here they cost about a fifth of the
    /// processes' CPU. Both are the runtime's own tuning and change nothing the service does.
    /// </summary>
    internal static void ForSeconds(ProcessStartInfo start)
    {
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_TC_CallCountingDelayMs"] = "5000";
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                // Waiting again drains the redirected output, so the message holds what the service said.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The service did not become healthy within 60 s:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was committed must survive.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
