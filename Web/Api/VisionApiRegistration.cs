namespace VisionAspire.Web.Api;

public static class VisionApiRegistration
{
    /// <summary>The Api's address through Aspire service discovery: https when the Api offers it, else http.</summary>
    public const string ApiBaseAddress = "https+http://api";

    /// <summary>
    /// Every call to the Api goes through the clients registered here (service discovery and the standard
    /// resilience handler come from ServiceDefaults). This is the one place to add an X-Api-Key handler once
    /// sign-in exists.
    /// </summary>
    public static IHostApplicationBuilder AddVisionApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<VisionApiClient>(http => http.BaseAddress = new Uri(ApiBaseAddress));
        builder.Services.AddHttpClient<ImageStatusFeed>(http =>
        {
            http.BaseAddress = new Uri(ApiBaseAddress);
            // A stream lasts until its images finish; the resilience handler's timeouts cover only its response headers.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        return builder;
    }
}
