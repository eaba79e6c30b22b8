using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace VisionAspire.Api.Operations;

/// <summary>The parts of a multipart/form-data body that an image operation takes: the upload and an image id.</summary>
internal sealed record MultipartImageForm(byte[]? File, string? ImageId)
{
    /// <summary>
    /// Reads the body section by section, with the limits of <paramref name="options"/>: the first file part named
    /// <paramref name="fileField"/> lands in one array of its exact size, the first field named
    /// <paramref name="idField"/> becomes text, other parts are skipped. ReadFormAsync buffered every file part in
    /// a MemoryStream that regrew (zeroed and copied) up to the upload's size before it could be copied out.
    /// </summary>
    /// <exception cref="InvalidDataException">A malformed body, or one over a multipart limit.</exception>
    public static async Task<MultipartImageForm> ReadAsync(
        HttpRequest request, string fileField, string idField, FormOptions options, CancellationToken ct)
    {
        var reader = new MultipartReader(Boundary(request.ContentType, options.MultipartBoundaryLengthLimit), request.Body)
        {
            HeadersCountLimit = options.MultipartHeadersCountLimit,
            HeadersLengthLimit = options.MultipartHeadersLengthLimit,
            BodyLengthLimit = options.MultipartBodyLengthLimit,
        };

        byte[]? file = null;
        string? imageId = null;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++parts > options.ValueCountLimit)
            {
                throw new InvalidDataException($"Form value count limit {options.ValueCountLimit} exceeded.");
            }

            var disposition = section.GetContentDispositionHeader();
            // IsFormDisposition means a form-data field without a file name; a file part is IsFileDisposition.
            var isFile = disposition?.IsFileDisposition() == true;
            if (disposition is null || !(isFile || disposition.IsFormDisposition()))
            {
                throw new InvalidDataException($"Unrecognized Content-Disposition for this section: {section.ContentDisposition}");
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (isFile && file is null && string.Equals(name, fileField, StringComparison.OrdinalIgnoreCase))
            {
                file = await ReadAllAsync(section.Body, request.ContentLength, ct);
            }
            else if (!isFile && imageId is null && string.Equals(name, idField, StringComparison.OrdinalIgnoreCase))
            {
                imageId = await ReadValueAsync(section.Body, options.ValueLengthLimit, ct);
            }
            else
            {
                await section.Body.CopyToAsync(Stream.Null, ct);
            }
        }

        return new MultipartImageForm(file, imageId);
    }

    private static string Boundary(string? contentType, int lengthLimit)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (string.IsNullOrWhiteSpace(boundary))
        {
            throw new InvalidDataException("Missing content-type boundary.");
        }

        return boundary.Length <= lengthLimit
            ? boundary
            : throw new InvalidDataException($"Multipart boundary length limit {lengthLimit} exceeded.");
    }

    /// <summary>
    /// The part in a pooled buffer sized from Content-Length (the part is a little smaller), copied once into an
    /// array of its exact size: no regrowth for a declared length, doubling otherwise. A declared length is only
    /// trusted up to <c>MaximumInitialBuffer</c>: beyond that the buffer grows as bytes actually arrive.
    /// </summary>
    private static async Task<byte[]> ReadAllAsync(Stream body, long? contentLength, CancellationToken ct)
    {
        const int MinimumBuffer = 64 * 1024;
        const int MaximumInitialBuffer = 8 * 1024 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(contentLength ?? 0, MinimumBuffer, MaximumInitialBuffer));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            var data = GC.AllocateUninitializedArray<byte>(length);
            buffer.AsSpan(0, length).CopyTo(data);
            return data;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> ReadValueAsync(Stream body, int lengthLimit, CancellationToken ct)
    {
        using var text = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[Math.Min(lengthLimit, 4096) + 1];
        var value = new StringBuilder();
        int read;
        while ((read = await text.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            value.Append(buffer, 0, read);
            if (value.Length > lengthLimit)
            {
                throw new InvalidDataException($"Form value length limit {lengthLimit} exceeded.");
            }
        }

        return value.ToString();
    }
}
