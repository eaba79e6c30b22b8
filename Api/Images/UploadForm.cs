using VisionAspire.Api.Problems;

namespace VisionAspire.Api.Images;

/// <summary>Reads the multipart form of an upload (POST /images, POST /predict): 415 not multipart, 413 too large, 400 malformed.</summary>
public static class UploadForm
{
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, UploadOptions limits, string filePart, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, "Multipart form expected",
                $"Send the images as multipart/form-data parts named '{filePart}'."));
        }

        if (request.ContentLength > limits.MaxBytes)
        {
            return (null, ApiProblems.PayloadTooLarge(limits.MaxBytes));
        }

        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.PayloadTooLarge(limits.MaxBytes));
        }
        catch (InvalidDataException ex)
        {
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "Malformed multipart body", ex.Message));
        }
        catch (IOException ex) when (ex is not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // The multipart reader's "Unexpected end of Stream": the body ended before the closing boundary. (Kestrel's
            // own refusals, e.g. 408 for a body arriving too slowly, are BadHttpRequestExceptions: they keep their status.)
            return (null, ApiProblems.Of(StatusCodes.Status400BadRequest, "Malformed multipart body", ex.Message));
        }
    }
}
