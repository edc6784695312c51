using System.Diagnostics;
using System.Net.Sockets;
using Testcontainers.RabbitMq;

namespace Workflow.Api.Tests.Support.Servers;

/// <summary>
/// The RabbitMQ broker of this test process, found or started on first use: WORKFLOW_TEST_RABBITMQ when set; else a
/// throwaway container where a Docker engine answers; else a throwaway node of this machine's RabbitMQ (Debian's
/// rabbitmq-server, installed when missing) with a node name, ports and database directory of its own, stopped when the
/// process ends. Its virtual host is "workflow-tests", its user "workflow" with password "workflow".
/// </summary>
public static class RabbitMqServer
{
    public const string VirtualHost = "workflow-tests";

    /// <summary>RabbitMQ's AMQP port, where a broker listens unless told otherwise.</summary>
    public const int AmqpPort = 5672;

    private static readonly Lazy<string> Broker =
        DockerEngine.ServerOnFirstUse("WORKFLOW_TEST_RABBITMQ", StartContainer, StartFromBinaries);

    /// <summary>The broker's address as MassTransit takes it: rabbitmq://host:port/virtual-host.</summary>
    public static string Address => Broker.Value;

    private static string StartContainer()
    {
        var container = new RabbitMqBuilder("rabbitmq:3.13-alpine")
            .WithUsername("workflow")
            .WithPassword("workflow")
            .WithEnvironment("RABBITMQ_DEFAULT_VHOST", VirtualHost)
            .Build();
        // Testcontainers' reaper removes the container when this process ends.
        container.StartAsync().GetAwaiter().GetResult();
        return $"rabbitmq://{container.Hostname}:{container.GetMappedPublicPort(AmqpPort)}/{VirtualHost}";
    }

    private static string StartFromBinaries()
    {
        // Debian's /usr/sbin/rabbitmq-server switches to the rabbitmq user and drops the environment that makes this node
        // a node of its own: the script it wraps takes that environment, as root or as anyone.
        var server = DebianPackages.Require("rabbitmq-server", "The tests on RabbitMQ",
            () => DebianPackages.FirstExisting(["/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server"]));
        var directory = ThrowawayDirectory.Create("rabbitmq", abandoned =>
        {
            if (File.Exists(Path.Combine(abandoned, "group")))
                ChildProcess.Run("kill", ["-9", "-" + File.ReadAllText(Path.Combine(abandoned, "group")).Trim()], TimeSpan.FromMinutes(1));
        });
        var port = FreePort.OnLoopback();
        var node = $"workflow-tests-{Path.GetFileName(directory)[^12..]}@localhost";
        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"),
            $"""
            listeners.tcp.default = 127.0.0.1:{port}
            default_user = workflow
            default_pass = workflow
            default_vhost = {VirtualHost}
            loopback_users = none
            """);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].");
        // In a session of its own, the node's processes (the script, the Erlang VM and its helpers) are one process group.
        var start = new ProcessStartInfo("setsid") { ArgumentList = { server }, WorkingDirectory = directory };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["HOME"] = directory, // the Erlang cookie
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(),
            ["RABBITMQ_DIST_PORT"] = FreePort.OnLoopback().ToString(),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "pid"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(directory, "plugins-expand"),
        })
        {
            start.Environment[key] = value;
        }

        var output = new System.Text.StringBuilder();
        var process = ChildProcess.StartKeepingOutput(start, output);
        File.WriteAllText(Path.Combine(directory, "group"), process.Id.ToString());
        ThrowawayDirectory.StopWhenOwnerExits(directory, $"kill -9 -{process.Id}");
        // The listener opens once the node has booted, its user and virtual host made. A loaded machine takes a minute or more.
        var deadline = Stopwatch.StartNew();
        while (!Listens(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(5))
            {
                string said;
                lock (output) said = output.ToString();
                var logs = Directory.Exists(Path.Combine(directory, "log"))
                    ? string.Join(Environment.NewLine, Directory.GetFiles(Path.Combine(directory, "log"), "*.log").Select(File.ReadAllText))
                    : "";
                throw new InvalidOperationException(
                    "A throwaway RabbitMQ node for the tests did not start " +
                    $"({(process.HasExited ? $"it exited with {process.ExitCode}" : "no listener after 5 minutes")})." +
                    $"{Environment.NewLine}" +
                    $"{said}{Environment.NewLine}{logs}");
            }
            Thread.Sleep(250);
        }
        return $"rabbitmq://127.0.0.1:{port}/{VirtualHost}";
    }

    private static bool Listens(int port)
    {
        using var probe = new TcpClient();
        try
        {
            probe.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
