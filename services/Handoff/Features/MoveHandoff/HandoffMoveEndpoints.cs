using Microsoft.AspNetCore.Http.HttpResults;
using ReferralNet.BuildingBlocks.Auth;
using ReferralNet.BuildingBlocks.Consent;
using ReferralNet.BuildingBlocks.Data;
using ReferralNet.BuildingBlocks.Web;
using ReferralNet.Contracts;
using ReferralNet.Contracts.Codes;

namespace ReferralNet.Handoff.Features.MoveHandoff;

public sealed record DeclineRequest(string? Reason, string? Note);

public sealed record ContactRequest(DateTimeOffset? At, string? Modality);

public sealed record CompleteRequest(string? Outcome);

/// <summary>What a move changes besides the status; null leaves a column as it is.</summary>
internal sealed record MoveDetails(
    DateTimeOffset? AcceptedAt = null, DateTimeOffset? ConnectedAt = null, DateTimeOffset? ClosedAt = null,
    string? DeclineReason = null, string? ContactModality = null, string? Outcome = null);

public static class HandoffMoveEndpoints
{
    public static void MapHandoffMoves(this IEndpointRouteBuilder app)
    {
        var handoff = app.MapGroup("/api/handoffs/{id:guid}").RequirePersonAccess(Policies.Worker);

        handoff.MapPost("/accept", (Guid id, Caller caller, Database db, ConsentIndex participation, TimeProvider time, CancellationToken ct) =>
            MoveAsync(id, HandoffMove.Accept, caller, db, participation, time, now => new MoveDetails(AcceptedAt: now),
                (h, now) => new HandoffAccepted(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, now), ct));

        handoff.MapPost("/decline", (Guid id, DeclineRequest request, Caller caller, Database db, ConsentIndex participation, TimeProvider time,
            CancellationToken ct) =>
        {
            var errors = new ValidationErrors().Code(request.Reason, Vocabulary.DeclineReasons, "reason")
                .Check((request.Note?.Length ?? 0) <= 2000, "note", "must be at most 2000 characters");
            return errors.IsValid
                ? MoveAsync(id, HandoffMove.Decline, caller, db, participation, time, now => new MoveDetails(ClosedAt: now, DeclineReason: request.Reason),
                    (h, now) => new HandoffDeclined(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, request.Reason!, now), ct)
                : Task.FromResult<Results<Ok<HandoffRecord>, ProblemHttpResult>>(errors.ToProblem());
        });

        handoff.MapPost("/withdraw", (Guid id, Caller caller, Database db, ConsentIndex participation, TimeProvider time, CancellationToken ct) =>
            MoveAsync(id, HandoffMove.Withdraw, caller, db, participation, time, now => new MoveDetails(ClosedAt: now),
                (h, now) => new HandoffWithdrawn(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, now), ct));

        handoff.MapPost("/contact", (Guid id, ContactRequest request, Caller caller, Database db, ConsentIndex participation, TimeProvider time,
            CancellationToken ct) =>
        {
            var errors = new ValidationErrors().Code(request.Modality, Vocabulary.Modalities, "modality")
                .Check(request.At is null || request.At <= time.GetUtcNow().AddMinutes(5), "at", "must not be in the future")
                .Check(request.At is null || request.At.Value.Year is >= 1900 and <= 2100, "at", "must be between 1900 and 2100");
            return errors.IsValid
                ? MoveAsync(id, HandoffMove.RecordContact, caller, db, participation, time,
                    now => new MoveDetails(ConnectedAt: request.At ?? now, ContactModality: request.Modality),
                    (h, now) => new HandoffConnected(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, request.Modality!, now), ct)
                : Task.FromResult<Results<Ok<HandoffRecord>, ProblemHttpResult>>(errors.ToProblem());
        });

        handoff.MapPost("/complete", (Guid id, CompleteRequest request, Caller caller, Database db, ConsentIndex participation, TimeProvider time,
            CancellationToken ct) =>
        {
            var errors = new ValidationErrors().Code(request.Outcome, Vocabulary.Outcomes, "outcome");
            return errors.IsValid
                ? MoveAsync(id, HandoffMove.Complete, caller, db, participation, time, now => new MoveDetails(ClosedAt: now, Outcome: request.Outcome),
                    (h, now) => new HandoffCompleted(h.HandoffId, h.CaseId, h.FromAgencyId, h.ToAgencyId, request.Outcome!, now), ct)
                : Task.FromResult<Results<Ok<HandoffRecord>, ProblemHttpResult>>(errors.ToProblem());
        });
    }

    /// <summary>
    /// Applies a move: 404 when the caller cannot see the handoff, 403 when it is the other side's move, 409 when the
    /// handoff is not in a state the move leaves. The status check is part of the UPDATE, so two racing moves cannot both win.
    /// The answer is the handoff without its note (see <see cref="HandoffNotes"/>).
    /// </summary>
    private static async Task<Results<Ok<HandoffRecord>, ProblemHttpResult>> MoveAsync(
        Guid id, HandoffMove move, Caller caller, Database database, ConsentIndex participation, TimeProvider time,
        Func<DateTimeOffset, MoveDetails> details, Func<HandoffRecord, DateTimeOffset, object> announce, CancellationToken ct)
    {
        await using var work = await database.BeginAsync(ct);
        var handoff = await work.QuerySingleOrDefaultAsync<HandoffRecord>(
            $"SELECT {HandoffRecord.Columns} FROM handoffs WHERE id = @Id", new { Id = id }, ct);
        if (handoff is null || !handoff.IsVisibleTo(caller, participation))
        {
            return Problems.NotFound("The handoff");
        }
        if (!move.MayBeMadeBy(caller, handoff))
        {
            return Problems.Forbidden($"Only the {(move.BySender ? "sending" : "receiving")} agency may {move.Name} this handoff.");
        }
        var now = time.GetUtcNow();
        var change = details(now);
        var moved = await work.ExecuteAsync(
            """
            UPDATE handoffs SET status = @To, updated_at = @Now,
                accepted_at = COALESCE(@AcceptedAt, accepted_at), connected_at = COALESCE(@ConnectedAt, connected_at),
                closed_at = COALESCE(@ClosedAt, closed_at), decline_reason = COALESCE(@DeclineReason, decline_reason),
                contact_modality = COALESCE(@ContactModality, contact_modality), outcome = COALESCE(@Outcome, outcome)
            WHERE id = @Id AND status = ANY(@From)
            """,
            new
            {
                Id = id, move.To, From = move.From.ToArray(), Now = now, change.AcceptedAt, change.ConnectedAt, change.ClosedAt,
                change.DeclineReason, change.ContactModality, change.Outcome,
            }, ct);
        if (moved == 0)
        {
            return Problems.Conflict($"A handoff that is {handoff.Status} cannot be moved by '{move.Name}'.");
        }
        if (move == HandoffMove.Accept)
        {
            await work.ExecuteAsync(
                "INSERT INTO case_agencies (case_id, agency_id) VALUES (@CaseId, @ToAgencyId) ON CONFLICT (case_id, agency_id) DO NOTHING",
                handoff, ct);
        }
        work.Publish(announce(handoff, now));
        await work.CommitAsync(ct);
        // The answer is the new state with only the details this move wrote: what is about the young person stays
        // with GET, where its read is decided and logged.
        return TypedResults.Ok(handoff.WithoutCaseNotes() with
        {
            Status = move.To,
            AcceptedAt = change.AcceptedAt ?? handoff.AcceptedAt,
            ConnectedAt = change.ConnectedAt ?? handoff.ConnectedAt,
            ClosedAt = change.ClosedAt ?? handoff.ClosedAt,
            DeclineReason = change.DeclineReason,
            ContactModality = change.ContactModality,
            Outcome = change.Outcome,
        });
    }
}
