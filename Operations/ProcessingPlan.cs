using System.Security.Cryptography;
using System.Text;
using VisionAspire.Contracts;
using VisionAspire.Imaging;

namespace VisionAspire.Operations;

/// <summary>
/// A validated, ordered list of operations and how to encode the result. Its <see cref="Canonical"/> text
/// identifies the spec: together with the source's sha256 it names the derived image in storage.
/// </summary>
public sealed record ProcessingPlan(IReadOnlyList<ImageOperation> Steps, OutputEncoding Output)
{
    public static IReadOnlyList<string> OperationNames { get; } =
        [ResizeOperation.OperationName, CropOperation.OperationName, FilterOperation.OperationName, EnhanceOperation.OperationName, OutputEncoding.OperationName];

    public string Canonical => string.Join("|", Steps.Select(s => s.Canonical).Append(Output.Canonical));

    /// <summary>Parses one operation from its name and raw parameters (a synchronous endpoint's query string).</summary>
    public static ImageOperation ParseStep(string op, OperationArguments args, OperationLimits limits) => op switch
    {
        ResizeOperation.OperationName => ResizeOperation.Parse(args, limits),
        CropOperation.OperationName => CropOperation.Parse(args, limits),
        FilterOperation.OperationName => FilterOperation.Parse(args),
        EnhanceOperation.OperationName => EnhanceOperation.Parse(args),
        _ => throw new ParameterException("op", $"must be one of {string.Join(", ", OperationNames)}; got '{op}'."),
    };

    /// <summary>Parses a pipeline: 1 to <see cref="OperationLimits.MaxOperationsPerPipeline"/> steps; "convert", if present, last.</summary>
    public static ProcessingPlan Parse(IReadOnlyList<OperationSpecV1>? operations, OperationLimits limits, string field = "operations")
    {
        if (operations is null || operations.Count == 0 || operations.Count > limits.MaxOperationsPerPipeline)
        {
            throw new ParameterException(field,
                $"must hold 1 to {limits.MaxOperationsPerPipeline} operations; got {operations?.Count ?? 0}.");
        }

        var steps = new List<ImageOperation>();
        var output = OutputEncoding.SourceFormat;
        for (var i = 0; i < operations.Count; i++)
        {
            var spec = operations[i];
            var prefix = $"{field}[{i}].";
            if (spec is null || string.IsNullOrWhiteSpace(spec.Op))
            {
                throw new ParameterException(prefix + "op", $"is required; it must be one of {string.Join(", ", OperationNames)}.");
            }

            var args = OperationArguments.FromJson(spec.Params, prefix + "params.");
            var name = spec.Op.Trim().ToLowerInvariant();
            if (name == OutputEncoding.OperationName)
            {
                if (i != operations.Count - 1)
                {
                    throw new ParameterException(prefix + "op", "convert must be the last operation.");
                }

                args.RejectUnknown(OutputEncoding.Specs(allowAuto: false), OutputEncoding.OperationName);
                output = OutputEncoding.Parse(args, allowAuto: false, out _);
                continue;
            }

            try
            {
                steps.Add(ParseStep(name, args, limits));
            }
            catch (ParameterException ex) when (ex.Field == "op")
            {
                throw new ParameterException(prefix + "op", ex.Message);
            }
        }

        return new ProcessingPlan(steps, output);
    }

    /// <summary>Hex sha256 of the source's sha256 and the canonical spec with the output format resolved for that source.</summary>
    public string ResultHash(string sourceSha256, ImageFormat sourceFormat)
    {
        var resolved = this with { Output = Output with { Format = Output.Resolve(sourceFormat) } };
        var text = $"{sourceSha256.ToLowerInvariant()}\n{resolved.Canonical}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
