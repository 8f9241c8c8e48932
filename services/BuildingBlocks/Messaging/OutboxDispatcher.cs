using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox rows. Woken at commit, with a polling fallback for rows left by a crash. Rows are claimed
/// with FOR UPDATE SKIP LOCKED, so instances sharing a table never publish the same row concurrently, and are marked
/// only after the broker confirmed them: a crash in between re-publishes with the same message id, which the
/// consumers' inbox turns into a no-op.
/// </summary>
public sealed class OutboxDispatcher(
    NpgsqlDataSource dataSource,
    IBus bus,
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

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(5);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Lanes).Select(lane => Task.Run(() => RunLaneAsync(lane, stoppingToken), stoppingToken)));

    private async Task RunLaneAsync(int lane, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dispatched = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                if (lane == 0)
                {
                    await PurgeIfDueAsync(stoppingToken);
                }
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

    /// <summary>Publishes one batch of waiting rows; returns how many were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var rows = (await connection.QueryAsync<OutboxSql.Row>(new CommandDefinition(
            OutboxSql.ClaimWaiting, new { Limit = options.Value.BatchSize }, transaction, cancellationToken: ct))).AsList();
        if (rows.Count == 0)
        {
            return 0;
        }

        DateTimeOffset[] confirmedAt;
        using (var publishDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            publishDeadline.CancelAfter(options.Value.PublishTimeout);
            confirmedAt = await Task.WhenAll(rows.Select(row => PublishAsync(row, publishDeadline.Token)));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            OutboxSql.MarkDispatched, new { Ids = rows.Select(r => r.Id).ToArray(), Times = confirmedAt }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);

        for (var i = 0; i < rows.Count; i++)
        {
            CommitToPublish.Record((confirmedAt[i] - rows[i].CreatedAt).TotalMilliseconds);
        }
        Published.Add(rows.Count);
        return rows.Count;
    }

    /// <summary>Publishes one row and answers when the broker confirmed it.</summary>
    private async Task<DateTimeOffset> PublishAsync(OutboxSql.Row row, CancellationToken ct)
    {
        var type = OutboxMessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} holds no message.");
        using var activity = row.TraceParent is null
            ? null
            : ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, row.TraceParent);
        activity?.SetTag("messaging.message.id", row.Id);
        await bus.Publish(message, type, context => context.MessageId = row.Id, ct);
        return time.GetUtcNow();
    }

    private async Task PurgeIfDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now < _nextPurge)
        {
            return;
        }
        _nextPurge = now + PurgeEvery;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            OutboxSql.PurgeDispatched, new { Before = now - options.Value.KeepDispatchedFor }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            OutboxSql.PurgeInbox, new { Before = now - options.Value.KeepInboxFor }, cancellationToken: ct));
    }
}
