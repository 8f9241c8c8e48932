using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ReferralNet.Testing;

/// <summary>
/// Ports for processes that must be named before they start. Taken below Linux's ephemeral range (32768 and up),
/// where every bind to port 0 lands: a port found free there could be handed to another host before ours binds it.
/// The tiers that run side by side take them from ranges of their own: a test process knows only the ports it gave out
/// itself, so two of them could each find one port free and both bind it (seen: a network tier's gateway and a
/// fault-tier service on one port).
/// </summary>
public static class FreePorts
{
    /// <summary>The fault and cluster tiers' servers and processes (the in-process networks take the ports above).</summary>
    public const int ProcessesLow = 20000;
    public const int ProcessesHigh = 26000;

    /// <summary>Above it, RabbitMQ nodes of 10000–12767 take their distribution ports (port + 20000).</summary>
    public const int InProcessHigh = 30000;

    private static readonly ConcurrentDictionary<int, byte> Given = new();

    /// <summary>A port in [<paramref name="low"/>, <paramref name="high"/>) nobody listens on and this process has not given out.</summary>
    public static int Next(int low = ProcessesHigh, int high = InProcessHigh, Func<int, bool>? alsoFree = null)
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
