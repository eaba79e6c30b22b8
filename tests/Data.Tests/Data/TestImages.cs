using System.Security.Cryptography;

namespace VisionAspire.Data.Tests.Data;

internal static class TestImages
{
    public static NewImage New(string? sha256 = null) =>
        new(Guid.NewGuid(), sha256 ?? RandomSha256(), "photo.jpg", "image/jpeg", 1234, $"originals/{Guid.NewGuid():N}", null);

    public static string RandomSha256() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
