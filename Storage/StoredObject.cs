namespace VisionAspire.Storage;

public sealed record StoredObject(byte[] Data, string ContentType);
