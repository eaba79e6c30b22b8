using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Operations.Redaction;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// "ocr": one "text-line" row per line PP-OCRv4 reads (label: the text; payload: its place in reading order and its
/// polygon in original pixels), on a copy at most <see cref="WorkingImage.TextSize"/> a side, as POST /api/v1/ocr reads.
/// Thread-safe.
/// </summary>
public sealed class OcrInference(WorkerModels models) : IInferenceTask
{
    public string Name => ImageTasks.Ocr;

    public bool UsesWorkingCopyOnly => false;

    public TaskOutcome Run(InferenceInput input)
    {
        var copy = new WorkingImage(input.Original, new ImageLoadOptions()).At(WorkingImage.TextSize);
        var (reader, chain) = (models.Ocr, models.OcrChain);
        var result = WorkerTelemetry.RunModel(chain.Id, chain.Version, () => reader.Read(copy.Pixels), out var readMs);
        return new TaskOutcome([.. result.Lines.Select((line, index) => new PredictionRecord(input.Request.ImageId, PredictionTasks.TextLine,
            chain.Id, chain.Version, line.Text, line.Confidence,
            PredictionPayloads.TextLine(index, line.Polygon.Select(copy.ToOriginal).Select(p => ((int)MathF.Round(p.X), (int)MathF.Round(p.Y)))),
            readMs))]);
    }
}
