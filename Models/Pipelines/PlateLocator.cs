using System.Text.RegularExpressions;
using VisionAspire.Imaging;
using VisionAspire.Models.Processing;

namespace VisionAspire.Models;

/// <summary>A licence plate found by <see cref="PlateLocator"/>, in original-image pixels.</summary>
/// <param name="Text">What the recogniser read on it; empty when text confirmation is off.</param>
/// <param name="Score">The recogniser's confidence, or the detector's text probability when confirmation is off.</param>
public sealed record PlateRegion(Box Box, IReadOnlyList<PixelPoint> Polygon, string Text, float Score);

/// <summary>
/// Finds licence plates without a plate model: <see cref="ObjectDetector"/> finds vehicles (car, bus, truck,
/// motorbike), <see cref="TextDetector"/> looks for text in the lower part of each vehicle box (a crop, so small
/// plates keep their resolution), pieces of one line are merged, and a region counts as a plate when it is
/// plate-shaped and, unless confirmation is off, the recogniser reads plate-like text on it (4 to 12 letters or
/// digits, at least one digit). Thread-safe (the sessions are).
/// </summary>
public sealed partial class PlateLocator
{
    /// <summary>The catalogued models a locator chains, in the order it runs them.</summary>
    public static readonly IReadOnlyList<string> ModelIds = [ObjectDetector.DefaultModelId, TextDetector.DefaultModelId, TextRecognizer.DefaultModelId];

    private static readonly HashSet<string> Vehicles = new(["car", "bus", "truck", "motorbike"], StringComparer.Ordinal);

    /// <summary>Plates sit in the lower part of a vehicle box; the search area starts this far down it.</summary>
    private const float SearchTop = 0.4f;

    /// <summary>...and reaches this far below it (bumper plates often stick out of a tight box).</summary>
    private const float SearchBelow = 0.1f;

    private const double MinAspect = 1.2;
    private const double MaxAspect = 10;
    private const double MaxWidthShare = 0.7;
    private const int MinHeight = 8;

    /// <summary>Vehicles scored below this are not searched: the workers' YOLOX threshold, whatever the detector keeps.</summary>
    private const float MinVehicleScore = 0.3f;

    private readonly ObjectDetector _objects;
    private readonly TextDetector _text;
    private readonly TextRecognizer? _recognizer;

    /// <summary>
    /// Chains sessions the caller already holds (an <see cref="OcrReader"/>'s detector and recogniser, the object
    /// detector) rather than loading its own copies; the caller keeps ownership and disposes them.
    /// </summary>
    /// <param name="recognizer">Keeps only regions where plate-like text is read (one recognition batch per image with candidates); null turns confirmation off.</param>
    public PlateLocator(ObjectDetector objects, TextDetector text, TextRecognizer? recognizer)
    {
        _objects = objects;
        _text = text;
        _recognizer = recognizer;
    }

    /// <param name="rgb">8-bit pixels, 3 bands (RGB) or 1 (grey), as <see cref="VipsImage.ToPixels"/> gives them.</param>
    public IReadOnlyList<PlateRegion> Locate(PixelBuffer rgb)
    {
        var candidates = new List<(PixelPoint[] Polygon, float Score)>();
        foreach (var vehicle in _objects.Detect(rgb).Where(o => o.Score >= MinVehicleScore && Vehicles.Contains(o.Label)))
        {
            candidates.AddRange(CandidatesIn(rgb, vehicle.Box));
        }
        if (_recognizer is null)
        {
            return [.. candidates.Select(c => new PlateRegion(Quad.Bounds(c.Polygon), c.Polygon, "", c.Score))];
        }
        var texts = _recognizer.Recognize(rgb, [.. candidates.Select(c => TextCrop.Of(c.Polygon))]);
        return [.. candidates.Select((c, i) => (c.Polygon, texts[i].Text, texts[i].Confidence))
            .Where(c => c.Confidence >= OcrReader.MinConfidence && IsPlateLike(c.Text))
            .Select(c => new PlateRegion(Quad.Bounds(c.Polygon), c.Polygon, c.Text, c.Confidence))];
    }

    private IEnumerable<(PixelPoint[] Polygon, float Score)> CandidatesIn(PixelBuffer rgb, Box vehicle)
    {
        var left = (int)Math.Floor(vehicle.X);
        var top = (int)Math.Floor(vehicle.Y + vehicle.Height * SearchTop);
        var right = Math.Min(rgb.Width, (int)Math.Ceiling(vehicle.X + vehicle.Width));
        var bottom = Math.Min(rgb.Height, (int)Math.Ceiling(vehicle.Y + vehicle.Height * (1 + SearchBelow)));
        if (right - left < 2 * MinHeight || bottom - top < MinHeight)
        {
            return [];
        }
        var area = PixelCrop.Of(rgb, left, top, right - left, bottom - top);
        var regions = _text.Detect(area)
            .Select(r => (Polygon: r.Polygon.Select(p => new PixelPoint(p.X + left, p.Y + top)).ToArray(), r.Score));
        return MergeLinePieces([.. regions])
            .Where(r => IsPlateShaped(r.Polygon, vehicle.Width));
    }

    /// <summary>Regions side by side on one line with a gap under a line height (a plate split by a sticker or badge) become one box.</summary>
    private static List<(PixelPoint[] Polygon, float Score)> MergeLinePieces(List<(PixelPoint[] Polygon, float Score)> regions)
    {
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < regions.Count && !merged; i++)
            {
                for (var j = i + 1; j < regions.Count && !merged; j++)
                {
                    var (a, b) = (Quad.Bounds(regions[i].Polygon), Quad.Bounds(regions[j].Polygon));
                    var overlap = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
                    var gap = Math.Max(a.X, b.X) - Math.Min(a.X + a.Width, b.X + b.Width);
                    if (overlap >= 0.5f * Math.Min(a.Height, b.Height) && gap < Math.Max(a.Height, b.Height))
                    {
                        var union = Union(a, b);
                        regions[i] = (Corners(union), Math.Max(regions[i].Score, regions[j].Score));
                        regions.RemoveAt(j);
                        merged = true;
                    }
                }
            }
        }
        return regions;
    }

    private static bool IsPlateShaped(PixelPoint[] polygon, float vehicleWidth)
    {
        var width = Math.Max(Quad.Distance(polygon[0], polygon[1]), Quad.Distance(polygon[3], polygon[2]));
        var height = Math.Max(Quad.Distance(polygon[0], polygon[3]), Quad.Distance(polygon[1], polygon[2]));
        return height >= MinHeight && width / height is >= MinAspect and <= MaxAspect && width <= MaxWidthShare * vehicleWidth;
    }

    private static bool IsPlateLike(string text)
    {
        var symbols = text.Count(char.IsLetterOrDigit);
        return symbols is >= 4 and <= 12 && text.Any(char.IsAsciiDigit) && !Words().IsMatch(text);
    }

    /// <summary>Lower-case runs of three or more: words of a sign or sticker, not plate characters.</summary>
    [GeneratedRegex("[a-z]{3,}")]
    private static partial Regex Words();

    private static Box Union(Box a, Box b)
    {
        var left = Math.Min(a.X, b.X);
        var top = Math.Min(a.Y, b.Y);
        return new Box(left, top, Math.Max(a.X + a.Width, b.X + b.Width) - left, Math.Max(a.Y + a.Height, b.Y + b.Height) - top);
    }

    private static PixelPoint[] Corners(Box box)
    {
        var (l, t, r, b) = ((int)box.X, (int)box.Y, (int)(box.X + box.Width), (int)(box.Y + box.Height));
        return [new(l, t), new(r, t), new(r, b), new(l, b)];
    }
}
