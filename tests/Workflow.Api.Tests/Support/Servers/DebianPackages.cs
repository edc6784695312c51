using System.Diagnostics;

namespace Workflow.Api.Tests.Support.Servers;

/// <summary>
/// What the suite needs from Debian (PostgreSQL, RabbitMQ, chromium, docker-compose) is installed by the suite itself
/// when missing, as root or through password-less sudo. Anywhere else the test fails with the one command that installs it.
/// Test processes running side by side install one at a time (apt holds a lock of its own and would refuse the second).
/// </summary>
public static class DebianPackages
{
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "workflow-tests-apt.lock");
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private static bool _listsUpdated;

    /// <summary>What <paramref name="find"/> finds, installing <paramref name="package"/> first when it finds nothing.</summary>
    public static string Require(string package, string purpose, Func<string?> find)
    {
        if (find() is { } found) return found;
        InProcess.Wait();
        try
        {
            using var crossProcess = AcquireLock(TimeSpan.FromMinutes(15));
            // Another test process may have installed it while this one waited.
            if (find() is { } installedMeanwhile) return installedMeanwhile;
            var attempt = Install(package);
            return find() ?? throw new InvalidOperationException(
                $"{purpose} needs Debian's {package}, which is not installed and could not be installed here ({attempt}). " +
                $"Install it with `sudo apt-get install -y {package}`, then run the tests again.");
        }
        finally
        {
            InProcess.Release();
        }
    }

    /// <summary>Whether this process runs as root (the user name of the effective user id).</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The first of these paths that exists; a bare name is looked up on PATH.</summary>
    public static string? FirstExisting(IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (Path.IsPathRooted(candidate))
            {
                if (File.Exists(candidate)) return candidate;
                continue;
            }
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path)) return path;
            }
        }
        return null;
    }

    private static string Install(string package)
    {
        string[] asRoot;
        if (IsRoot) asRoot = [];
        else if (ChildProcess.Run("sudo", ["-n", "true"], TimeSpan.FromSeconds(10)).ExitCode == 0) asRoot = ["sudo", "-n"];
        else return "installing needs root, and sudo asks for a password";
        if (!File.Exists("/usr/bin/apt-get")) return "apt-get is missing: not a Debian machine";

        // A fresh machine may have no package lists at all.
        if (!_listsUpdated) _listsUpdated = RunAs(asRoot, ["apt-get", "update", "-q"], TimeSpan.FromMinutes(10)).ExitCode == 0;
        var install = RunAs(asRoot, ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", package],
            TimeSpan.FromMinutes(15));
        return install.ExitCode == 0 ? "installed" : $"apt-get install ended with {install.ExitCode}: {Tail(install.Output)}";
    }

    private static (int ExitCode, string Output) RunAs(string[] asRoot, string[] command, TimeSpan deadline)
    {
        string[] whole = [.. asRoot, .. command];
        return ChildProcess.Run(whole[0], whole[1..], deadline);
    }

    private static string Tail(string output) => output.Length <= 400 ? output.Trim() : "…" + output[^400..].Trim();

    /// <summary>A lock file held open exclusively: the other test processes wait for it.</summary>
    private static FileStream AcquireLock(TimeSpan deadline)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (until.Elapsed < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
