using System.Text.Json;
using VisionAspire.Contracts;
using VisionAspire.Messaging;
using VisionAspire.Shared;

namespace VisionAspire.Infrastructure.Tests.Shared;

/// <summary>Upload task names, where their outputs are stored, and the messages that carry them.</summary>
public sealed class ImageTasksTests
{
    [Fact]
    public void Parsing_ignores_case_spaces_and_repeats_and_orders_the_tasks_as_they_run()
    {
        var tasks = ImageTasks.Parse(["Blur, objects", "ocr,blur", " "], out var unknown);

        Assert.Equal([ImageTasks.Objects, ImageTasks.Ocr, ImageTasks.Blur], tasks);
        Assert.Empty(unknown);
    }

    [Fact]
    public void Parsing_reports_every_unknown_name()
    {
        var tasks = ImageTasks.Parse(["faces,teleport", "x-ray"], out var unknown);

        Assert.Equal([ImageTasks.Faces], tasks);
        Assert.Equal(["teleport", "x-ray"], unknown);
    }

    [Fact]
    public void Defaults_are_faces_and_recognize_for_face_images_and_classify_and_objects_for_the_others()
    {
        Assert.Equal([ImageTasks.Faces, ImageTasks.Recognize], ImageTasks.DefaultFor(ImageKinds.Face));
        Assert.Equal([ImageTasks.Classify, ImageTasks.Objects], ImageTasks.DefaultFor(ImageKinds.Object));
    }

    [Fact]
    public void A_processed_output_is_keyed_by_its_upload_day_in_utc_image_and_task()
    {
        var id = Guid.Parse("0193d0c4-1111-7000-8000-000000000001");

        var key = StorageKeys.Processed(id, new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.FromHours(-2)), ImageTasks.Blur, "jpg");

        Assert.Equal($"processed/2026/12/02/{id}/blur.jpg", key);
        VisionAspire.Storage.ObjectKey.Validate(key);
    }

    [Fact]
    public void Every_prediction_task_belongs_to_an_upload_task()
    {
        string[] written = [PredictionTasks.FaceDetection, PredictionTasks.FaceEmbedding, PredictionTasks.FaceRecognition, PredictionTasks.Classification,
            PredictionTasks.Cifar10, PredictionTasks.ObjectDetection, PredictionTasks.TextLine, PredictionTasks.BlurredRegion];

        Assert.Equal(
            [ImageTasks.Faces, ImageTasks.Faces, ImageTasks.Recognize, ImageTasks.Classify, ImageTasks.Classify, ImageTasks.Objects, ImageTasks.Ocr,
                ImageTasks.Blur],
            written.Select(PredictionTasks.ImageTaskOf));
        Assert.Null(PredictionTasks.ImageTaskOf("face-identity"));
    }

    [Fact]
    public void Messages_without_tasks_from_older_senders_still_decode_with_none()
    {
        var request = new InferenceRequestedV1(Guid.NewGuid(), Guid.NewGuid(), ImageKinds.Object, "originals/ab/abc", 640, 480, [], "m", "1", 2.5, 0);
        var json = JsonSerializer.SerializeToNode(request, MessageJson.Options)!.AsObject();
        json.Remove("tasks");

        var decoded = MessageJson.TryDeserialize<InferenceRequestedV1>(JsonSerializer.SerializeToUtf8Bytes(json), out var error);

        Assert.Null(error);
        Assert.Null(decoded!.Tasks);
        var upload = new ImageUploadedV1(Guid.NewGuid(), Guid.NewGuid(), "k", "s", "image/png", DateTimeOffset.UtcNow, 1, [ImageTasks.Ocr]);
        Assert.Equal([ImageTasks.Ocr], MessageJson.TryDeserialize<ImageUploadedV1>(MessageJson.Serialize(upload), out _)!.Tasks);
    }
}
