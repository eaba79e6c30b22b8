using System.Numerics;
using VisionAspire.Imaging;

namespace VisionAspire.Models.Processing;

/// <summary>
/// Writes pixels straight into an NCHW tensor (one image, three planes) with bilinear sampling and
/// normalisation fused in. Sampling follows OpenCV's conventions (half-pixel centres for resize,
/// integer pixel coordinates and a zero border for warps) so results match the reference harness.
/// </summary>
internal static class TensorWriter
{
    /// <summary>
    /// Resizes the whole image to <paramref name="contentWidth"/> x <paramref name="contentHeight"/> placed at the
    /// top-left of a <paramref name="width"/> x <paramref name="height"/> plane; the rest is <paramref name="padValue"/> (raw 0..255).
    /// </summary>
    public static void Resize<T>(PixelBuffer image, Span<T> tensor, int width, int height, int contentWidth, int contentHeight,
        ChannelOrder order, PixelNormalisation normalisation, float padValue = 0)
        where T : unmanaged, INumberBase<T>
    {
        var planeSize = width * height;
        if (tensor.Length < 3 * planeSize)
        {
            throw new ArgumentException($"Tensor holds {tensor.Length} values, need {3 * planeSize}.", nameof(tensor));
        }
        contentWidth = Math.Clamp(contentWidth, 1, width);
        contentHeight = Math.Clamp(contentHeight, 1, height);

        var xs = AxisTaps(image.Width, contentWidth, image.Bands);
        var ys = AxisTaps(image.Height, contentHeight, 1);
        var channels = SourceChannels(image.Bands, order);
        var (c0, c1, c2) = (channels[0], channels[1], channels[2]);
        var (m0, m1, m2) = (normalisation.Mean0, normalisation.Mean1, normalisation.Mean2);
        var (s0, s1, s2) = (normalisation.Scale0, normalisation.Scale1, normalisation.Scale2);
        var stride = image.Width * image.Bands;
        var plane0 = tensor[..planeSize];
        var plane1 = tensor.Slice(planeSize, planeSize);
        var plane2 = tensor.Slice(2 * planeSize, planeSize);
        ReadOnlySpan<byte> data = image.Data;

        // One pass over the source writes all three planes; x taps are shared by the channels.
        for (var y = 0; y < contentHeight; y++)
        {
            var row0 = data[(ys.Offset0[y] * stride)..];
            var row1 = data[(ys.Offset1[y] * stride)..];
            var wy = ys.Weight[y];
            var line0 = plane0.Slice(y * width, width);
            var line1 = plane1.Slice(y * width, width);
            var line2 = plane2.Slice(y * width, width);
            for (var x = 0; x < contentWidth; x++)
            {
                var x0 = xs.Offset0[x];
                var x1 = xs.Offset1[x];
                var wx = xs.Weight[x];
                line0[x] = T.CreateTruncating((Bilinear(row0, row1, x0 + c0, x1 + c0, wx, wy) - m0) * s0);
                line1[x] = T.CreateTruncating((Bilinear(row0, row1, x0 + c1, x1 + c1, wx, wy) - m1) * s1);
                line2[x] = T.CreateTruncating((Bilinear(row0, row1, x0 + c2, x1 + c2, wx, wy) - m2) * s2);
            }
        }

        for (var plane = 0; plane < 3; plane++)
        {
            var output = tensor.Slice(plane * planeSize, planeSize);
            var pad = T.CreateTruncating((padValue - normalisation.Mean(plane)) * normalisation.Scale(plane));
            if (contentWidth < width)
            {
                for (var y = 0; y < contentHeight; y++)
                {
                    output.Slice(y * width + contentWidth, width - contentWidth).Fill(pad);
                }
            }
            output[(contentHeight * width)..].Fill(pad);
        }
    }

    private static float Bilinear(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, int left, int right, float wx, float wy)
    {
        float topLeft = row0[left];
        float bottomLeft = row1[left];
        var top = topLeft + (row0[right] - topLeft) * wx;
        var bottom = bottomLeft + (row1[right] - bottomLeft) * wx;
        return top + (bottom - top) * wy;
    }

    /// <summary>
    /// Fills a <paramref name="width"/> x <paramref name="height"/> tensor by sampling the image at
    /// <paramref name="tensorToImage"/>(x, y); samples outside the image read as 0, or as the nearest edge pixel
    /// with <paramref name="replicateBorder"/>. With <paramref name="contentWidth"/> only that many columns are
    /// sampled and the rest of each row is <paramref name="padValue"/> (raw 0..255).
    /// </summary>
    public static void Warp<T>(PixelBuffer image, Span<T> tensor, int width, int height, AffineTransform tensorToImage,
        ChannelOrder order, PixelNormalisation normalisation, bool replicateBorder = false, int? contentWidth = null, float padValue = 0)
        where T : unmanaged, INumberBase<T>
    {
        var sampledWidth = Math.Clamp(contentWidth ?? width, 0, width);
        var planeSize = width * height;
        if (tensor.Length < 3 * planeSize)
        {
            throw new ArgumentException($"Tensor holds {tensor.Length} values, need {3 * planeSize}.", nameof(tensor));
        }
        var channels = SourceChannels(image.Bands, order);
        var bands = image.Bands;
        var stride = image.Width * bands;
        var data = image.Data;
        Span<float> sample = stackalloc float[3];

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < sampledWidth; x++)
            {
                var (sx, sy) = tensorToImage.Apply(x, y);
                if (replicateBorder)
                {
                    sx = Math.Clamp(sx, 0, image.Width - 1);
                    sy = Math.Clamp(sy, 0, image.Height - 1);
                }
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                var wx = (float)(sx - x0);
                var wy = (float)(sy - y0);
                for (var plane = 0; plane < 3; plane++)
                {
                    var c = channels[plane];
                    var p00 = Tap(data, image.Width, image.Height, stride, bands, x0, y0, c);
                    var p01 = Tap(data, image.Width, image.Height, stride, bands, x0 + 1, y0, c);
                    var p10 = Tap(data, image.Width, image.Height, stride, bands, x0, y0 + 1, c);
                    var p11 = Tap(data, image.Width, image.Height, stride, bands, x0 + 1, y0 + 1, c);
                    var top = p00 + (p01 - p00) * wx;
                    var bottom = p10 + (p11 - p10) * wx;
                    sample[plane] = top + (bottom - top) * wy;
                }
                var index = y * width + x;
                for (var plane = 0; plane < 3; plane++)
                {
                    tensor[plane * planeSize + index] =
                        T.CreateTruncating((sample[plane] - normalisation.Mean(plane)) * normalisation.Scale(plane));
                }
            }
        }
        if (sampledWidth < width)
        {
            for (var plane = 0; plane < 3; plane++)
            {
                var pad = T.CreateTruncating((padValue - normalisation.Mean(plane)) * normalisation.Scale(plane));
                for (var y = 0; y < height; y++)
                {
                    tensor.Slice(plane * planeSize + y * width + sampledWidth, width - sampledWidth).Fill(pad);
                }
            }
        }
    }

    private static float Tap(byte[] data, int width, int height, int stride, int bands, int x, int y, int channel) =>
        (uint)x < (uint)width && (uint)y < (uint)height ? data[y * stride + x * bands + channel] : 0f;

    /// <summary>Source band feeding each tensor plane; grey images feed all three planes from band 0.</summary>
    private static int[] SourceChannels(int bands, ChannelOrder order) => bands switch
    {
        1 or 2 => [0, 0, 0],
        >= 3 => order == ChannelOrder.Rgb ? [0, 1, 2] : [2, 1, 0],
        _ => throw new ArgumentException($"Unsupported band count {bands}."),
    };

    /// <summary>Precomputed bilinear taps along one axis (OpenCV INTER_LINEAR half-pixel mapping, clamped edges).</summary>
    private static Taps AxisTaps(int sourceSize, int targetSize, int step)
    {
        var taps = new Taps(new int[targetSize], new int[targetSize], new float[targetSize]);
        var ratio = (double)sourceSize / targetSize;
        for (var i = 0; i < targetSize; i++)
        {
            var position = (i + 0.5) * ratio - 0.5;
            var lower = (int)Math.Floor(position);
            var weight = (float)(position - lower);
            if (lower < 0)
            {
                lower = 0;
                weight = 0;
            }
            if (lower >= sourceSize - 1)
            {
                lower = sourceSize - 1;
                weight = 0;
            }
            taps.Offset0[i] = lower * step;
            taps.Offset1[i] = Math.Min(lower + 1, sourceSize - 1) * step;
            taps.Weight[i] = weight;
        }
        return taps;
    }

    private readonly record struct Taps(int[] Offset0, int[] Offset1, float[] Weight);
}
