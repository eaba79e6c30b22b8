using System.Security.Claims;
using System.Text.Json;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Problems;
using VisionAspire.Data;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

public static class BatchApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapBatchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/batch", SubmitAsync)
            .WithName("SubmitBatch")
            .WithSummary("Apply one pipeline to many stored images as one job")
            .WithDescription(
                "Body: {imageIds: [..], operations: [{op, params}, ..]} (operations as for POST /api/v1/images/{id}/process; at most " +
                "Vision:Operations:MaxBatchImages images, default 100). One job item per image: unknown ids fail their item at once, " +
                "specs already computed complete at once from storage, the rest run on the workers. Progress (done/total/failed) and " +
                "per-item status/error at GET /api/v1/jobs/{id}; per-item results (derived image URL, size) at GET /api/v1/batch/{id}.")
            .Produces<BatchResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/batch/{id:guid}", GetAsync)
            .WithName("GetBatch")
            .WithSummary("Progress and per-item results or errors of a batch or pipeline job")
            .Produces<ProcessingJobResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IResult> SubmitAsync(BatchRequest? request, ClaimsPrincipal caller, ProcessingSubmissions submissions, CancellationToken ct) =>
        OperationProblems.GuardAsync(async () =>
        {
            var response = await submissions.SubmitBatchAsync(request ?? new BatchRequest(null, null), caller, ct);
            return TypedResults.Accepted(response.Links.Job, response);
        });

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal caller, JobRepository jobs, CancellationToken ct)
    {
        var job = await jobs.GetAsync(id, caller.OwnerScope(), ct);
        if (job is null || job.Type is not (ProcessingSubmissions.ProcessJobType or ProcessingSubmissions.BatchJobType))
        {
            return ApiProblems.NotFound("batch or pipeline job", id);
        }

        var finished = job.Done + job.Failed;
        return TypedResults.Ok(new ProcessingJobResponse(
            job.Id,
            job.Type,
            job.Status,
            new ProcessingProgress(job.Total, job.Done, job.Failed, job.Total == 0 ? 1 : (double)finished / job.Total),
            job.Items.Select(i => new ProcessingItemStatus(
                i.Index, i.ImageId, i.Status,
                i.ResultJson is null ? null : JsonSerializer.Deserialize<ProcessingResult>(i.ResultJson, Json),
                i.Error)).ToList(),
            job.CreatedAt,
            job.UpdatedAt));
    }
}
