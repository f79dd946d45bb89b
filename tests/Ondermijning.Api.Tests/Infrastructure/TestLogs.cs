using Microsoft.Extensions.Logging;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// The one logger factory of every in-process host in a test run. Hangfire keeps its log provider process-wide and
/// each host sets it to one over its own logger factory; a factory that no host owns is never disposed, so a host
/// that stops cannot leave another's Hangfire logging into a disposed factory. Warnings and errors go to
/// <c>artifacts/test-logs/api-&lt;provider&gt;.log</c> rather than to the test output, which stays readable.
/// </summary>
public static class TestLogs
{
    public static string FilePath { get; } = Path.Combine(Repository.Root(), "artifacts", "test-logs",
        $"api-{TestDatabase.CurrentProvider.ToString().ToLowerInvariant()}.log");

    public static ILoggerFactory Factory { get; } = LoggerFactory.Create(logging => logging
        .SetMinimumLevel(LogLevel.Warning)
        .AddProvider(new FileProvider(FilePath)));

    private sealed class FileProvider : ILoggerProvider
    {
        private readonly StreamWriter _file;

        public FileProvider(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            _file = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

        // The factory lives as long as the process; the file closes with it.
        public void Dispose() { }

        private void Write(string line)
        {
            lock (_file) _file.WriteLine(line);
        }

        private sealed class FileLogger(FileProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                provider.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}" +
                               (exception is null ? "" : Environment.NewLine + exception));
            }
        }
    }
}
