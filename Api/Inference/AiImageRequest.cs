using VisionAspire.Api.Operations;
using VisionAspire.Operations;

namespace VisionAspire.Api.Inference;

/// <summary>The tail the synchronous AI endpoints share: read the image, run the work on the processing runner, answer 200.</summary>
internal static class AiImageRequest
{
    public static async Task<IResult> AnswerAsync<T>(this HttpContext http, ImageSource sources, OperationExecutor executor, Func<SourceImage, T> run)
    {
        var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
        var response = await executor.RunAsync(() => run(source), http.RequestAborted);
        return TypedResults.Ok(response);
    }
}
