namespace VisionAspire.Contracts;

public static class ImageKinds
{
    public const string Face = "face";
    public const string Object = "object";

    public static readonly IReadOnlyList<string> All = [Face, Object];
}
