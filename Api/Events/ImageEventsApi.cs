namespace VisionAspire.Api.Events;

public static class ImageEventsApi
{
    public static IHostApplicationBuilder AddImageEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImageStatusHub>();
        builder.Services.AddHostedService<ImageStatusListener>();
        return builder;
    }

    public static RouteGroupBuilder MapImageEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/images/events").WithTags("Image events");

        api.MapGet("/", ImageStatusStream.HandleAsync)
            .WithName("ImageStatusEvents")
            .WithSummary("Server-Sent Events: the current status of each image in `ids` (comma-separated), then every change, "
                + "until all of them are completed or failed.");

        return api;
    }
}
