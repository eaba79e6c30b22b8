using System.Diagnostics;
using Microsoft.Extensions.Options;
using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Preprocessor.Analysis;

/// <summary>
/// Decodes, validates and orients an original, finds faces on a working-size copy and labels the image
/// face or object. Throws <see cref="ImagingException"/> subclasses for images that can never be decoded.
/// Thread-safe: the detector is thread-safe and every call owns its images.
/// </summary>
public sealed class ImageAnalyzer(IFaceDetector detector, IOptions<PreprocessingOptions> options)
{
    public ModelEntry FaceModel => detector.Model;

    public ImageAnalysis Analyze(byte[] data)
    {
        var settings = options.Value;
        var load = new ImageLoadOptions { MaxPixels = settings.MaxPixels, AutoRotate = true };

        // One header parse checks the pixel limit and gives the original's size; one pass then decodes every scan line
        // (so corrupt data fails here), applies EXIF orientation and writes the working copy.
        var pixels = VipsImage.ThumbnailPixels(data, out var header, settings.WorkingSize, settings.WorkingSize, ResizeMode.Fit, load);
        var (width, height) = header.IsTransposed ? (header.Height, header.Width) : (header.Width, header.Height);

        var clock = Stopwatch.StartNew();
        var found = detector.Detect(pixels);
        var detectionMs = clock.Elapsed.TotalMilliseconds;

        var scale = (float)width / pixels.Width;
        var faces = found.Select(f => Scale(f, scale)).ToList();
        return new ImageAnalysis(width, height, ImageKindLabeller.Label(faces, width, height), faces, detectionMs, pixels);
    }

    private static FaceDetection Scale(FaceDetection face, float scale) => new(
        new Box(face.Box.X * scale, face.Box.Y * scale, face.Box.Width * scale, face.Box.Height * scale),
        face.Score,
        face.Landmarks?.Select(l => new Landmark(l.X * scale, l.Y * scale)).ToList());
}
