using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The RabbitMQ broker of the tests, as <see cref="Servers.RabbitMqServer"/> provides it (WORKFLOW_TEST_RABBITMQ, or a node
/// the suite starts itself), with the user "workflow". Every service of Workflow.Api.Tests.OnServers runs on it (MassTransit's
/// test harness still watching), as every service of any run with WORKFLOW_TEST_TRANSPORT=RabbitMq; elsewhere only the tests
/// about the broker do.
/// Each data directory is a deployment of its own, with its own queues and exchanges, so a restart finds its queues again.
/// </summary>
public static class TestBroker
{
    public static string Address => Servers.RabbitMqServer.Address;

#if ON_SERVERS
    private const string DefaultTransport = "RabbitMq"; // Workflow.Api.Tests.OnServers
#else
    private const string DefaultTransport = "InMemory";
#endif

    public static bool EverywhereInSuite { get; } = (Environment.GetEnvironmentVariable("WORKFLOW_TEST_TRANSPORT") is { Length: > 0 } chosen
        ? chosen : DefaultTransport) switch
    {
        var t when t.Equals("RabbitMq", StringComparison.OrdinalIgnoreCase) => true,
        var t when t.Equals("InMemory", StringComparison.OrdinalIgnoreCase) => false,
        var t => throw new InvalidOperationException($"WORKFLOW_TEST_TRANSPORT={t}: the tests run on InMemory or RabbitMq."),
    };

    public static string DeploymentFor(string dataDirectory) =>
        "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..16];

    /// <summary>The service's settings for the broker, as one deployment.</summary>
    public static Dictionary<string, string?> Settings(string deployment) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = Address,
        ["Messaging:RabbitMq:Username"] = "workflow",
        ["Messaging:RabbitMq:Password"] = "workflow",
        ["Messaging:QueuePrefix"] = deployment,
    };

    /// <summary>Fails the test at once, with what to do, when no broker listens (instead of waiting for events that never come).</summary>
    public static void AssertListens()
    {
        var uri = new Uri(Address);
        var port = uri.Port > 0 ? uri.Port : Servers.RabbitMqServer.AmqpPort;
        using var probe = new TcpClient();
        try
        {
            probe.Connect(uri.Host, port);
        }
        catch (SocketException e)
        {
            Assert.Fail($"RabbitMQ is not listening at {uri.Host}:{port} ({e.SocketErrorCode}). " +
                "WORKFLOW_TEST_RABBITMQ names a broker that does not answer: start it, or unset the variable and the suite starts " +
                "a node of its own.");
        }
    }
}
