using System.Net;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.History;

/// <summary>Prediction history; a failed call throws <see cref="ApiProblemException"/>.</summary>
public sealed class HistoryClient(HttpClient http)
{
    /// <summary>A page of history, or null when this Api has no history endpoint (404: an Api older than issue 13 item 5).</summary>
    public async Task<PredictionHistoryPage?> ListAsync(int page, int limit, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/v1/predictions?page={page}&limit={limit}", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await VisionApiClient.ReadAsync<PredictionHistoryPage>(response, ct);
    }
}
