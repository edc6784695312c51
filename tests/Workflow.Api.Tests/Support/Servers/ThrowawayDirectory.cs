namespace Workflow.Api.Tests.Support.Servers;

/// <summary>
/// The directory of a server the suite started for itself, under the temporary directory and named after its kind, with the
/// id of the test process that owns it. A test process killed before it could stop its servers leaves them behind: the next
/// run stops those whose owner is gone and deletes their directories.
/// </summary>
public static class ThrowawayDirectory
{
    private const string OwnerFile = "owner";

    public static string Create(string kind, Action<string> stopAbandoned)
    {
        foreach (var abandoned in Directory.EnumerateDirectories(Path.GetTempPath(), $"workflow-tests-{kind}-*"))
        {
            if (OwnerIsAlive(abandoned)) continue;
            try
            {
                stopAbandoned(abandoned);
                Directory.Delete(abandoned, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run may be cleaning up the same directory; leftovers cost disk space, not correctness.
            }
        }
        var directory = Path.Combine(Path.GetTempPath(), $"workflow-tests-{kind}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, OwnerFile), Environment.ProcessId.ToString());
        return directory;
    }

    private static bool OwnerIsAlive(string directory)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(directory, OwnerFile)).Trim(), out var owner)
                && Directory.Exists($"/proc/{owner}");
        }
        catch (IOException)
        {
            return true; // Being created right now by another process.
        }
    }

    /// <summary>
    /// Runs <paramref name="stopCommand"/> (a shell command) and deletes the directory once this test process has ended, however
    /// it ends: the test platform does not wait for a test host's exit handlers, so a watchdog of its own, outside this process, does it.
    /// </summary>
    public static void StopWhenOwnerExits(string directory, string stopCommand)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"{stopCommand}; rm -rf '{directory}'";
        var start = new System.Diagnostics.ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sh", "-c", script }) start.ArgumentList.Add(argument);
        System.Diagnostics.Process.Start(start)!.Dispose();
    }
}
