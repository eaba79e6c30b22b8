using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VisionAspire.Api.DeadLetters;
using VisionAspire.Api.Images;
using VisionAspire.Messaging;
using VisionAspire.Shared;

namespace VisionAspire.Api.Extensions;

public static class ApiServiceExtensions
{
    private const int FormFileMemoryThreshold = 4 * 1024 * 1024;

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddVisionBackends();

        var upload = builder.Configuration.GetSection(UploadOptions.Section);
        builder.Services.Configure<UploadOptions>(upload);
        var maxBytes = upload.Get<UploadOptions>()?.MaxBytes ?? new UploadOptions().MaxBytes;
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = maxBytes;
            // Photos are read into memory right after the form anyway; below this size a file part is not
            // spilled to a temp file first (the 64 KiB default wrote, re-read and deleted nearly every upload).
            o.MemoryBufferThreshold = FormFileMemoryThreshold;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBytes);

        builder.Services.AddSingleton<UploadValidator>();
        builder.Services.AddScoped<ImageUploader>();
        builder.Services.AddSingleton(sp => new UnpublishedUploads(sp.GetRequiredService<IOptions<UploadOptions>>().Value.UnpublishedCapacity));
        builder.Services.AddScoped<ImageQueries>();
        builder.Services.AddScoped<OriginalImageSource>();
        builder.Services.AddHostedService<UploadedImageSweeper>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<JobProgress>();
        builder.Services.AddHostedService<DeadLetterRecorder>();
        // The queue depths are the broker's, the same from every service: the Api alone reports them.
        builder.Services.AddSingleton<QueueStatusReader>();
        builder.Services.AddHostedService<QueueDepthMetrics>();
    }
}
