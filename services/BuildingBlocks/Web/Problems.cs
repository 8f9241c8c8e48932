namespace ReferralNet.BuildingBlocks.Web;

/// <summary>The problem+json answers every service gives, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} was not found.",
            detail: "It does not exist or is not visible to you.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not do this.", detail: detail);

    /// <summary>A write named a version (If-Match) that is no longer the current one: someone changed it meanwhile.</summary>
    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "It changed since you read it.", detail: detail);

    /// <summary>A write of something that exists must name the version it changes (If-Match).</summary>
    public static ProblemHttpResult PreconditionRequired(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "Say which version you change.", detail: detail);
}
