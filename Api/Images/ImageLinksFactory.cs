namespace VisionAspire.Api.Images;

public static class ImageLinksFactory
{
    /// <param name="processedTasks">The tasks whose processed outputs the image has; null leaves the links out.</param>
    public static ImageLinks For(Guid imageId, Guid? jobId, IEnumerable<string>? processedTasks = null) => new(
        $"/api/v1/images/{imageId}",
        $"/api/v1/images/{imageId}/content",
        jobId is { } job ? $"/api/v1/jobs/{job}" : "",
        processedTasks?.ToDictionary(task => task, task => Processed(imageId, task)));

    public static string Processed(Guid imageId, string task) => $"/api/v1/images/{imageId}/processed/{task}";
}
