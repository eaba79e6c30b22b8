namespace VisionAspire.Api.Extensions;

public static class FormFileExtensions
{
    /// <summary>The part's bytes in one array of its exact size (the form already holds them: one copy, no regrowth).</summary>
    public static async Task<byte[]> ReadAllBytesAsync(this IFormFile file, CancellationToken ct)
    {
        var data = GC.AllocateUninitializedArray<byte>(checked((int)file.Length));
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(data, ct);
        return data;
    }
}
