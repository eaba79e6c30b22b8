namespace VisionAspire.Web.Api;

public static class VisionApiRegistration
{
    /// <summary>The Api's address through Aspire service discovery: https when the Api offers it, else http.</summary>
    public const string ApiBaseAddress = "https+http://api";

    /// <summary>
    /// Every call to the Api goes through the clients registered here (service discovery and the standard
    /// resilience handler come from ServiceDefaults). Sign-in with
    /// per-person keys (issue 14) replaces the configured key here.
    /// </summary>
    public static IHostApplicationBuilder AddVisionApi(this IHostApplicationBuilder builder)
    {
        // Until people sign in with their own keys, the web app calls with the key the AppHost gives it.
        var apiKey = builder.Configuration["Vision:Web:ApiKey"];
        void Authenticate(HttpClient http)
        {
            if (!string.IsNullOrEmpty(apiKey))
            {
                http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }
        }

        builder.Services.AddHttpClient<VisionApiClient>(http =>
        {
            http.BaseAddress = new Uri(ApiBaseAddress);
            Authenticate(http);
        });
        builder.Services.AddHttpClient<ImageStatusFeed>(http =>
        {
            http.BaseAddress = new Uri(ApiBaseAddress);
            Authenticate(http);
            // A stream lasts until its images finish; the resilience handler's timeouts cover only its response headers.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        return builder;
    }
}
