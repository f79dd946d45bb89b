namespace Ondermijning.Tests;

/// <summary>
/// Where a test run keeps its files (SQLite databases, changed definition folders, access-log anchors): one folder per
/// test process, deleted when the process ends. A run used to leave its few hundred databases in the temporary folder
/// for good, gigabytes after a few dozen runs. Both test projects compile this file (tests/Shared), so the engine tests'
/// databases and definition folders go the same way.
/// </summary>
public static class Scratch
{
    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "ondermijning-tests");

    private static readonly Lazy<string> Run = new(() =>
    {
        RemoveThoseOfEndedRuns();
        var folder = Path.Combine(Parent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    });

    /// <summary>
    /// A test process that was killed never ran its clean-up (two runs with a failed test left theirs); the next run
    /// removes its folder, known by a process number that no longer runs.
    /// </summary>
    private static void RemoveThoseOfEndedRuns()
    {
        if (!Directory.Exists(Parent)) return;
        foreach (var folder in Directory.EnumerateDirectories(Parent, "run-*"))
        {
            if (int.TryParse(Path.GetFileName(folder).Split('-')[1], out var processId) && !Runs(processId)) TryDelete(folder);
        }
    }

    /// <summary>Best effort: a file that a killed service process still held must not turn a passed run into a crash.</summary>
    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool Runs(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The same path for the same name throughout the run, e.g. for a setting that the test process and the service
    /// processes it starts must agree on.
    /// </summary>
    public static string FileNamed(string name) => Path.Combine(Run.Value, name);

    /// <summary>A new, empty folder of this run's own.</summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Run.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
