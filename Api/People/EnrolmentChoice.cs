using VisionAspire.Api.Inference;
using VisionAspire.Models;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Api.People;

/// <summary>
/// Which face of an image to enrol: the one asked for (<c>?face=i</c>, as indexed by recognize), else the only usable
/// face, else the largest usable face when it is at least <see cref="DominantAreaRatio"/> times the area of every other
/// (a portrait with people in the background). Anything else is the caller's choice to make: 422.
/// </summary>
public static class EnrolmentChoice
{
    public const float DominantAreaRatio = 2f;

    public static Result Choose(IReadOnlyList<RecognizedFace> faces, int? requested)
    {
        if (requested is { } index)
        {
            if (index >= faces.Count)
            {
                return Result.Refused("No such face", $"The image has {faces.Count} face(s); face {index} does not exist (faces are numbered from 0, highest score first).");
            }
            return faces[index].IsUsable
                ? Result.Chosen(faces[index])
                : Result.Refused("Face not usable", $"Face {index} is {FaceStatuses.Reason(faces[index].Unusable)}: it cannot be enrolled.");
        }

        var usable = faces.Where(f => f.IsUsable).OrderByDescending(f => f.Detection.Box.Area).ToList();
        if (usable.Count == 0)
        {
            return Result.Refused("No usable face", faces.Count == 0
                ? "No face was found in the image."
                : $"The image has {faces.Count} face(s), none usable ({string.Join(", ", faces.Select(f => FaceStatuses.Reason(f.Unusable)).Distinct())}).");
        }
        if (usable.Count == 1 || usable[0].Detection.Box.Area >= DominantAreaRatio * usable[1].Detection.Box.Area)
        {
            return Result.Chosen(usable[0]);
        }
        return Result.Refused("Several faces", $"The image has {usable.Count} usable faces of similar size; choose one with ?face=i.");
    }

    public sealed record Result(RecognizedFace? Face, string? Title, string? Detail)
    {
        public static Result Chosen(RecognizedFace face) => new(face, null, null);

        public static Result Refused(string title, string detail) => new(null, title, detail);
    }
}
