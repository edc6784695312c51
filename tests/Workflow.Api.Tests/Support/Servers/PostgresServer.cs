using Testcontainers.PostgreSql;

namespace Workflow.Api.Tests.Support.Servers;

/// <summary>
/// The PostgreSQL server of this test process, found or started on first use: WORKFLOW_TEST_POSTGRES when set; else a
/// throwaway container where a Docker engine answers; else a throwaway server of this machine's PostgreSQL binaries
/// (Debian's postgresql package, installed when missing) in a directory of its own on a free loopback port, stopped when
/// the process ends. Its superuser is "workflow" with password "workflow", allowed to create the tests' databases.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server =
        DockerEngine.ServerOnFirstUse("WORKFLOW_TEST_POSTGRES", StartContainer, StartFromBinaries);

    /// <summary>The connection string of the server without a database (each service names its own).</summary>
    public static string ConnectionString => Server.Value;

    private static string StartContainer()
    {
        var container = new PostgreSqlBuilder("postgres:15-alpine")
            .WithUsername("workflow")
            .WithPassword("workflow")
            .WithCommand("-c", "max_connections=300", "-c", "fsync=off")
            .Build();
        // Testcontainers' reaper removes the container when this process ends.
        container.StartAsync().GetAwaiter().GetResult();
        return $"Host={container.Hostname};Port={container.GetMappedPublicPort(5432)};Username=workflow;Password=workflow";
    }

    private static string StartFromBinaries()
    {
        var initdb = DebianPackages.Require("postgresql", "The tests on PostgreSQL", () => DebianPackages.FirstExisting(
            [.. Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(v => int.TryParse(Path.GetFileName(v), out var n) ? n : 0)
                    .Select(v => Path.Combine(v, "bin", "initdb"))
                : [],
             "initdb"]));
        var bin = Path.GetDirectoryName(initdb)!;
        var pgCtl = Path.Combine(bin, "pg_ctl");

        var directory = ThrowawayDirectory.Create("pg",
            abandoned => AsServerUser(pgCtl, ["-D", Path.Combine(abandoned, "data"), "-m", "immediate", "stop"], TimeSpan.FromMinutes(1)));
        var data = Path.Combine(directory, "data");
        var passwordFile = Path.Combine(directory, "password");
        File.WriteAllText(passwordFile, "workflow\n");
        // PostgreSQL refuses to run as root: as root, the server runs as Debian's "postgres" user.
        if (DebianPackages.IsRoot)
        {
            var chown = ChildProcess.Run("chown", ["-R", "postgres:postgres", directory], TimeSpan.FromMinutes(1));
            if (chown.ExitCode != 0)
                throw new InvalidOperationException(
                    $"Could not hand {directory} to the postgres user for a throwaway PostgreSQL server: {chown.Output}");
        }

        Check(AsServerUser(initdb,
            ["-D", data, "-U", "workflow", "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8",
                "--no-sync"],
            TimeSpan.FromMinutes(5)), "initdb", directory);
        var port = FreePort.OnLoopback();
        // Throwaway data: durability buys nothing here, and the tests' services run side by side, each with its own pool.
        var options = $"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c max_connections=300 " +
                      "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        Check(AsServerUser(pgCtl, ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "300", "-o", options, "start"],
            TimeSpan.FromMinutes(6)),
            "pg_ctl start", directory);
        var stop = $"'{pgCtl}' -D '{data}' -m immediate stop";
        ThrowawayDirectory.StopWhenOwnerExits(directory, DebianPackages.IsRoot ? $"runuser -u postgres -- {stop}" : stop);
        return $"Host=127.0.0.1;Port={port};Username=workflow;Password=workflow";
    }

    private static (int ExitCode, string Output) AsServerUser(string program, string[] arguments, TimeSpan deadline) =>
        DebianPackages.IsRoot
            ? ChildProcess.Run("runuser", ["-u", "postgres", "--", program, .. arguments], deadline)
            : ChildProcess.Run(program, arguments, deadline);

    private static void Check((int ExitCode, string Output) result, string step, string directory)
    {
        if (result.ExitCode == 0) return;
        var log = Path.Combine(directory, "server.log");
        throw new InvalidOperationException(
            $"A throwaway PostgreSQL server for the tests could not start: {step} ended with {result.ExitCode}." +
            $"{Environment.NewLine}{result.Output}" +
            (File.Exists(log) ? $"{Environment.NewLine}Its log ({log}):{Environment.NewLine}{File.ReadAllText(log)}" : ""));
    }
}
