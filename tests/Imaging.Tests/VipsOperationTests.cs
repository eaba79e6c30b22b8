using VisionAspire.Imaging.Native;

namespace VisionAspire.Imaging.Tests;

/// <summary>The generic operation route's cached argument types and enum values.</summary>
public sealed class VipsOperationTests
{
    [Fact]
    public void An_enum_nick_set_once_sets_again_and_unknown_nicks_are_still_refused()
    {
        using (var first = VipsOperation.Create("thumbnail_image"))
        {
            first.SetEnum("size", "down").SetEnum("crop", "centre");
        }

        using var op = VipsOperation.Create("thumbnail_image");
        op.SetEnum("size", "down");
        var unknown = Assert.Throws<ArgumentException>(() => op.SetEnum("size", "sideways"));
        Assert.Contains("'sideways' is not a valid thumbnail_image.size", unknown.Message);
        Assert.Throws<ArgumentException>(() => op.SetEnum("crop", "down")); // a nick of another enum type
    }

    [Fact]
    public void Arguments_of_the_wrong_type_are_refused_every_time()
    {
        using var op = VipsOperation.Create("thumbnail_image");

        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Contains("not an enum", Assert.Throws<ArgumentException>(() => op.SetEnum("width", "down")).Message);
            Assert.Contains("not a string", Assert.Throws<ArgumentException>(() => op.Set("size", "down")).Message);
            Assert.Contains("not a boolean", Assert.Throws<ArgumentException>(() => op.Set("width", true)).Message);
        }

        op.Set("width", 10).Set("height", 10.0).Set("no_rotate", true);
    }
}
