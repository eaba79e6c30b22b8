using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace VisionAspire.Storage;

/// <summary>
/// Objects in one S3 bucket (MinIO, AWS, or any S3-compatible endpoint), path-style addressing.
/// The bucket is created on first use when missing. Thread-safe.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly SemaphoreSlim _bucketGate = new(1, 1);
    private volatile bool _bucketReady;

    public S3ObjectStore(IAmazonS3 s3, string bucket)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        _s3 = s3;
        _bucket = bucket;
    }

    public S3ObjectStore(Uri endpoint, string accessKey, string secretKey, string bucket)
        : this(CreateClient(endpoint, accessKey, secretKey), bucket)
    {
    }

    public string Bucket => _bucket;

    public static AmazonS3Client CreateClient(Uri endpoint, string accessKey, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var config = new AmazonS3Config
        {
            ServiceURL = endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            // MinIO and other S3 look-alikes do not all speak the newer trailing-checksum encoding.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        return new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config);
    }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> data, string contentType, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        await EnsureBucketAsync(ct).ConfigureAwait(false);

        using var body = AsStream(data);
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            AutoCloseStream = false,
        }, ct).ConfigureAwait(false);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
            var data = await ReadAllAsync(response.ResponseStream, response.ContentLength, ct).ConfigureAwait(false);
            return new StoredObject(data, response.Headers.ContentType ?? "application/octet-stream");
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        try
        {
            await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        ObjectKey.Validate(key);
        await EnsureBucketAsync(ct).ConfigureAwait(false);
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
    }

    /// <summary>Creates the bucket when missing; safe to call repeatedly and concurrently.</summary>
    public async Task EnsureBucketAsync(CancellationToken ct = default)
    {
        if (_bucketReady)
        {
            return;
        }
        await _bucketGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_bucketReady)
            {
                return;
            }
            try
            {
                await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket }, ct).ConfigureAwait(false);
            }
            catch (AmazonS3Exception ex) when (ex.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
            {
            }
            _bucketReady = true;
        }
        finally
        {
            _bucketGate.Release();
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _bucketGate.Dispose();
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);

    private static async Task<byte[]> ReadAllAsync(Stream stream, long contentLength, CancellationToken ct)
    {
        if (contentLength is >= 0 and <= int.MaxValue)
        {
            var buffer = GC.AllocateUninitializedArray<byte>((int)contentLength);
            await stream.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
            return buffer;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct).ConfigureAwait(false);
        return copy.ToArray();
    }
}
