namespace VisionAspire.Api.Images;

public static class ImageLinksFactory
{
    public static ImageLinks For(Guid imageId, Guid? jobId) => new(
        $"/api/v1/images/{imageId}",
        $"/api/v1/images/{imageId}/content",
        jobId is { } job ? $"/api/v1/jobs/{job}" : "");
}
