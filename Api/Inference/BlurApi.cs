using System.Globalization;
using System.Text.Json;
using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

public static class BlurApi
{
    public const string RegionsHeader = "X-Blurred-Regions";
    public const string CountHeader = "X-Blurred-Count";

    private const int DefaultStrength = 50;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ParameterSpec Strength = ParameterSpec.Integer("strength", RegionBlur.MinStrength, RegionBlur.MaxStrength,
        "How strongly each region is hidden, relative to its shorter side s: Gaussian sigma = s × strength / 500, pixel blocks s × strength / 400.",
        DefaultStrength);

    private static readonly ParameterSpec Mode = ParameterSpec.Choice("mode", ["gaussian", "pixelate"],
        "gaussian: a strong Gaussian blur; pixelate: blocks of the mean colour. Either replaces the region's pixels.", "gaussian");

    private static readonly ParameterSpec Output = ParameterSpec.Choice("output", ["image", "json"],
        "image: the blurred image (regions in the X-Blurred-Regions header); json: only the regions that would be blurred, as JSON.", "image");

    /// <summary>format (with auto) and quality as for the operations; no strip: metadata is always removed.</summary>
    private static readonly ParameterSpec[] Encoding = [.. SyncOperation.OutputSpecs.Where(s => s.Name != "strip")];

    private static readonly ParameterSpec[] Accepted =
        [Strength, Mode, Output, .. Encoding, ParameterSpec.Choice(BlurTargets.Field, BlurTargets.Names, "What to blur.")];

    private static readonly string[] ImageTypes = [.. OutputEncoding.WritableFormats.Select(name => ImageFormatSniffer.ContentType(ImageFormatSniffer.FromName(name)))];

    private static readonly BlurResponse Example = new(1024, 768, "gaussian", DefaultStrength,
        [new(BlurTargets.Faces, 489, 95, 160, 201, 0.946f), new(BlurTargets.Faces, 553, 293, 173, 212, 0.943f)]);

    public static RouteHandlerBuilder MapBlurApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/blur", HandleAsync)
            .WithName("BlurImage")
            .WithSummary("Blur faces and licence plates irreversibly")
            .WithDescription("Finds every region of the chosen targets (faces: YuNet on a copy at most 1280 px a side, each box widened by 15 % " +
                "a side; plates: plate-like text that PP-OCRv4 finds and reads in the lower part of YOLOX-nano vehicle boxes, on a copy at " +
                "most 4096 px a side, each box widened by 10 % a side; there is no plate model, so a plate on a vehicle YOLOX misses, " +
                "partly hidden or very small or oblique is not found) and replaces the region's pixels in the full-size upright " +
                "image with a strong Gaussian blur or pixelation: the original detail is gone, not covered. Answers the image in the source format unless format is given " +
                "(auto negotiates from Accept like the operations), metadata always stripped; X-Blurred-Count and X-Blurred-Regions " +
                "(JSON array of {target,x,y,width,height,score}) list the regions. output=json answers only the regions.")
            .WithImageInput()
            .WithQueryParameters([Strength, Mode, Output, .. Encoding])
            .WithListParameter(BlurTargets.Field, "What to blur, comma-separated (faces, plates); default faces.", BlurTargets.Names, "faces")
            .DisableAntiforgery()
            .WithImageProblems()
            .WithImageOrJson(ImageTypes, Example, "The blurred image, or with output=json the regions.")
            .WithResponseHeader(CountHeader, "How many regions were blurred.", "2")
            .WithResponseHeader(RegionsHeader, "The blurred regions, upright original pixels, as a JSON array.",
                """[{"target":"faces","x":489,"y":95,"width":160,"height":201,"score":0.946}]""");

    private static Task<IResult> HandleAsync(HttpContext http, ImageSource sources, ProcessingRunner runner, BlurTargets targets, OperationLimits limits) =>
        AiProblems.GuardAsync(async () =>
        {
            var arguments = AiQuery.Read(http.Request, Accepted, "blur");
            var strength = arguments.Int(Strength) ?? DefaultStrength;
            var mode = arguments.Choice(Mode) == "pixelate" ? RegionBlurMode.Pixelate : RegionBlurMode.Gaussian;
            var json = arguments.Choice(Output) == "json";
            var encoding = OutputEncoding.Parse(arguments, allowAuto: true, out var auto);
            var chosen = targets.Resolve(AiQuery.List(http.Request, BlurTargets.Field));

            var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
            var options = new ImageLoadOptions { MaxPixels = limits.MaxInputPixels };
            var modeName = mode.ToString().ToLowerInvariant();
            if (json)
            {
                var regions = await runner.RunAsync(() => ImageRedactor.Locate(new WorkingImage(source.Data, options), chosen), http.RequestAborted);
                var (width, height) = source.Header.IsTransposed ? (source.Header.Height, source.Header.Width) : (source.Header.Width, source.Header.Height);
                return TypedResults.Ok(new BlurResponse(width, height, modeName, strength, [.. regions.Select(ToResponse)]));
            }

            var format = encoding.Format;
            if (auto)
            {
                format = FormatNegotiation.Choose(http.Request.Headers.Accept.ToArray()!, source.Header.Format);
                http.Response.Headers.Vary = "Accept";
            }

            var result = await runner.RunAsync(
                token => ImageRedactor.Redact(source.Data, options, chosen, mode, strength, format, encoding.Quality, token), http.RequestAborted);
            var headers = http.Response.Headers;
            headers[SyncOperation.WidthHeader] = result.Width.ToString(CultureInfo.InvariantCulture);
            headers[SyncOperation.HeightHeader] = result.Height.ToString(CultureInfo.InvariantCulture);
            headers[CountHeader] = result.Regions.Count.ToString(CultureInfo.InvariantCulture);
            headers[RegionsHeader] = JsonSerializer.Serialize(result.Regions.Select(ToResponse), Json);
            return TypedResults.File(result.Data, result.ContentType);
        });

    private static BlurredRegionResponse ToResponse(BlurRegion region) =>
        new(region.Target, region.Region.Left, region.Region.Top, region.Region.Width, region.Region.Height, MathF.Round(region.Score, 3));
}
