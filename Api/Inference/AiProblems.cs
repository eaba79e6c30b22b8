using VisionAspire.Api.Operations;
using VisionAspire.Api.Problems;
using VisionAspire.Models;

namespace VisionAspire.Api.Inference;

/// <summary>
/// The image operations' problem responses (400 parameters, 404 unknown imageId, 413/415/422 input, 503 timeout),
/// plus 503 when a model file is missing or fails its checksum (a deployment fault, not the caller's).
/// </summary>
public static class AiProblems
{
    public static Task<IResult> GuardAsync(Func<Task<IResult>> handler) =>
        OperationProblems.GuardAsync(async () =>
        {
            try
            {
                return await handler();
            }
            catch (Exception e) when (e is ModelFileNotFoundException or ModelIntegrityException)
            {
                return ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, "Model unavailable", e.Message);
            }
        });

    /// <summary>The problem responses every AI endpoint documents, and its JSON result.</summary>
    public static RouteHandlerBuilder WithAiProblems<TResponse>(this RouteHandlerBuilder builder) => builder
        .Produces<TResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
