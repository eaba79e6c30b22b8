namespace VisionAspire.Web.People;

// The Api's people and recognition JSON as this app reads it (Api/People, Api/Inference/RecognizeResponses.cs).

public sealed record Person(Guid Id, string Name, string? ExternalId, int FaceCount, DateTimeOffset CreatedAt);

public sealed record PersonPage(int Page, int Limit, long Total, IReadOnlyList<Person> Items);

public sealed record FaceBox(float X, float Y, float Width, float Height);

public sealed record PersonMatch(Guid PersonId, string Name, float Similarity);

/// <summary>Status: identified, unknown or unusable (Unusable says why: too-small, too-blurry).</summary>
public sealed record RecognizedFace(int Index, FaceBox Box, float Score, string Status, string? Unusable, IReadOnlyList<PersonMatch> Matches)
{
    public bool IsUsable => Status != "unusable";
}

public sealed record Recognition(int Width, int Height, IReadOnlyList<RecognizedFace> Faces);

public sealed record EnrolledFace(Guid Id, Guid PersonId, Guid? ImageId, FaceBox Box);
