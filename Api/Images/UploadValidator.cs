using Microsoft.Extensions.Options;
using VisionAspire.Imaging;

namespace VisionAspire.Api.Images;

/// <summary>A file that passed the edge checks: sniffed type and header dimensions.</summary>
public sealed record ValidatedFile(string FileName, byte[] Data, ImageFormat Format, string ContentType, int Width, int Height);

/// <summary>Why a file was refused at the edge; becomes a problem details response.</summary>
public sealed record UploadRejection(int Status, string Title, string Detail);

/// <summary>
/// Edge checks, cheap by design: magic-byte sniffing and a header-only read of the dimensions.
/// Pixel data is decoded by the Preprocessor, which fails images whose body is corrupt.
/// Empty file: 400. Not a supported image type: 415. Unreadable header or more pixels than allowed: 422.
/// Thread-safe.
/// </summary>
public sealed class UploadValidator(IOptions<UploadOptions> options)
{
    public (ValidatedFile? File, UploadRejection? Rejection) Validate(string fileName, byte[] data)
    {
        if (data.Length == 0)
        {
            return (null, new(StatusCodes.Status400BadRequest, "Empty file", $"'{fileName}' has no bytes."));
        }

        var format = ImageFormatSniffer.Detect(data);
        if (format == ImageFormat.Unknown)
        {
            return (null, new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"'{fileName}' is not a JPEG, PNG, WebP, TIFF, GIF, HEIF or AVIF image (checked by its content, not its name)."));
        }

        ImageHeader header;
        try
        {
            header = VipsImage.ReadHeader(data);
        }
        catch (ImagingException ex)
        {
            return (null, new(StatusCodes.Status422UnprocessableEntity, "Unreadable image", $"'{fileName}': {ex.Message}"));
        }

        var pixels = (long)header.Width * header.Height;
        if (header.Width <= 0 || header.Height <= 0 || pixels > options.Value.MaxPixels)
        {
            return (null, new(StatusCodes.Status422UnprocessableEntity, "Image dimensions not accepted",
                $"'{fileName}' declares {header.Width}x{header.Height} pixels; the limit is {options.Value.MaxPixels} pixels."));
        }

        return (new ValidatedFile(fileName, data, format, ImageFormatSniffer.ContentType(format), header.Width, header.Height), null);
    }
}
