using System.Security.Claims;
using Microsoft.Extensions.Options;
using VisionAspire.Api.Auth;
using VisionAspire.Api.Extensions;
using VisionAspire.Api.Problems;
using VisionAspire.Data;

namespace VisionAspire.Api.Images;

/// <summary>POST /api/v1/images[?tasks=...&amp;model=...]: validate the tasks and every file first (all or nothing), then store and publish.</summary>
public static class UploadImages
{
    public const string FilePartName = "file";

    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        ClaimsPrincipal caller,
        UploadValidator validator,
        ImageUploader uploader,
        IOptions<UploadOptions> options,
        ModelRegistryRepository registry,
        CancellationToken ct)
    {
        var limits = options.Value;
        var (form, formProblem) = await UploadForm.ReadAsync(request, limits, FilePartName, ct);
        if (form is null)
        {
            return formProblem!;
        }

        var (tasks, taskProblem) = UploadTasks.Read(request, form);
        if (taskProblem is not null)
        {
            return taskProblem;
        }

        var (classifyModel, modelProblem) = await UploadModel.ReadAsync(request, form, tasks, registry, ct);
        if (modelProblem is not null)
        {
            return modelProblem;
        }

        var parts = form.Files.GetFiles(FilePartName);
        if (parts.Count == 0)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "No file",
                $"The form has no part named '{FilePartName}'.");
        }

        if (parts.Count > limits.MaxFiles)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "Too many files",
                $"{parts.Count} files sent; at most {limits.MaxFiles} per request.");
        }

        var files = new List<ValidatedFile>(parts.Count);
        foreach (var part in parts)
        {
            var (file, rejection) = validator.Validate(UploadFileName.Sanitize(part.FileName), await part.ReadAllBytesAsync(ct));
            if (rejection is not null)
            {
                return ApiProblems.Of(rejection.Status, rejection.Title, rejection.Detail);
            }

            files.Add(file!);
        }

        var (jobId, accepted) = await uploader.AcceptAsync(files, tasks, caller.UserId(), ct, classifyModel);
        var images = accepted
            .Select(a => new UploadedImageResponse(a.Image.Id, a.Image.Status, a.Duplicate, ImageLinksFactory.For(a.Image.Id, jobId), a.Image.Tasks))
            .ToList();
        return TypedResults.Accepted(images[0].Links.Self, new UploadResponse(jobId, images));
    }
}
