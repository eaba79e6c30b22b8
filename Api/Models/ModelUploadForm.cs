using System.Text.RegularExpressions;
using VisionAspire.Api.Extensions;
using VisionAspire.Models.Registry;

namespace VisionAspire.Api.Models;

/// <summary>
/// The parts of POST /api/v1/models: id, optional version, the ONNX file ("file"), the labels file ("labels") and the
/// input spec ("spec", JSON, as a field or a file part). <see cref="ReadAsync"/> throws <see cref="ModelFormException"/>
/// (400) for a missing or malformed part.
/// </summary>
public sealed partial record ModelUploadForm(string ModelId, string? Version, byte[] Onnx, byte[] Labels, string SpecJson)
{
    public const string IdField = "id";
    public const string VersionField = "version";
    public const string FileField = "file";
    public const string LabelsField = "labels";
    public const string SpecField = "spec";

    public static async Task<ModelUploadForm> ReadAsync(IFormCollection form, CancellationToken ct)
    {
        var id = Name(form, IdField, required: true)!;
        var version = Name(form, VersionField, required: false);
        var onnx = form.Files.GetFile(FileField) ?? throw new ModelFormException($"The form has no '{FileField}' part (the ONNX model).");
        var labels = form.Files.GetFile(LabelsField) ?? throw new ModelFormException($"The form has no '{LabelsField}' part (the labels file, one per line).");
        var spec = form.Files.GetFile(SpecField) is { } specFile
            ? System.Text.Encoding.UTF8.GetString(await specFile.ReadAllBytesAsync(ct))
            : form[SpecField].ToString();
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new ModelFormException($"The form has no '{SpecField}' (the input spec as JSON: width, height, layout, colour, mean, std, scale, softmax).");
        }
        return new ModelUploadForm(id, version, await onnx.ReadAllBytesAsync(ct), await labels.ReadAllBytesAsync(ct), spec);
    }

    private static string? Name(IFormCollection form, string field, bool required)
    {
        var value = form[field].ToString().Trim();
        if (value.Length == 0)
        {
            return required ? throw new ModelFormException($"The form has no '{field}'.") : null;
        }
        return ModelName().IsMatch(value)
            ? value
            : throw new ModelFormException($"'{field}' must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit; got '{value}'.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex ModelName();
}

/// <summary>A part of the model upload form is missing or malformed (400).</summary>
public sealed class ModelFormException(string message) : Exception(message);
