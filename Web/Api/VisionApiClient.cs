using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace VisionAspire.Web.Api;

/// <summary>The Api's REST endpoints this app uses; a failed call throws <see cref="ApiProblemException"/>.</summary>
public sealed class VisionApiClient(HttpClient http)
{
    public async Task<UploadResult> UploadAsync(
        string fileName, string contentType, byte[] bytes, IReadOnlyCollection<string> tasks, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new("application/octet-stream");
        form.Add(file, "file", fileName);
        var query = tasks.Count == 0 ? "" : "?tasks=" + Uri.EscapeDataString(string.Join(',', tasks));
        using var response = await http.PostAsync("api/v1/images" + query, form, ct);
        return await ReadAsync<UploadResult>(response, ct);
    }

    public async Task<ImageDetails?> GetImageAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/v1/images/{id}", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<ImageDetails>(response, ct);
    }

    public async Task<ImageListPage> ListImagesAsync(int page, int limit, string? kind, string? status, CancellationToken ct)
    {
        var query = $"api/v1/images?page={page}&limit={limit}"
            + (kind is null ? "" : "&kind=" + Uri.EscapeDataString(kind))
            + (status is null ? "" : "&status=" + Uri.EscapeDataString(status));
        using var response = await http.GetAsync(query, ct);
        return await ReadAsync<ImageListPage>(response, ct);
    }

    public async Task<Job?> GetJobAsync(Guid id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"api/v1/jobs/{id}", ct);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<Job>(response, ct);
    }

    /// <summary>A GET whose body the caller streams on (image bytes); the caller disposes the response.</summary>
    public Task<HttpResponseMessage> GetRawAsync(string pathAndQuery, CancellationToken ct) =>
        http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, ct);

    /// <summary>Runs a synchronous operation on a stored image and returns the resulting image.</summary>
    public async Task<OperationResult> RunOperationAsync(
        string operation, Guid imageId, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken ct)
    {
        var query = string.Join('&', parameters.Prepend(new("imageId", imageId.ToString()))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = await http.PostAsync($"api/v1/{Uri.EscapeDataString(operation)}?{query}", content: null, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.ReadAsync(response, ct);
        }

        return new OperationResult(
            await response.Content.ReadAsByteArrayAsync(ct),
            response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream",
            HeaderNumber(response, "X-Image-Width"),
            HeaderNumber(response, "X-Image-Height"));
    }

    private static int? HeaderNumber(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && int.TryParse(values.FirstOrDefault(), out var value) ? value : null;

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.ReadAsync(response, ct);
        }

        return await response.Content.ReadFromJsonAsync<T>(ct)
            ?? throw new ApiProblemException(response.StatusCode, "The Api answered with an empty body.", null);
    }
}
