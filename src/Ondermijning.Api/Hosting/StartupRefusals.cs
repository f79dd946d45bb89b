using System.Reflection;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Hosting;

/// <summary>How a <see cref="StartupRefusal"/> ends the service: one critical log line, exit code 1.</summary>
public static class StartupRefusals
{
    public const int ExitCode = 1;

    /// <summary>
    /// Only the service's own process turns a refusal into an exit code. A host embedded in another process (the
    /// integration tests' WebApplicationFactory) lets it through to its caller, which would otherwise see a host that
    /// never started and not why.
    /// </summary>
    public static bool OwnsProcess => Assembly.GetEntryAssembly() == typeof(StartupRefusals).Assembly;

    /// <summary>
    /// Written through a logger of its own, built from the same configuration as the host's (JSON lines in Production):
    /// a refusal may come before the host and its logger exist. The message is the whole state, not a template argument,
    /// so that a JSON line carries it once rather than also under "State".
    /// </summary>
    public static int Report(IConfiguration configuration, StartupRefusal refusal)
    {
        // Disposing the factory flushes the console logger's queue before the process ends.
        using (var loggers = LoggerFactory.Create(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddConsole()))
            loggers.CreateLogger(typeof(StartupRefusal).FullName!)
                .Log(LogLevel.Critical, default, refusal.Message, null, (message, _) => message);
        return ExitCode;
    }
}
