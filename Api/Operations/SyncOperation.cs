using System.Globalization;
using VisionAspire.Imaging;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

/// <summary>
/// The shared flow of the synchronous image endpoints: resolve the source (upload or stored id), validate the
/// operation's query parameters and the output ones (format, quality, strip), check the header, process within
/// the timeout, and answer the encoded image with its size (and crop region) in headers.
/// </summary>
public static class SyncOperation
{
    public const string WidthHeader = "X-Image-Width";
    public const string HeightHeader = "X-Image-Height";
    public const string CropHeader = "X-Crop-Region";

    /// <summary>Query names that are not parameters of the operation itself.</summary>
    private static readonly string[] Reserved = [ImageSource.ImageIdField, "format", "quality", "strip"];

    public static IReadOnlyList<ParameterSpec> OutputSpecs => OutputEncoding.Specs(allowAuto: true);

    public static Task<IResult> HandleAsync(
        HttpContext http, string? operation, ImageSource sources, OperationExecutor executor, OperationLimits limits) =>
        OperationProblems.GuardAsync(async () =>
        {
            var query = http.Request.Query;
            var outputArgs = new OperationArguments(Pick(query, name => Reserved.Contains(name, StringComparer.OrdinalIgnoreCase) && name != ImageSource.ImageIdField));
            var output = OutputEncoding.Parse(outputArgs, allowAuto: true, out var auto);
            if (operation is null && output.Format is null && !auto)
            {
                throw new ParameterException("format", $"is required; it must be {OutputSpecs[0].Range}.");
            }

            var steps = operation is null
                ? []
                : new[] { ProcessingPlan.ParseStep(operation, new OperationArguments(Pick(query, name => !Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))), limits) };

            var source = await sources.ResolveAsync(http.Request, http.RequestAborted);
            if (auto)
            {
                output = output with { Format = FormatNegotiation.Choose(http.Request.Headers.Accept.ToArray()!, source.Header.Format) };
                http.Response.Headers.Vary = "Accept";
            }

            var result = await executor.ExecuteAsync(source.Data, new ProcessingPlan(steps, output), http.RequestAborted);
            http.Response.Headers[WidthHeader] = result.Width.ToString(CultureInfo.InvariantCulture);
            http.Response.Headers[HeightHeader] = result.Height.ToString(CultureInfo.InvariantCulture);
            if (result.Crop is { } crop)
            {
                http.Response.Headers[CropHeader] = FormattableString.Invariant($"{crop.Left},{crop.Top},{crop.Width},{crop.Height}");
            }

            return TypedResults.File(result.Data, result.ContentType);
        });

    private static Dictionary<string, string> Pick(IQueryCollection query, Func<string, bool> include) =>
        query.Where(q => include(q.Key)).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
