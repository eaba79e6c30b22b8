using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

public static class OcrApi
{
    /// <summary>The first lines of ocr_testocr.png as PP-OCRv4 reads them (shared/models/MANIFEST.md section 6, verified output).</summary>
    private static readonly OcrResponse Example = new(
    [
        new("This is a lot of 12 point text to test the", 0.972f, [new(36, 91), new(579, 92), new(579, 119), new(36, 118)]),
        new("ocr code and see if it works on all types", 0.971f, [new(35, 124), new(616, 126), new(616, 156), new(35, 154)]),
        new("of file format.", 0.992f, [new(36, 160), new(224, 160), new(224, 187), new(36, 187)]),
    ], "This is a lot of 12 point text to test the\nocr code and see if it works on all types\nof file format.");

    public static RouteHandlerBuilder MapOcrApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/ocr", HandleAsync)
            .WithName("ReadText")
            .WithSummary("Read printed text (PP-OCRv4)")
            .WithDescription("PP-OCRv4 text detection, a 0/180 degree orientation classifier and recognition on a copy at most 4096 px a side. " +
                "Answers the lines in reading order (rows top to bottom, left to right within a row), each with its text, confidence " +
                "(mean per-character probability; lines under 0.5 are dropped) and four-point polygon in the upright original's pixels " +
                "(clockwise from the top-left), and the whole text (a row's lines joined with a space, rows with a newline). " +
                "The model reads Chinese and Latin script (accents aside) and often drops the space between short words.")
            .WithImageInput()
            .DisableAntiforgery()
            .WithAiProblems<OcrResponse>()
            .WithJsonExample(Example);

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, OperationExecutor executor, AiModels models, OperationLimits limits) =>
        AiProblems.GuardAsync(async () =>
        {
            AiQuery.Read(http.Request, [], "ocr");
            var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
            // The first request loads three models (seconds on a busy machine); that is not the image's processing time.
            var reader = await Task.Run(() => models.Ocr, http.RequestAborted);
            var response = await executor.RunAsync(() => Read(source, limits, models, reader), http.RequestAborted);
            return TypedResults.Ok(response);
        });

    private static OcrResponse Read(SourceImage source, OperationLimits limits, AiModels models, OcrReader reader)
    {
        var copy = new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }).At(WorkingImage.TextSize);
        var result = models.Run(AiModels.OcrModelIds, () => reader.Read(copy.Pixels));
        return new OcrResponse(
            [.. result.Lines.Select(line => new OcrLineResponse(line.Text, line.Confidence,
                [.. line.Polygon.Select(copy.ToOriginal).Select(p => new PointResponse(BoxResponse.Round(p.X), BoxResponse.Round(p.Y)))]))],
            result.Text);
    }
}
