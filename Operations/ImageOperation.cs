using VisionAspire.Imaging;

namespace VisionAspire.Operations;

/// <summary>One validated step of a pipeline. Immutable; <see cref="Apply"/> returns a new image (the caller disposes both).</summary>
public abstract record ImageOperation
{
    /// <summary>The operation name as requests spell it ("resize", "crop", ...).</summary>
    public abstract string Name { get; }

    /// <summary>Every parameter, defaults included, in a fixed order and invariant format: equal specs give equal text.</summary>
    public abstract string Canonical { get; }

    public abstract VipsImage Apply(VipsImage image, OperationContext context);
}

/// <summary>What steps may need besides the image; records the crop regions for the response.</summary>
public sealed class OperationContext(IFaceLocator? faces)
{
    public IFaceLocator Faces => faces ?? throw new InvalidOperationException("Face detection is not available in this process.");

    /// <summary>The region the last crop kept, in the pixels of the image it cropped.</summary>
    public Imaging.Operations.CropRegion? LastCrop { get; set; }
}

/// <summary>Finds faces, as regions in the pixels of the image given. Implementations are thread-safe.</summary>
public interface IFaceLocator
{
    IReadOnlyList<Imaging.Operations.CropRegion> Locate(VipsImage image);
}
