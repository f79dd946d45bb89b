namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>
/// Where a test run keeps its files (SQLite databases, changed definition folders, access-log anchors): one folder per
/// test process, deleted when the process ends. A run used to leave its few hundred databases in the temporary folder
/// for good, gigabytes after a few dozen runs.
/// </summary>
public static class Scratch
{
    private static readonly Lazy<string> Run = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "ondermijning-tests", $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Best effort: a file a killed service process still held must not turn a passed run into a crash.
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
        return folder;
    });

    /// <summary>A new, empty folder of this run's own.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Run.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
