using System.Net;
using System.Net.Sockets;

namespace Workflow.Api.Tests.Support;

public static class FreePort
{
    /// <summary>
    /// A loopback port nobody listens on now: the OS picks it and it is let go at once, because the server that will take it
    /// must know its address before it starts (links in e-mails, --urls).
    /// </summary>
    public static int OnLoopback()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
