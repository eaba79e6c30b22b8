using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>
/// Reads printed text with PP-OCRv4 (PaddleOCR's <c>predict_system</c>): <see cref="TextDetector"/> finds text
/// regions, each is cropped upright (tall ones turned 90 degrees), <see cref="TextOrientationClassifier"/> turns
/// upside-down ones by 180 degrees, <see cref="TextRecognizer"/> reads them in batches (a line read with low
/// confidence is read again turned by 180 degrees), and lines less confident than <see cref="MinConfidence"/> are dropped. The models read Chinese and Latin script. Thread-safe: the three
/// sessions are shared and each call uses its own pooled buffers.
/// </summary>
public sealed class OcrReader : IDisposable
{
    public const float MinConfidence = 0.5f;

    /// <summary>The catalogued models a reader chains, in the order it runs them.</summary>
    public static readonly IReadOnlyList<string> ModelIds =
        [TextDetector.DefaultModelId, TextOrientationClassifier.DefaultModelId, TextRecognizer.DefaultModelId];

    private readonly TextOrientationClassifier? _orientation;

    /// <param name="useOrientation">Run the 0/180 degree classifier (a few ms per image); off for text known to be upright.</param>
    public OcrReader(ModelStore store, bool useOrientation = true)
    {
        Detector = new TextDetector(store);
        try
        {
            _orientation = useOrientation ? new TextOrientationClassifier(store) : null;
            Recognizer = new TextRecognizer(store);
        }
        catch
        {
            Detector.Dispose();
            _orientation?.Dispose();
            throw;
        }
    }

    /// <summary>The detector alone, for callers that need text regions but not their text.</summary>
    public TextDetector Detector { get; }

    public TextRecognizer Recognizer { get; }

    /// <param name="rgb">8-bit pixels, 3 bands (RGB) or 1 (grey), as <see cref="VipsImage.ToPixels"/> gives them.</param>
    public OcrResult Read(PixelBuffer rgb)
    {
        var regions = Detector.Detect(rgb);
        var crops = regions.Select(r => TextCrop.Of(r.Polygon)).ToArray();
        var upsideDown = _orientation?.UpsideDown(rgb, crops) ?? new bool[crops.Length];
        for (var i = 0; i < crops.Length; i++)
        {
            if (upsideDown[i])
            {
                crops[i] = crops[i].Rotated180();
            }
        }
        var texts = Recognizer.Recognize(rgb, crops);
        if (_orientation is not null)
        {
            RereadUnsureLinesTurned(rgb, crops, texts, upsideDown);
        }
        var lines = regions.Select((r, i) => new TextLine(texts[i].Text, texts[i].Confidence, r.Polygon))
            .Where(line => line.Confidence >= MinConfidence && line.Text.Length > 0);
        // A page whose lines are mostly upside down is read in its own order: from the image's bottom right.
        var pageUpsideDown = upsideDown.Count(flag => flag) * 2 > upsideDown.Length;
        var rows = pageUpsideDown
            ? ReadingOrder.Rows(lines, line => Quad.Rotated180(line.Polygon, rgb.Width, rgb.Height))
            : ReadingOrder.Rows(lines, line => line.Polygon);
        return new OcrResult(
            [.. rows.SelectMany(row => row)],
            string.Join('\n', rows.Select(row => string.Join(' ', row.Select(line => line.Text)))));
    }

    /// <summary>
    /// The classifier misses some upside-down lines (PaddleOCR's mobile classifier is small); a line read with less
    /// than <see cref="MinConfidence"/> is read again turned by 180 degrees and the more confident reading kept.
    /// </summary>
    private void RereadUnsureLinesTurned(PixelBuffer rgb, TextCrop[] crops, (string Text, float Confidence)[] texts, bool[] upsideDown)
    {
        var unsure = Enumerable.Range(0, crops.Length).Where(i => texts[i].Confidence < MinConfidence).ToArray();
        var turned = Recognizer.Recognize(rgb, [.. unsure.Select(i => crops[i].Rotated180())]);
        for (var k = 0; k < unsure.Length; k++)
        {
            var i = unsure[k];
            if (turned[k].Confidence > texts[i].Confidence)
            {
                texts[i] = turned[k];
                upsideDown[i] = !upsideDown[i];
            }
        }
    }

    public void Dispose()
    {
        Detector.Dispose();
        _orientation?.Dispose();
        Recognizer.Dispose();
    }
}
