using System.Net;
using System.Net.Sockets;

namespace Workflow.Api.Security;

/// <summary>Who the limits count a request against: the client's network address.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's address as the limits partition it: an IPv4 address as it is, an IPv6 address by its /64 network, since
    /// one subscriber usually holds a whole /64 and could otherwise take a fresh address for every attempt. Behind a
    /// reverse proxy, enable forwarded headers (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true) so that it is the client's own.
    /// </summary>
    public static string Of(HttpContext http) => Partition(http.Connection.RemoteIpAddress);

    public static string Partition(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
