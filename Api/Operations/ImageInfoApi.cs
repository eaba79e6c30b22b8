using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Imaging.Operations.Analysis;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class ImageInfoApi
{
    private const string Description =
        "Format, upright dimensions, bands, colour space, alpha, EXIF orientation and summary (make, model, exposure, GPS, ...), " +
        "then measurements on a copy at most 1024 px a side: mean brightness (grey 0-255), contrast (grey standard deviation), " +
        "colourfulness (Hasler & Süsstrunk: ~0 grey, >100 very colourful), blur score (variance of the Laplacian: lower = blurrier), " +
        "entropy (bits 0-8 of the grey histogram: texture), edge density (fraction of Sobel edge pixels), 5 dominant colours with shares, " +
        "composition (attention-model saliency centre as fractions, rule-of-thirds fit 0-1) and the 256-bin RGB histogram.";

    public static void MapImageInfoApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/image-info", HandleAsync)
            .WithName("GetImageInfo")
            .WithSummary("Describe and measure a stored image (imageId)")
            .WithDescription(Description)
            .WithImageInput(allowUpload: false)
            .WithInfoProblems();

        app.MapPost("/image-info", HandleAsync)
            .WithName("PostImageInfo")
            .WithSummary("Describe and measure an uploaded image (file) or a stored one (imageId)")
            .WithDescription(Description)
            .WithImageInput()
            .DisableAntiforgery()
            .WithInfoProblems();
    }

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, OperationExecutor executor, OperationLimits limits) =>
        OperationProblems.GuardAsync(async () =>
        {
            var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
            var info = await executor.RunAsync(() => Describe(source, limits), http.RequestAborted);
            return TypedResults.Ok(info);
        });

    private static ImageInfoResponse Describe(SourceImage source, OperationLimits limits)
    {
        using var stored = VipsImage.Load(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels, AutoRotate = false });
        var exif = ExifSummary.Read(stored);
        var (orientation, bands, hasAlpha, colourSpace) = (stored.Orientation, stored.Bands, stored.HasAlpha, stored.Interpretation);
        using var upright = stored.AutoRotate();
        using var analysed = upright.Thumbnail(limits.AnalysisSize, limits.AnalysisSize);
        var report = ImageAnalyzer.Analyze(analysed);
        var channels = report.Histogram.Channels;
        return new ImageInfoResponse(
            source.Header.Format.ToString().ToLowerInvariant(),
            ImageFormatSniffer.ContentType(source.Header.Format),
            source.Data.LongLength,
            upright.Width,
            upright.Height,
            bands,
            hasAlpha,
            colourSpace,
            orientation,
            exif,
            analysed.Width,
            analysed.Height,
            report.Statistics.MeanBrightness,
            report.Statistics.Contrast,
            report.Statistics.Colourfulness,
            report.BlurScore,
            report.Entropy,
            report.EdgeDensity,
            report.DominantColours.Select(c => new DominantColourResponse(c.Hex, c.Red, c.Green, c.Blue, c.Share)).ToList(),
            new CompositionResponse(report.Composition.SaliencyX, report.Composition.SaliencyY, report.Composition.RuleOfThirds),
            new HistogramResponse(report.Histogram.PixelCount, channels[0].Bins, channels[1].Bins, channels[2].Bins));
    }

    private static RouteHandlerBuilder WithInfoProblems(this RouteHandlerBuilder builder) => builder
        .Produces<ImageInfoResponse>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
