using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ReferralNet.Web.Gateway;
using ReferralNet.Web.Session;
using ReferralNet.Web.Text;

namespace ReferralNet.Web.Features.Youth;

/// <summary>
/// The two steps of a passkey, between the browser's WebAuthn calls (passkey.js) and the consent service: the options
/// to ask the phone with, then the phone's answer, which starts the young person's session. Each is a form post with
/// its antiforgery token, answered with JSON for the script: the options, or where to go next, or words to show.
/// </summary>
public static class PasskeyEndpoints
{
    public sealed class AnswerForm
    {
        public Guid? CeremonyId { get; set; }
        public string? Credential { get; set; }
        public string? ReturnUrl { get; set; }
    }

    /// <summary>What the script does next: go to <paramref name="Next"/>, or show <paramref name="Message"/>.</summary>
    public sealed record Outcome(string? Next, string? Message);

    public sealed record Ceremony(Guid CeremonyId, JsonElement Options);

    public static void MapPasskeyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/youth/passkey/enrol-options", (Delegate)AskToEnrolAsync).RequireAuthorization(p => p.RequireRole(Roles.YouthEnrolment));
        app.MapPost("/youth/passkey/enrol", EnrolAsync).RequireAuthorization(p => p.RequireRole(Roles.YouthEnrolment));
        app.MapPost("/youth/passkey/sign-in-options", (Delegate)AskToSignInAsync);
        app.MapPost("/youth/passkey/sign-in", SignInAsync);
    }

    // The empty form carries the antiforgery token: a page of another site cannot start a ceremony in the user's name.
    private static Task<IResult> AskToEnrolAsync([FromForm] AnswerForm form, GatewayApi gateway, Ui ui, CancellationToken ct) =>
        AskAsync(gateway, "/api/consent/youth/credential/passkey-options", ui, enrolling: true, ct);

    private static Task<IResult> AskToSignInAsync([FromForm] AnswerForm form, GatewayApi gateway, Ui ui, CancellationToken ct) =>
        AskAsync(gateway, "/api/consent/youth/sign-in/passkey-options", ui, enrolling: false, ct);

    private static async Task<IResult> AskAsync(GatewayApi gateway, string path, Ui ui, bool enrolling, CancellationToken ct)
    {
        var asked = await gateway.PostAsync<Ceremony>(path, new { }, ct);
        return asked.IsOk ? TypedResults.Ok(asked.Value) : Refused(asked.Problem!, ui, enrolling);
    }

    private static async Task<Results<Ok<Outcome>, JsonHttpResult<Outcome>>> EnrolAsync(
        [FromForm] AnswerForm form, HttpContext http, GatewayApi gateway, Ui ui, CancellationToken ct)
    {
        var enrolled = await AnswerAsync<YouthToken>(gateway, "/api/consent/youth/credential/passkey", form, ct);
        if (!enrolled.IsOk)
        {
            return Refused(enrolled.Problem!, ui, enrolling: true);
        }
        await SessionUser.SignInAsync(http, enrolled.Value!.AccessToken);
        return TypedResults.Ok(new Outcome("/youth", null));
    }

    private static async Task<Results<Ok<Outcome>, JsonHttpResult<Outcome>>> SignInAsync(
        [FromForm] AnswerForm form, HttpContext http, GatewayApi gateway, Ui ui, CancellationToken ct)
    {
        var signedIn = await AnswerAsync<YouthToken>(gateway, "/api/consent/youth/sign-in/passkey", form, ct);
        if (!signedIn.IsOk)
        {
            return Refused(signedIn.Problem!, ui, enrolling: false);
        }
        await SessionUser.SignInAsync(http, signedIn.Value!.AccessToken);
        var back = SessionEndpoints.LocalPath(form.ReturnUrl, "/youth");
        return TypedResults.Ok(new Outcome(back.StartsWith("/youth", StringComparison.Ordinal) ? back : "/youth", null));
    }

    private static Task<ApiResult<T>> AnswerAsync<T>(GatewayApi gateway, string path, AnswerForm form, CancellationToken ct)
    {
        JsonElement? credential = null;
        try
        {
            credential = form.Credential is { Length: > 0 } text ? JsonDocument.Parse(text).RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            // Sent on as missing: the consent service names what is wrong with it.
        }
        return gateway.PostAsync<T>(path, new { ceremonyId = form.CeremonyId, credential }, ct);
    }

    /// <summary>The consent service's refusal in the reader's words, with its status.</summary>
    private static JsonHttpResult<Outcome> Refused(ApiProblem problem, Ui ui, bool enrolling) =>
        TypedResults.Json(new Outcome(null, problem.Status switch
        {
            StatusCodes.Status409Conflict when enrolling => ui.T.CodeDoesNotWork,
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden when enrolling => ui.T.EnrolmentEnded,
            StatusCodes.Status429TooManyRequests => ui.T.TooManyTries,
            _ => enrolling ? ui.T.PasskeyNotMade : ui.T.PasskeyNotUsed,
        }), statusCode: problem.Status);
}
