using VisionAspire.Imaging.Operations;

namespace VisionAspire.Imaging.Tests;

public sealed class KillTests
{
    /// <summary>Upscaled 6x and blurred three times at the widest sigma: many seconds of work when left to finish.</summary>
    private static VipsImage ExpensiveImage() =>
        VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"))
            .Then(photo => photo.Resize(6))
            .Then(large => large.GaussianBlur(ImageFilters.MaxSigma))
            .Then(blurred => blurred.GaussianBlur(ImageFilters.MaxSigma))
            .Then(blurred => blurred.GaussianBlur(ImageFilters.MaxSigma));

    [Fact]
    public async Task Killing_an_image_from_another_thread_stops_its_encode_with_a_typed_error()
    {
        using var image = ExpensiveImage();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var encode = Task.Factory.StartNew(() =>
        {
            started.SetResult();
            return image.Encode(ImageFormat.Png);
        }, TaskCreationOptions.LongRunning);

        await started.Task;
        await Task.Delay(100);
        image.Kill();

        // Generous bound: the point is that the call returns at all instead of running its blurs to the end.
        var error = await Assert.ThrowsAsync<ImageProcessingCancelledException>(() => encode.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("killed", error.Message);
    }

    [Fact]
    public void A_killed_input_stops_the_evaluation_of_an_image_computed_from_it()
    {
        using var photo = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        using var blurred = photo.GaussianBlur(3);

        photo.Kill();

        Assert.Throws<ImageProcessingCancelledException>(() => blurred.ToPixels());
        Assert.NotEmpty(blurred.Encode(ImageFormat.Png)); // libvips clears the kill once an evaluation has taken it up
    }

    [Fact]
    public void Kill_after_dispose_is_a_no_op()
    {
        var photo = VipsImage.Load(TestImages.Bytes("zebra_coco1818.jpg"));
        photo.Dispose();

        photo.Kill();
    }
}
