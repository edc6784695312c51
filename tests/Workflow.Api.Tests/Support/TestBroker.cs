using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The RabbitMQ broker of the tests: from WORKFLOW_TEST_RABBITMQ, by default the virtual host "workflow-tests" on localhost
/// with the user "workflow" that .ci/run creates. With WORKFLOW_TEST_TRANSPORT=RabbitMq every service of the suite runs on it
/// (MassTransit's test harness still watching); otherwise only the tests about the broker do.
/// Each data directory is a deployment of its own, with its own queues and exchanges, so a restart finds its queues again.
/// </summary>
public static class TestBroker
{
    public static string Address { get; } = Environment.GetEnvironmentVariable("WORKFLOW_TEST_RABBITMQ") is { Length: > 0 } configured
        ? configured : "rabbitmq://localhost/workflow-tests";

    public static bool EverywhereInSuite { get; } = (Environment.GetEnvironmentVariable("WORKFLOW_TEST_TRANSPORT") ?? "InMemory") switch
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
        using var probe = new TcpClient();
        try
        {
            probe.Connect(uri.Host, uri.Port > 0 ? uri.Port : 5672);
        }
        catch (SocketException e)
        {
            Assert.Fail($"RabbitMQ is not listening at {uri.Host}:{(uri.Port > 0 ? uri.Port : 5672)} ({e.SocketErrorCode}). Install and start it " +
                "(apt-get install rabbitmq-server; rabbitmq-server -detached), then create the virtual host and user as .ci/run does.");
        }
    }
}
