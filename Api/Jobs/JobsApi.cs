using System.Security.Claims;
using System.Text.Json;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Problems;
using VisionAspire.Data;

namespace VisionAspire.Api.Jobs;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs");

        api.MapGet("/{id:guid}", GetJobAsync)
            .WithName("GetJob")
            .WithSummary("Status, history and progress of one of the caller's jobs (an admin: anyone's).")
            .Produces<JobResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<IResult> GetJobAsync(Guid id, ClaimsPrincipal caller, JobRepository jobs, CancellationToken ct)
    {
        var job = await jobs.GetAsync(id, caller.OwnerScope(), ct);
        if (job is null)
        {
            return ApiProblems.NotFound("job", id);
        }

        var finished = job.Done + job.Failed;
        var progress = new JobProgressResponse(job.Total, job.Done, job.Failed, job.Total == 0 ? 1 : (double)finished / job.Total);
        return TypedResults.Ok(new JobResponse(
            job.Id,
            job.Type,
            job.Status,
            progress,
            job.History.Select(e => new JobEventResponse(e.Status, e.Message, e.At)).ToList(),
            job.Items.Select(i => new JobItemResponse(i.Index, i.ImageId, i.Status, ParseResult(i.ResultJson), i.Error)).ToList(),
            job.CreatedAt,
            job.UpdatedAt));
    }

    private static JsonElement? ParseResult(string? resultJson) =>
        resultJson is null ? null : JsonSerializer.Deserialize<JsonElement>(resultJson);
}
