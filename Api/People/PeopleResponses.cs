using VisionAspire.Api.Inference;

namespace VisionAspire.Api.People;

/// <summary>POST /api/v1/people. Name: 1-200 characters; ExternalId (optional, unique): the caller's own key, 1-200 characters.</summary>
public sealed record CreatePersonRequest(string? Name, string? ExternalId);

/// <summary>PATCH /api/v1/people/{id}: the fields given (not null) are changed.</summary>
public sealed record UpdatePersonRequest(string? Name, string? ExternalId);

public sealed record PersonResponse(Guid Id, string Name, string? ExternalId, int FaceCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PersonPageResponse(int Page, int Limit, long Total, IReadOnlyList<PersonResponse> Items);

/// <summary>
/// An enrolled face: box and landmarks in the source image's upright pixels, ImageId when it came from a stored image,
/// and the embedding model that made it (only faces of the active model take part in identification).
/// </summary>
public sealed record PersonFaceResponse(
    Guid Id, Guid PersonId, Guid? ImageId, BoxResponse Box, IReadOnlyList<PointResponse> Landmarks, ModelResponse Model, DateTimeOffset CreatedAt);

/// <summary>A face of the image when the choice is the caller's (422 on enrolment), as in recognize.</summary>
public sealed record CandidateFaceResponse(int Index, BoxResponse Box, float Score, string? Unusable);
