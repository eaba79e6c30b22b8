using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Operations;

/// <summary>The encoded result of a plan, with its size and the region the last crop kept (source pixels of that step).</summary>
public sealed record ProcessedImage(byte[] Data, ImageFormat Format, int Width, int Height, CropRegion? Crop)
{
    public string ContentType => ImageFormatSniffer.ContentType(Format);
}

/// <summary>
/// Runs a <see cref="ProcessingPlan"/> on encoded bytes: decode (upright, pixel limit from the header first; a leading
/// resize without upscaling uses shrink-on-load), each step, encode. Blocking and CPU-bound: call it through
/// <see cref="ProcessingRunner"/>, passing the runner's token so a timeout stops libvips. Thread-safe.
/// </summary>
public sealed class ImageProcessor(OperationLimits limits, IFaceLocator? faces = null)
{
    /// <summary>
    /// Cancelling <paramref name="ct"/> kills the image being computed (the decoded input, then each step's result up
    /// to the encoded one), so the libvips work in progress stops within a tile or so and this call throws
    /// <see cref="ImageProcessingCancelledException"/>.
    /// </summary>
    public ProcessedImage Process(byte[] data, ProcessingPlan plan, CancellationToken ct = default)
    {
        var options = new ImageLoadOptions { MaxPixels = limits.MaxInputPixels };
        var steps = plan.Steps;
        VipsImage current;
        if (steps.Count > 0 && steps[0] is ResizeOperation { CanShrinkOnLoad: true } first)
        {
            // Alone, the resize is read once, by the encode: no copy of it is held in memory.
            current = first.DecodeShrunk(data, options, readOnce: steps.Count == 1);
            steps = steps.Skip(1).ToList();
        }
        else
        {
            current = VipsImage.Load(data, options);
        }

        var source = current.SourceFormat;
        var context = new OperationContext(faces);
        using var kill = ct.Register(() => Volatile.Read(ref current).Kill());
        try
        {
            foreach (var step in steps)
            {
                ThrowIfCancelled(ct);
                var next = step.Apply(current, context);
                current.Dispose();
                Volatile.Write(ref current, next);
            }

            ThrowIfCancelled(ct);
            var format = plan.Output.Resolve(source);
            var bytes = current.Encode(format, new EncodeOptions { Quality = plan.Output.Quality, StripMetadata = plan.Output.Strip });
            return new ProcessedImage(bytes, format, current.Width, current.Height, context.LastCrop);
        }
        catch (CorruptImageException) when (ct.IsCancellationRequested)
        {
            // A kill that landed on a step's image just disposed stops nothing; the token is what was asked.
            throw new ImageProcessingCancelledException("Processing was cancelled.");
        }
        finally
        {
            current.Dispose();
        }
    }

    /// <summary>
    /// A kill can land on an image just disposed, or be cleared when the next evaluation starts, so the token is
    /// checked between evaluations too.
    /// </summary>
    private static void ThrowIfCancelled(CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            throw new ImageProcessingCancelledException("Processing was cancelled.");
        }
    }
}
