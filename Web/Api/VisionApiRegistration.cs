using VisionAspire.Web.Account;
using VisionAspire.Web.History;
using VisionAspire.Web.People;

namespace VisionAspire.Web.Api;

public static class VisionApiRegistration
{
    /// <summary>The Api's address through Aspire service discovery: https when the Api offers it, else http.</summary>
    public const string ApiBaseAddress = "https+http://api";

    /// <summary>
    /// Every call to the Api goes through the clients registered here (service discovery and the standard
    /// resilience handler come from ServiceDefaults), with the signed-in person's key (<see cref="ApiKeyHandler"/>).
    /// </summary>
    public static IHostApplicationBuilder AddVisionApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<VisionApiClient>(http => http.BaseAddress = new Uri(ApiBaseAddress))
            .AddHttpMessageHandler<ApiKeyHandler>();
        builder.Services.AddHttpClient<PeopleClient>(http => http.BaseAddress = new Uri(ApiBaseAddress))
            .AddHttpMessageHandler<ApiKeyHandler>();
        builder.Services.AddHttpClient<HistoryClient>(http => http.BaseAddress = new Uri(ApiBaseAddress))
            .AddHttpMessageHandler<ApiKeyHandler>();
        builder.Services.AddHttpClient<ImageStatusFeed>(http =>
            {
                http.BaseAddress = new Uri(ApiBaseAddress);
                // A stream lasts until its images finish; the resilience handler's timeouts cover only its response headers.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ApiKeyHandler>();
        // Sign-in sends the key being checked itself: no one's key is added to it.
        builder.Services.AddHttpClient<AccountClient>(http => http.BaseAddress = new Uri(ApiBaseAddress));
        return builder;
    }
}
