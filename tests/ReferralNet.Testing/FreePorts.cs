using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ReferralNet.Testing;

/// <summary>
/// Ports for processes that must be named before they start. Taken below Linux's ephemeral range (32768 and up),
/// where every bind to port 0 lands: a port found free there could be handed to another host before ours binds it.
/// </summary>
public static class FreePorts
{
    private static readonly ConcurrentDictionary<int, byte> Given = new();

    /// <summary>A port in [<paramref name="low"/>, <paramref name="high"/>) nobody listens on and this process has not given out.</summary>
    public static int Next(int low = 20000, int high = 32000, Func<int, bool>? alsoFree = null)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            if (IsFree(port) && (alsoFree?.Invoke(port) ?? true) && Given.TryAdd(port, 0))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {low} and {high}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
