namespace VisionAspire.Web.Api;

/// <summary>
/// GET /media/api/v1/...: relays image bytes (originals, processed outputs) from the Api, which the browser cannot
/// reach by itself (its address is known only through service discovery, on this server).
/// </summary>
public static class ApiMedia
{
    public const string Prefix = "/media";

    public static string UrlFor(string apiPath) => Prefix + (apiPath.StartsWith('/') ? apiPath : "/" + apiPath);

    /// <summary>Only for a signed-in person, whose key the relay's Api call carries.</summary>
    public static IEndpointRouteBuilder MapApiMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "/api/v1/{**path}", RelayAsync).ExcludeFromDescription().RequireAuthorization();
        return app;
    }

    private static async Task RelayAsync(string path, HttpContext context, VisionApiClient api)
    {
        var ct = context.RequestAborted;
        using var response = await api.GetRawAsync("api/v1/" + path + context.Request.QueryString, ct);
        context.Response.StatusCode = (int)response.StatusCode;
        var headers = response.Content.Headers;
        context.Response.ContentType = headers.ContentType?.ToString();
        if (headers.ContentLength is { } length)
        {
            context.Response.ContentLength = length;
        }

        if (headers.ContentDisposition is { } disposition)
        {
            context.Response.Headers.ContentDisposition = disposition.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, ct);
    }
}
