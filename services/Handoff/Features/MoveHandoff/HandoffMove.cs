using Dapper;

namespace ReferralNet.Handoff.Features.MoveHandoff;

/// <summary>
/// One move of the handoff state machine (<see cref="HandoffStatuses"/>): its name, the states it leaves, the state it
/// enters, the side that may make it, and its <c>UPDATE … SET status = @To … WHERE status = ANY(@From) RETURNING …</c>,
/// so two racing moves cannot both win.
/// </summary>
public sealed record HandoffMove(string Name, IReadOnlySet<string> From, string To, bool BySender, string Update)
{
    public bool MayBeMadeBy(Caller caller, HandoffRecord handoff) =>
        caller.IsWorkerOf(BySender ? handoff.FromAgencyId : handoff.ToAgencyId);
}

/// <summary>What a move announces, and anything else it writes in the same transaction, once the row has moved.</summary>
public delegate Task<object> MoveEffect(UnitOfWork work, HandoffRecord moved, DateTimeOffset now, CancellationToken ct);

/// <summary>
/// Makes a move the one way every move handler does: 422 when its request is not valid, 404 when the caller cannot see the handoff, 403 when it is the
/// other side's move, 409 when the handoff is not in a state the move leaves; else the row moves, the event goes out
/// through the outbox, and the answer is the row as the UPDATE returned it, with only the details this move wrote
/// (what else is about the young person stays with GET, where its read is decided and logged: see <see cref="HandoffNotes"/>).
/// </summary>
public sealed class HandoffMoves(Database database, ConsentIndex participation, TimeProvider time)
{
    private const string Find = $"SELECT {HandoffRecord.StateColumns} FROM handoffs WHERE id = @Id";

    public async Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> MakeAsync(
        Guid id, Caller caller, HandoffMove move, ValidationErrors? request, object? details, MoveEffect effect, CancellationToken ct)
    {
        if (request is { IsValid: false })
        {
            return request.ToProblem();
        }
        await using var work = await database.BeginAsync(ct);
        var handoff = await work.QuerySingleOrDefaultAsync<HandoffRecord>(Find, new { Id = id }, ct);
        if (handoff is null || !handoff.IsVisibleTo(caller, participation))
        {
            return Problems.NotFound("The handoff");
        }
        if (!move.MayBeMadeBy(caller, handoff))
        {
            return Problems.Forbidden($"Only the {(move.BySender ? "sending" : "receiving")} agency may {move.Name} this handoff.");
        }
        var now = time.GetUtcNow();
        var parameters = new DynamicParameters(details);
        parameters.Add("Id", id);
        parameters.Add("Now", now);
        parameters.Add("From", move.From.ToArray());
        parameters.Add("To", move.To);
        var moved = await work.QuerySingleOrDefaultAsync<HandoffRecord>(move.Update, parameters, ct);
        if (moved is null)
        {
            return Problems.Conflict($"A handoff that is {handoff.Status} cannot be moved by '{move.Name}'.");
        }
        work.Publish(await effect(work, moved, now, ct));
        await work.CommitAsync(ct);
        return TypedResults.Ok(moved);
    }

    /// <summary>The moves of a handoff, under <c>/api/handoffs/{id}</c>, for workers of the two agencies in it.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var handoff = app.MapGroup("/api/handoffs/{id:guid}").RequirePersonAccess(Policies.Worker);
        handoff.MapPost("/accept", AcceptHandoff.HandleAsync)
            .WithName("AcceptHandoff").WithSummary("The receiving agency accepts an offer");
        handoff.MapPost("/decline", DeclineHandoff.HandleAsync)
            .WithName("DeclineHandoff").WithSummary("The receiving agency declines an offer with a reason; the case is passed on");
        handoff.MapPost("/withdraw", WithdrawHandoff.HandleAsync)
            .WithName("WithdrawHandoff").WithSummary("The sending agency withdraws its offer");
        handoff.MapPost("/contact", RecordFirstContact.HandleAsync)
            .WithName("RecordFirstContact").WithSummary("The receiving agency records first contact; the sender's accountability ends");
        handoff.MapPost("/complete", CompleteHandoff.HandleAsync)
            .WithName("CompleteHandoff").WithSummary("The receiving agency records the outcome of the handoff");
    }
}
