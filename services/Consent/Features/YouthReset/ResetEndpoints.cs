namespace ReferralNet.Consent.Features.YouthReset;

/// <summary>
/// The young person sees a reset that waits (which agency's code asked for it, when, and when it takes effect) and,
/// with their current credential's full token, cancels it: the waiting credential is deleted and any limited token
/// it gave stops working at once (<see cref="LimitedTokens"/>).
/// </summary>
public static class ResetEndpoints
{
    public static void MapReset(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/consent/youth/reset", Get).RequireAuthorization(Policies.Youth)
            .WithName("GetCredentialReset").WithSummary("The young person's waiting credential reset, if any: who asked and when it takes effect");
        app.MapPost("/api/consent/youth/reset/cancel", CancelAsync).RequireAuthorization(Policies.Youth)
            .WithName("CancelCredentialReset").WithSummary("The young person cancels a waiting credential reset");
    }

    private static async Task<Results<Ok<WaitingReset>, ProblemHttpResult>> Get(Caller caller, Database database, CancellationToken ct) =>
        await CredentialResets.FindAsync(database, caller.PersonId!.Value, ct) is { } reset
            ? TypedResults.Ok(reset)
            : Problems.NotFound("A waiting reset");

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        Caller caller, Database database, TimeProvider time, CancellationToken ct)
    {
        if (caller.IsLimitedYouth)
        {
            return Caller.Limited();
        }
        await using var work = await database.BeginAsync(ct);
        // Nothing waiting is no error: a second press of the button has nothing left to cancel.
        await CredentialResets.CancelAsync(work, caller.PersonId!.Value, time.GetUtcNow(), ct);
        await work.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
