using System.Net;
using System.Net.Sockets;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>Finds a TCP port on 127.0.0.1 that nothing listens on right now.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for an ephemeral port and releases it at once. Another process could take it before
    /// the caller binds it, so callers that start servers retry on "address in use".
    /// </summary>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
