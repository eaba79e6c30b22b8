using VisionAspire.Imaging;

namespace VisionAspire.Imaging.Tests;

public sealed class NativeAllocatorTests
{
    [Fact]
    public void Sets_the_trim_threshold_on_glibc() => Assert.True(NativeAllocator.RetainFreedMemory());

    [Fact]
    public void Refuses_a_negative_size() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeAllocator.RetainFreedMemory(-1));
}
