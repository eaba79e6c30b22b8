namespace VisionAspire.Api.Problems;

/// <summary>RFC 7807 responses used by the endpoints (written through IProblemDetailsService).</summary>
public static class ApiProblems
{
    public static IResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult NotFound(string what, Guid id) =>
        Of(StatusCodes.Status404NotFound, "Not found", $"No {what} with id '{id}'.");

    public static IResult PayloadTooLarge(long maxBytes) =>
        Of(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"The request body exceeds {maxBytes} bytes.");
}
