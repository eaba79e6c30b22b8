using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VisionAspire.Api.Auth;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Operations;
using VisionAspire.Shared;

namespace VisionAspire.Api.Operations;

/// <summary>The bytes an operation works on, checked from the header only (no pixel decoded yet).</summary>
public sealed record SourceImage(byte[] Data, ImageHeader Header, Guid? ImageId);

/// <summary>
/// Resolves the input of a synchronous operation: a multipart part named <c>file</c>, or <c>imageId</c> (query or
/// form field) of a stored image the caller may see (another user's is not found), read from Redis or the object
/// store. Checks the format and the pixel limit from the header before anything is decoded. Scoped.
/// </summary>
public sealed class ImageSource(
    ImageRepository images, OriginalImageSource originals, OperationLimits limits, IOptions<FormOptions> formOptions)
{
    public const string FileField = "file";
    public const string ImageIdField = "imageId";

    public async Task<SourceImage> ResolveAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        var file = form.File;
        var idText = request.Query[ImageIdField].FirstOrDefault() ?? form.ImageId;
        if (file is not null && idText is not null)
        {
            throw new ParameterException(ImageIdField, $"cannot be combined with a '{FileField}' part; send one of them.");
        }

        byte[] data;
        Guid? imageId = null;
        if (file is not null)
        {
            data = file;
        }
        else if (idText is not null)
        {
            imageId = Guid.TryParse(idText, out var id) ? id : throw new ParameterException(ImageIdField, $"must be an image id (a GUID); got '{idText}'.");
            data = await ReadStoredAsync(id, request.HttpContext.User.OwnerScope(), ct);
        }
        else
        {
            throw new ParameterException(FileField, $"is required: send the image as a multipart part named '{FileField}', or pass '{ImageIdField}' of a stored image.");
        }

        return new SourceImage(data, CheckHeader(data), imageId);
    }

    /// <summary>Format and pixel limit from the header: 400 empty, 415 not an image, 422 unreadable header or too many pixels.</summary>
    public ImageHeader CheckHeader(byte[] data)
    {
        if (data.Length == 0)
        {
            throw new OperationRequestException(StatusCodes.Status400BadRequest, "Empty image", "The image has no bytes.");
        }

        var header = VipsImage.ReadHeader(data);
        if (header.Width <= 0 || header.Height <= 0 || header.Pixels > limits.MaxInputPixels)
        {
            throw new ImageTooLargeException(header.Width, header.Height, limits.MaxInputPixels);
        }

        return header;
    }

    private async Task<byte[]> ReadStoredAsync(Guid id, OwnerScope scope, CancellationToken ct)
    {
        var image = await images.GetAsync(id, scope, ct)
            ?? throw new OperationRequestException(StatusCodes.Status404NotFound, "Not found", $"No image with id '{id}'.");
        return await originals.ReadAsync(image.Id, image.StorageKey, ct)
            ?? throw new OperationRequestException(StatusCodes.Status404NotFound, "Content missing", $"The original of image '{id}' is not in the object store.");
    }

    /// <summary>A multipart body is read part by part (<see cref="MultipartImageForm"/>); a urlencoded one can only carry the id.</summary>
    private async Task<MultipartImageForm> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return new MultipartImageForm(null, null);
        }

        try
        {
            if (request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                return await MultipartImageForm.ReadAsync(request, FileField, ImageIdField, formOptions.Value, ct);
            }

            var fields = await request.ReadFormAsync(ct);
            return new MultipartImageForm(null, fields[ImageIdField].FirstOrDefault());
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new OperationRequestException(ex.StatusCode, "Upload too large", ex.Message);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new OperationRequestException(StatusCodes.Status413PayloadTooLarge, "Upload too large", ex.Message);
        }
        catch (InvalidDataException ex)
        {
            throw new OperationRequestException(StatusCodes.Status400BadRequest, "Malformed multipart body", ex.Message);
        }
        catch (IOException ex) when (!ct.IsCancellationRequested)
        {
            // The multipart reader reports a body that ends inside a part (no closing boundary) as an IOException.
            throw new OperationRequestException(StatusCodes.Status400BadRequest, "Malformed multipart body", ex.Message);
        }
    }
}
