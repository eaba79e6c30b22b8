namespace VisionAspire.Hosting;

/// <summary>The application could not start, or a resource failed; the message is meant for people.</summary>
public sealed class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
