using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// Turns an unreadable request (malformed JSON, a value of the wrong type, a body too large) into problem+json with
/// its 4xx status instead of a 500. The detail names the JSON path, never the value, so no personal data leaks.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        if (badRequest.InnerException is JsonException { } refused && (refused is ControlCharacterException || refused.InnerException is ControlCharacterException))
        {
            var field = refused.Path is { Length: > 2 } path && path.StartsWith("$.") ? path[2..] : "body";
            await new ValidationErrors().Add(field, ErrorCodes.InvalidFormat, "must not contain control characters").ToProblem().ExecuteAsync(context);
            return true;
        }
        context.Response.StatusCode = badRequest.StatusCode;
        var detail = badRequest.InnerException is JsonException json
            ? $"The body is not valid JSON for this request{(json.Path is null ? "" : $" (at {json.Path})")}."
            : badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large."
                : "The request could not be read.";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request is malformed.", Detail = detail },
        });
    }
}
