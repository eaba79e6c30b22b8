namespace VisionAspire.Shared;

/// <summary>The AppHost's resource names, which are also the services' connection-string names.</summary>
public static class ResourceNames
{
    public const string Cache = "cache";
    public const string Database = "visiondb";
    public const string Messaging = "messaging";
    public const string Storage = "storage";
}
