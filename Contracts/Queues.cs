namespace VisionAspire.Contracts;

/// <summary>RabbitMQ names. Routing keys equal queue names on the direct exchange.</summary>
public static class Queues
{
    public const string Exchange = "vision";
    public const string DeadLetterExchange = "vision.dlx";
    public const string DeadLetter = "vision.dead-letter";

    public const string Preprocess = "vision.preprocess";
    public const string InferFace = "vision.infer.face";
    public const string InferObject = "vision.infer.object";
    public const string Process = "vision.process";

    public static readonly IReadOnlyList<string> Work = [Preprocess, InferFace, InferObject, Process];
}
