using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Preprocessor.Analysis;

/// <summary>
/// The second opinion of <see cref="ConfirmedFaceLabeller"/>: YuNet with landmarks, the configured detector itself
/// when that is YuNet, else a YuNet 2023mar of its own (loaded on first use: only images the primary detector calls
/// face are confirmed). Thread-safe singleton.
/// </summary>
public sealed class FaceConfirmer(IFaceDetector primary, ModelStore store) : IDisposable
{
    private readonly Lazy<YuNetDetector?> _own = new(() => primary is YuNetDetector ? null : new YuNetDetector(store));

    public IFaceDetector Detector => (IFaceDetector?)_own.Value ?? primary;

    public IReadOnlyList<FaceDetection> Detect(PixelBuffer rgb) => Detector.Detect(rgb);

    public void Dispose()
    {
        if (_own.IsValueCreated)
        {
            _own.Value?.Dispose();
        }
    }
}
