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
/// <see cref="ProcessingRunner"/>. Thread-safe.
/// </summary>
public sealed class ImageProcessor(OperationLimits limits, IFaceLocator? faces = null)
{
    public ProcessedImage Process(ReadOnlySpan<byte> data, ProcessingPlan plan)
    {
        var options = new ImageLoadOptions { MaxPixels = limits.MaxInputPixels };
        var steps = plan.Steps;
        VipsImage current;
        if (steps.Count > 0 && steps[0] is ResizeOperation { CanShrinkOnLoad: true } first)
        {
            current = first.DecodeShrunk(data, options);
            steps = steps.Skip(1).ToList();
        }
        else
        {
            current = VipsImage.Load(data, options);
        }

        var source = current.SourceFormat;
        var context = new OperationContext(faces);
        try
        {
            foreach (var step in steps)
            {
                var next = step.Apply(current, context);
                current.Dispose();
                current = next;
            }

            var format = plan.Output.Resolve(source);
            var bytes = current.Encode(format, new EncodeOptions { Quality = plan.Output.Quality, StripMetadata = plan.Output.Strip });
            return new ProcessedImage(bytes, format, current.Width, current.Height, context.LastCrop);
        }
        finally
        {
            current.Dispose();
        }
    }
}
