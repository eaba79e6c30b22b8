using Microsoft.Extensions.Options;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// "faces": one "face-detection" row per face found by the Preprocessor (box, score, landmarks), and one
/// "face-embedding" row per face (MobileFaceNet) computed on a working-size copy of the original. Thread-safe.
/// </summary>
public sealed class FaceInference(WorkerModels models, IOptions<WorkerInferenceOptions> options) : IInferenceTask
{
    public string Name => ImageTasks.Faces;

    public bool UsesWorkingCopyOnly => false;

    public TaskOutcome Run(InferenceInput input)
    {
        var request = input.Request;
        var rows = new List<PredictionRecord>(request.Faces.Count * 2);
        var perFaceDetectionMs = request.Faces.Count == 0 ? 0 : request.FaceDetectionMs / request.Faces.Count;
        foreach (var face in request.Faces)
        {
            rows.Add(new PredictionRecord(request.ImageId, PredictionTasks.FaceDetection, request.FaceModel,
                request.FaceModelVersion, "face", face.Score, PredictionPayloads.Face(face), perFaceDetectionMs));
        }

        if (request.Faces.Count == 0)
        {
            return new TaskOutcome(rows);
        }

        var pixels = input.Copies.At(options.Value.FaceWorkingSize).Pixels;
        var scale = (float)pixels.Width / request.Width;
        var model = models.Embedder.Model;
        foreach (var face in request.Faces)
        {
            var embedding = WorkerTelemetry.RunModel(model, () => models.Embedder.Embed(pixels, Scaled(face, scale)), out var embedMs);
            rows.Add(new PredictionRecord(request.ImageId, PredictionTasks.FaceEmbedding, model.Id, model.Version,
                null, null, PredictionPayloads.Embedding(face, embedding), embedMs));
        }

        return new TaskOutcome(rows);
    }

    private static FaceDetection Scaled(FaceBoxV1 face, float scale)
    {
        List<Landmark>? landmarks = null;
        if (face.Landmarks is { Count: >= 2 } points)
        {
            landmarks = Enumerable.Range(0, points.Count / 2)
                .Select(i => new Landmark(points[2 * i] * scale, points[2 * i + 1] * scale))
                .ToList();
        }

        return new FaceDetection(new Box(face.X * scale, face.Y * scale, face.Width * scale, face.Height * scale), face.Score, landmarks);
    }
}
