using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace ReferralNet.Handoff.Features.Events;

/// <summary>
/// The open event streams of this instance, by agency, and the one connection that LISTENs for the feed's NOTIFY and
/// hands each event to the streams of its agency. When that connection is lost, every stream is told to read what it
/// may have missed from the table once the connection is back.
/// </summary>
public sealed class AgencyStreams(NpgsqlDataSource dataSource, TimeProvider time, ILogger<AgencyStreams> log) : BackgroundService
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<AgencyStream, byte>> _streams = new();

    /// <summary>
    /// A new stream of the agency's events for <paramref name="userId"/>; null when the user or the agency already holds
    /// as many as <see cref="HandoffOptions.StreamsPerUser"/> and <see cref="HandoffOptions.StreamsPerAgency"/> allow.
    /// </summary>
    public AgencyStream? Open(Guid agencyId, string userId, HandoffOptions limits)
    {
        var ofAgency = _streams.GetOrAdd(agencyId, _ => new());
        // Counted and added under the agency's lock, so parallel opens cannot pass a limit together.
        lock (ofAgency)
        {
            if (ofAgency.Count >= limits.StreamsPerAgency || ofAgency.Keys.Count(s => s.UserId == userId) >= limits.StreamsPerUser)
            {
                return null;
            }
            var stream = new AgencyStream(this, agencyId, userId);
            ofAgency.TryAdd(stream, 0);
            return stream;
        }
    }

    internal void Close(AgencyStream stream)
    {
        if (_streams.TryGetValue(stream.AgencyId, out var ofAgency))
        {
            lock (ofAgency)
            {
                ofAgency.TryRemove(stream, out _);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, notification) => Deliver(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {AgencyFeed.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                CatchUpAll(); // whatever committed while nobody listened
                while (true)
                {
                    if (!await connection.WaitAsync(PingEvery, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteNonQueryAsync(stoppingToken);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Listening for agency events failed; open streams catch up from the table once it is back");
                await Task.Delay(RetryAfter, time, stoppingToken);
            }
        }
    }

    private void Deliver(string payload)
    {
        var e = JsonSerializer.Deserialize<AgencyEvent>(payload, JsonSerializerOptions.Web)!;
        if (_streams.TryGetValue(e.AgencyId, out var ofAgency))
        {
            foreach (var stream in ofAgency.Keys)
            {
                stream.Offer(e);
            }
        }
    }

    private void CatchUpAll()
    {
        foreach (var stream in _streams.Values.SelectMany(s => s.Keys))
        {
            stream.CatchUp();
        }
    }
}

/// <summary>
/// One open stream's inbox of live events. A stream that falls behind (a slow client) stops queueing and reads what it
/// missed from the table instead, so nothing is lost and memory stays bounded.
/// </summary>
public sealed class AgencyStream : IDisposable
{
    public const int MaxQueued = 256;

    private readonly AgencyStreams _owner;
    private readonly Channel<AgencyEvent> _queue = Channel.CreateBounded<AgencyEvent>(
        new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private int _mustCatchUp;
    private Task<bool>? _waiting;
    private Task? _heartbeat;

    internal AgencyStream(AgencyStreams owner, Guid agencyId, string userId)
    {
        _owner = owner;
        AgencyId = agencyId;
        UserId = userId;
    }

    public Guid AgencyId { get; }

    public string UserId { get; }

    internal void Offer(AgencyEvent e)
    {
        if (!_queue.Writer.TryWrite(e))
        {
            Interlocked.Exchange(ref _mustCatchUp, 1);
        }
    }

    internal void CatchUp()
    {
        Interlocked.Exchange(ref _mustCatchUp, 1);
        _queue.Writer.TryWrite(Nudge);
    }

    /// <summary>
    /// Waits until something arrived (true) or the next heartbeat is due (false). Heartbeats come every
    /// <paramref name="heartbeatEvery"/> whether or not events came in between: one timer per stream, not one per event.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan heartbeatEvery, TimeProvider time, CancellationToken ct)
    {
        _waiting ??= _queue.Reader.WaitToReadAsync(ct).AsTask();
        _heartbeat ??= Task.Delay(heartbeatEvery, time, ct);
        if (await Task.WhenAny(_waiting, _heartbeat) == _heartbeat)
        {
            await _heartbeat; // throws when the stream was closed
            _heartbeat = null;
            return false;
        }
        _waiting = null;
        return true;
    }

    /// <summary>The queued live events, and whether the stream must read the table for what it could not queue.</summary>
    public (IReadOnlyList<AgencyEvent> Events, bool MustCatchUp) Take()
    {
        var events = new List<AgencyEvent>();
        while (_queue.Reader.TryRead(out var e))
        {
            if (!ReferenceEquals(e, Nudge))
            {
                events.Add(e);
            }
        }
        return (events, Interlocked.Exchange(ref _mustCatchUp, 0) == 1);
    }

    public void Dispose() => _owner.Close(this);

    private static readonly AgencyEvent Nudge = new() { Id = -1 };
}
