using VisionAspire.Api.Problems;
using VisionAspire.Imaging;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

/// <summary>
/// Maps what processing can throw to RFC 7807 responses: parameter errors 400 (with an errors map naming the field),
/// unreadable images 415/422, too many pixels 422, timeouts 503. Anything else is a bug and reaches the global handler.
/// </summary>
public static class OperationProblems
{
    public static IResult? From(Exception exception) => exception switch
    {
        ParameterException p => Invalid(p.Field, p.Message),
        OperationRequestException r => ApiProblems.Of(r.Status, r.Title, r.Message),
        ImageTooLargeException t => ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "Image too large", t.Message),
        ImageFormatException f => ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported image", f.Message),
        CorruptImageException c => ApiProblems.Of(StatusCodes.Status422UnprocessableEntity, "Unreadable image", c.Message),
        ProcessingTimeoutException t => ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "Processing timed out",
            $"{t.Message} Try a smaller image or fewer operations."),
        ArgumentOutOfRangeException a => Invalid(a.ParamName ?? "parameters", a.Message),
        _ => null,
    };

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: $"{field} {message}",
            title: "Invalid parameter");

    /// <summary>Runs <paramref name="handler"/>, turning the exceptions above into their problem responses.</summary>
    public static async Task<IResult> GuardAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception ex) when (From(ex) is { } problem)
        {
            return problem;
        }
    }
}
