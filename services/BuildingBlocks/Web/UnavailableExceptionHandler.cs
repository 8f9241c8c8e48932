using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReferralNet.BuildingBlocks.Web;

/// <summary>
/// The database refusing or dropping a connection (overload, restart, failover) is the service being briefly
/// unavailable, not a bug: 503 problem+json with Retry-After, so clients retry instead of giving up.
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!Unavailable(exception))
        {
            return false;
        }
        log.LogWarning(exception, "The database is unavailable; answering 503");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is briefly unavailable.",
                Detail = "Retry in a moment.",
            },
        });
    }

    private static bool Unavailable(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } => true,
        PostgresException postgres => postgres.IsTransient,
        // Npgsql's own exceptions are about reaching a server: a broken connection, a timeout, or none of the servers
        // of a multi-host connection string taking writes ("No suitable host was found": a failover under way).
        NpgsqlException => true,
        _ => false,
    };
}
