using System.Diagnostics;
using Microsoft.Extensions.Options;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Preprocessor.Analysis;

/// <summary>
/// Decodes, validates and orients an original, finds faces on a working-size copy and labels the image
/// face or object; a face label needs YuNet's confirmation (<see cref="ConfirmedFaceLabeller"/>: animals fool UltraFace). Throws <see cref="ImagingException"/> subclasses for images that can never be decoded.
/// Thread-safe: the detector is thread-safe and every call owns its images.
/// </summary>
public sealed class ImageAnalyzer(IFaceDetector detector, FaceConfirmer confirmer, IOptions<PreprocessingOptions> options)
{
    public ModelEntry FaceModel => detector.Model;

    public ImageAnalysis Analyze(byte[] data)
    {
        var settings = options.Value;
        var load = new ImageLoadOptions { MaxPixels = settings.MaxPixels, AutoRotate = true };

        // One header parse checks the pixel limit and gives the original's size; one pass then decodes every scan line
        // (so corrupt data fails here), applies EXIF orientation and writes the working copy.
        PixelBuffer pixels;
        ImageHeader header;
        using (PreprocessorTelemetry.Source.StartActivity("decode"))
        {
            pixels = VipsImage.ThumbnailPixels(data, out header, settings.WorkingSize, settings.WorkingSize, ResizeMode.Fit, load);
        }

        var (width, height) = header.IsTransposed ? (header.Height, header.Width) : (header.Width, header.Height);

        IReadOnlyList<FaceDetection> found;
        double detectionMs;
        using (var detect = PreprocessorTelemetry.Source.StartActivity("detect faces"))
        {
            var clock = Stopwatch.StartNew();
            found = detector.Detect(pixels);
            detectionMs = clock.Elapsed.TotalMilliseconds;
            PipelineMetrics.ModelRun(FaceModel.Id, FaceModel.Version, detectionMs);
            detect?.SetTag("visionaspire.model.id", FaceModel.Id);
            detect?.SetTag("visionaspire.model.version", FaceModel.Version);
            detect?.SetTag("visionaspire.model.ms", detectionMs);
            detect?.SetTag("visionaspire.faces", found.Count);
        }

        var scale = (float)width / pixels.Width;
        var faces = found.Select(f => Scale(f, scale)).ToList();
        return new ImageAnalysis(width, height, Label(pixels, found), faces, detectionMs, pixels);
    }

    /// <summary>Only an image the detector calls face is shown to the confirming detector (on the same working copy).</summary>
    private string Label(PixelBuffer pixels, IReadOnlyList<FaceDetection> found)
    {
        if (ImageKindLabeller.Label(found, pixels.Width, pixels.Height) != ImageKindLabeller.Face)
        {
            return ImageKindLabeller.Object;
        }
        using var confirm = PreprocessorTelemetry.Source.StartActivity("confirm faces");
        var model = confirmer.Detector.Model;
        var clock = Stopwatch.StartNew();
        var confirmers = confirmer.Detect(pixels);
        PipelineMetrics.ModelRun(model.Id, model.Version, clock.Elapsed.TotalMilliseconds);
        confirm?.SetTag("visionaspire.model.id", model.Id);
        confirm?.SetTag("visionaspire.model.version", model.Version);
        return ConfirmedFaceLabeller.Label(found, confirmers, pixels.Width, pixels.Height);
    }

    private static FaceDetection Scale(FaceDetection face, float scale) => new(
        new Box(face.Box.X * scale, face.Box.Y * scale, face.Box.Width * scale, face.Box.Height * scale),
        face.Score,
        face.Landmarks?.Select(l => new Landmark(l.X * scale, l.Y * scale)).ToList());
}
