using System.Diagnostics;

namespace VisionAspire.Preprocessor;

/// <summary>The Preprocessor's spans (decode, detect, route), children of the message's "process" span.</summary>
public static class PreprocessorTelemetry
{
    public const string Name = "VisionAspire.Preprocessor";

    public static readonly ActivitySource Source = new(Name);
}
