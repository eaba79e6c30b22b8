using Microsoft.Net.Http.Headers;
using VisionAspire.Imaging;

namespace VisionAspire.Api.Operations;

/// <summary>
/// format=auto: the Accept header's image types that this libvips can write, highest q first, ties broken by
/// compression (AVIF, WebP, JPEG, PNG, ...). Only wildcards (or no Accept): the source format (JPEG when it
/// cannot be written). Nothing acceptable: 406.
/// </summary>
public static class FormatNegotiation
{
    private static readonly ImageFormat[] Preference =
        [ImageFormat.Avif, ImageFormat.WebP, ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Heif, ImageFormat.Gif, ImageFormat.Tiff];

    public static ImageFormat Choose(IList<string> accept, ImageFormat source)
    {
        var fallback = source != ImageFormat.Unknown && VipsImage.CanEncode(source) ? source : ImageFormat.Jpeg;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types) || types.Count == 0)
        {
            return fallback;
        }

        var explicitChoice = Preference
            .Where(VipsImage.CanEncode)
            .Select(format => (Format: format, Quality: QualityOf(types, ImageFormatSniffer.ContentType(format))))
            .Where(c => c.Quality > 0)
            .OrderByDescending(c => c.Quality)
            .Select(c => (ImageFormat?)c.Format)
            .FirstOrDefault();
        if (explicitChoice is { } chosen)
        {
            return chosen;
        }

        var wildcard = types.Any(t => (t.MediaType.Equals("*/*", StringComparison.Ordinal) || t.MediaType.Equals("image/*", StringComparison.OrdinalIgnoreCase))
            && (t.Quality ?? 1) > 0);
        return wildcard
            ? fallback
            : throw new OperationRequestException(StatusCodes.Status406NotAcceptable, "Not acceptable",
                $"format=auto found no image type this service writes in Accept: {string.Join(", ", accept)}.");
    }

    private static double QualityOf(IList<MediaTypeHeaderValue> types, string contentType) =>
        types.Where(t => t.MediaType.Equals(contentType, StringComparison.OrdinalIgnoreCase)).Select(t => t.Quality ?? 1).DefaultIfEmpty(0).Max();
}
