using System.Net.Sockets;
using System.Text;

namespace Workflow.Api.Tests.Support.Servers;

/// <summary>
/// Whether a Docker engine answers (DOCKER_HOST, else /var/run/docker.sock): where one does, the servers of the suite run in
/// throwaway containers (Testcontainers), SQL Server among them; where none does, the client alone is no use.
/// </summary>
public static class DockerEngine
{
    private static readonly Lazy<string?> Why = new(Probe);

    public static bool Answers => Why.Value is null;

    /// <summary>
    /// A server of the suite, found or started once, on first use: the one <paramref name="variable"/> names when set; else a
    /// throwaway container where an engine answers; else one started from this machine's binaries. Its address is the value.
    /// </summary>
    public static Lazy<string> ServerOnFirstUse(string variable, Func<string> inContainer, Func<string> fromBinaries) =>
        new(() => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured ? configured
            : Answers ? inContainer() : fromBinaries(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why no engine answers, in words for the test output; null when one does.</summary>
    public static string? WhyNot => Why.Value;

    private static string? Probe()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } configured
            ? configured
            : "unix:///var/run/docker.sock";
        try
        {
            var uri = new Uri(host);
            using var socket = uri.Scheme == "unix"
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (uri.Scheme == "unix")
            {
                if (!File.Exists(uri.AbsolutePath)) return $"no Docker engine: {uri.AbsolutePath} does not exist";
                socket.Connect(new UnixDomainSocketEndPoint(uri.AbsolutePath));
            }
            else
            {
                socket.Connect(uri.Host, uri.Port);
            }
            socket.ReceiveTimeout = 5000;
            socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
            var buffer = new byte[512];
            var read = socket.Receive(buffer);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            return answer.StartsWith("HTTP/1.", StringComparison.Ordinal) && answer.Contains(" 200 ", StringComparison.Ordinal)
                ? null
                : $"the Docker engine at {host} did not answer its ping";
        }
        catch (Exception e) when (e is SocketException or UriFormatException or IOException)
        {
            return $"no Docker engine answers at {host} ({e.Message})";
        }
    }
}
