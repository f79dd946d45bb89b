using System.Diagnostics;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary><c>dotnet Ondermijning.Api.dll verify-access-log</c> on the server's console, with the service's settings.</summary>
public static class VerifyCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Ondermijning.Api.dll"), "verify-access-log", "--Logging:LogLevel:Default=Warning" },
        };
        foreach (var (key, value) in database.Settings()) start.ArgumentList.Add($"--{key}={value}");
        ServiceProcess.ForSeconds(start);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
