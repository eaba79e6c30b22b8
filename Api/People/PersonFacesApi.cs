using System.Security.Claims;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Operations;
using VisionAspire.Api.Problems;
using VisionAspire.Data;
using VisionAspire.Operations;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Api.People;

/// <summary>Enrolling, listing and removing a person's faces.</summary>
public static class PersonFacesApi
{
    private static readonly ParameterSpec Face = ParameterSpec.Integer("face", 0, 999,
        "Which face to enrol, as numbered by recognize (0 = highest detection score). Default: the only usable face, or the largest when it is at least twice the area of every other.");

    public static void MapPersonFacesApi(this RouteGroupBuilder people)
    {
        people.MapPost("/{id:guid}/faces", EnrolAsync)
            .WithName("EnrolFace")
            .WithSummary("Enrol a face of an image for this person")
            .WithDescription("Detects, checks and embeds the faces of the image (as recognize does) and stores the chosen face's embedding " +
                "with the embedding model's id and version. 422 when no face is usable, the chosen one is not, or several are and none was chosen " +
                "(the problem lists them under 'faces').")
            .WithImageInput()
            .WithQueryParameters([Face])
            .DisableAntiforgery()
            .Produces<PersonFaceResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        people.MapGet("/{id:guid}/faces", ListAsync)
            .WithName("ListPersonFaces")
            .WithSummary("A person's enrolled faces, oldest first")
            .Produces<IReadOnlyList<PersonFaceResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        people.MapDelete("/{id:guid}/faces/{faceId:guid}", DeleteAsync)
            .WithName("DeletePersonFace")
            .WithSummary("Remove an enrolled face")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IResult> EnrolAsync(Guid id, HttpContext http, ImageSource sources, FaceRecognition recognition, PeopleRepository people) =>
        AiProblems.GuardAsync(async () =>
        {
            var ct = http.RequestAborted;
            var requested = AiQuery.Read(http.Request, [Face], "people faces").Int(Face);
            var scope = http.User.OwnerScope();
            if (await people.GetAsync(id, scope, ct) is null)
            {
                return ApiProblems.NotFound("person", id);
            }
            var source = await sources.ResolveAsync(http.Request, ct);
            var image = await recognition.RecognizeAsync(source, ct, keepAligned: true);
            var choice = EnrolmentChoice.Choose(image.Faces, requested);
            if (choice.Face is not { } face)
            {
                var candidates = image.Faces.Select((f, i) => new CandidateFaceResponse(i, BoxResponse.Of(f.Detection.Box), f.Detection.Score,
                    FaceStatuses.Reason(f.Unusable))).ToList();
                return TypedResults.Problem(detail: choice.Detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: choice.Title,
                    extensions: new Dictionary<string, object?> { ["faces"] = candidates });
            }

            var box = face.Detection.Box;
            var landmarks = face.Detection.Landmarks!.SelectMany(l => new[] { l.X, l.Y }).ToArray();
            var stored = await people.AddFaceAsync(id, scope, source.ImageId, [box.X, box.Y, box.Width, box.Height], landmarks, face.Embedding!,
                image.Embedder.Id, image.Embedder.Version, face.Aligned?.Data, ct);
            return stored is null
                ? ApiProblems.NotFound("person", id)
                : TypedResults.Created($"/api/v1/people/{id}/faces", PeopleApi.ToResponse(stored));
        });

    private static async Task<IResult> ListAsync(Guid id, ClaimsPrincipal caller, PeopleRepository people, CancellationToken ct)
    {
        var scope = caller.OwnerScope();
        if (await people.GetAsync(id, scope, ct) is null)
        {
            return ApiProblems.NotFound("person", id);
        }
        var faces = await people.ListFacesAsync(id, scope, ct);
        return TypedResults.Ok(faces.Select(PeopleApi.ToResponse).ToList());
    }

    private static async Task<IResult> DeleteAsync(Guid id, Guid faceId, ClaimsPrincipal caller, PeopleRepository people, CancellationToken ct) =>
        await people.DeleteFaceAsync(id, faceId, caller.OwnerScope(), ct) ? TypedResults.NoContent() : ApiProblems.NotFound("face of this person", faceId);
}
