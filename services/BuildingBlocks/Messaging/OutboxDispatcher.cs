using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox rows. A transaction's messages are published by the instance that committed them, right
/// after the commit and straight from memory (no read of the table first), under a lease stored with the rows that
/// keeps every other dispatcher off them; confirmations are marked in batches. Polling lanes take what is left: rows
/// whose lease ran out (the instance died, or gave them up because the broker did not confirm) and rows of writers
/// without a dispatcher. They claim with FOR UPDATE SKIP LOCKED, so instances sharing a table never publish the same
/// row concurrently. Rows are marked only after the broker confirmed them: a crash in between re-publishes with the
/// same message id, which the consumers' inbox turns into a no-op.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
    UnconfirmedPublishes unconfirmed,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private static readonly ActivitySource ActivitySource = new("ReferralNet.Outbox");
    private static readonly Meter Meter = new("ReferralNet.Outbox");
    private static readonly Histogram<double> CommitToPublish = Meter.CreateHistogram<double>(
        "referralnet.outbox.commit_to_publish", "ms", "Time from storing an outbox row to the broker's confirmation");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("referralnet.outbox.published");
    private static readonly Counter<long> Parked = Meter.CreateCounter<long>("referralnet.outbox.parked");

    private readonly Channel<(Guid Id, DateTimeOffset ConfirmedAt, DateTimeOffset StoredAt)> _confirmed =
        Channel.CreateUnbounded<(Guid, DateTimeOffset, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The lease outlives any publish attempt, so the committing instance has given up before another takes over.</summary>
    public TimeSpan Lease => options.Value.PublishTimeout * 2;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.AttachDispatcher(Lease);
        var lanes = Enumerable.Range(0, options.Value.Lanes).Select(_ => Task.Run(() => RunLaneAsync(stoppingToken), stoppingToken));
        return Task.WhenAll([.. lanes, PublishCommittedAsync(stoppingToken), MarkConfirmedAsync(stoppingToken)]);
    }

    /// <summary>Publishes each committed transaction's messages as it arrives, without waiting for the previous ones.</summary>
    private async Task PublishCommittedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var committed in signal.Committed.ReadAllAsync(stoppingToken))
            {
                foreach (var message in committed.Messages)
                {
                    _ = PublishLeasedAsync(message, committed.StoredAt, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: unpublished rows keep their lease, which runs out, and a dispatcher takes them then.
        }
    }

    private async Task PublishLeasedAsync(OutboxSql.Outgoing message, DateTimeOffset storedAt, CancellationToken stoppingToken)
    {
        try
        {
            using var publishDeadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            publishDeadline.CancelAfter(options.Value.PublishTimeout);
            var confirmedAt = await PublishAsync(message.Id, message.Message, message.TraceParent, publishDeadline.Token);
            _confirmed.Writer.TryWrite((message.Id, confirmedAt, storedAt));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning(ex, "Publishing a committed message failed; the polling dispatchers take it over");
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await connection.ExecuteAsync(new CommandDefinition(OutboxSql.ReleaseLease, new { Ids = new[] { message.Id } }, cancellationToken: stoppingToken));
                signal.Wake();
            }
            catch (Exception releaseFailed) when (!stoppingToken.IsCancellationRequested)
            {
                // The lease runs out by itself.
                log.LogWarning(releaseFailed, "Giving up the lease failed; the message is taken over when the lease runs out");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the lease runs out.
        }
    }

    /// <summary>Marks confirmed messages in batches: whatever was confirmed while the previous batch was written.</summary>
    private async Task MarkConfirmedAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Guid Id, DateTimeOffset ConfirmedAt, DateTimeOffset StoredAt)>();
        try
        {
            while (await _confirmed.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.BatchSize && _confirmed.Reader.TryRead(out var confirmed))
                {
                    batch.Add(confirmed);
                }
                try
                {
                    await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                    await connection.ExecuteAsync(new CommandDefinition(OutboxSql.MarkDispatched,
                        new { Ids = batch.Select(c => c.Id).ToArray(), Times = batch.Select(c => c.ConfirmedAt).ToArray() },
                        cancellationToken: stoppingToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Unmarked rows are published again when their lease runs out; the consumers' inbox absorbs that.
                    log.LogWarning(ex, "Marking {Count} confirmed outbox messages failed", batch.Count);
                }
                foreach (var confirmed in batch)
                {
                    CommitToPublish.Record((confirmed.ConfirmedAt - confirmed.StoredAt).TotalMilliseconds);
                }
                Published.Add(batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not marked yet is published again after its lease, and absorbed by the inboxes.
        }
    }

    private async Task RunLaneAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                if (dispatched < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Broker or database away: the rows stay in the table; back off up to 5 s and try again.
                failures++;
                log.LogWarning(ex, "Outbox dispatch failed ({Failures} in a row); the messages stay and are retried", failures);
                var backOff = TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(failures, 6))));
                await Task.Delay(backOff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Publishes one batch of waiting rows; returns how many were published. A row that fails while others of its batch
    /// publish, or that does not read as its type, is a bad row: its failure is counted, and at
    /// <see cref="OutboxOptions.ParkAfterAttempts"/> it is parked. When every row fails, the broker is away: nothing is
    /// counted, and the lane backs off.
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<OutboxSql.Row>(new CommandDefinition(
            OutboxSql.ClaimWaiting, new { Limit = options.Value.BatchSize, Now = time.GetUtcNow() }, transaction, cancellationToken: ct))).AsList();
        if (rows.Count == 0)
        {
            return 0;
        }

        Attempt[] attempts;
        using (var publishDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            publishDeadline.CancelAfter(options.Value.PublishTimeout);
            attempts = await Task.WhenAll(rows.Select(row => TryPublishAsync(row, publishDeadline.Token)));
        }
        var published = rows.Zip(attempts).Where(r => r.Second.ConfirmedAt is not null).ToList();
        var bad = rows.Zip(attempts).Where(r => r.Second.Failure is { } failure && (r.Second.Unreadable || published.Count > 0)).ToList();
        if (published.Count == 0 && bad.Count == 0)
        {
            throw new AggregateException("No message of the batch could be published.", attempts.Select(a => a.Failure!));
        }

        await connection.ExecuteAsync(new CommandDefinition(OutboxSql.MarkDispatched,
            new { Ids = published.Select(r => r.First.Id).ToArray(), Times = published.Select(r => r.Second.ConfirmedAt!.Value).ToArray() },
            transaction, cancellationToken: ct));
        if (bad.Count > 0)
        {
            var counted = await connection.QueryAsync<(Guid Id, bool Parked)>(new CommandDefinition(OutboxSql.CountFailures, new
            {
                Ids = bad.Select(r => r.First.Id).ToArray(),
                Errors = bad.Select(r => Faults.Describe(r.Second.Failure!)).ToArray(),
                ParkAfter = options.Value.ParkAfterAttempts,
                Now = time.GetUtcNow(),
            }, transaction, cancellationToken: ct));
            foreach (var (id, parked) in counted)
            {
                if (parked)
                {
                    Parked.Add(1);
                    log.LogError("Outbox row {Id} failed {Attempts} times to publish; parked for an operator", id, options.Value.ParkAfterAttempts);
                }
            }
        }
        await transaction.CommitAsync(ct);

        foreach (var (row, attempt) in published)
        {
            CommitToPublish.Record((attempt.ConfirmedAt!.Value - row.CreatedAt).TotalMilliseconds);
        }
        Published.Add(published.Count);
        return rows.Count;
    }

    private sealed record Attempt(DateTimeOffset? ConfirmedAt, Exception? Failure, bool Unreadable);

    private async Task<Attempt> TryPublishAsync(OutboxSql.Row row, CancellationToken ct)
    {
        object message;
        try
        {
            message = Deserialize(row);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or TypeLoadException or FileNotFoundException or NotSupportedException)
        {
            return new Attempt(null, e, Unreadable: true);
        }
        try
        {
            return new Attempt(await PublishAsync(row.Id, message, row.TraceParent, ct), null, Unreadable: false);
        }
        catch (Exception e)
        {
            return new Attempt(null, e, Unreadable: false);
        }
    }

    private static object Deserialize(OutboxSql.Row row) =>
        JsonSerializer.Deserialize(row.Body, OutboxMessageTypes.Resolve(row.MessageType))
        ?? throw new InvalidOperationException($"Outbox row {row.Id} holds no message.");

    /// <summary>Publishes one message under its outbox id and answers when the broker confirmed it.</summary>
    private async Task<DateTimeOffset> PublishAsync(Guid id, object message, string? traceParent, CancellationToken ct)
    {
        using var activity = traceParent is null
            ? null
            : ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, traceParent);
        activity?.SetTag("messaging.message.id", id);
        try
        {
            await bus.Publish(message, message.GetType(), context => context.MessageId = id, ct);
        }
        catch
        {
            unconfirmed.Failed(message.GetType());
            throw;
        }
        unconfirmed.Confirmed(message.GetType());
        return time.GetUtcNow();
    }
}
