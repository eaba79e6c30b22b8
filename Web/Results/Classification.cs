using System.Text.Json;
using VisionAspire.Web.Api;

namespace VisionAspire.Web.Results;

public sealed record RankedLabel(int Rank, string Label, float? Confidence);

/// <summary>The ImageNet top-5 (by the rank in each payload) and the CIFAR-10 label of an image's predictions.</summary>
public sealed record Classification(IReadOnlyList<RankedLabel> Top, RankedLabel? Cifar10)
{
    public const string ClassificationTask = "classification";
    public const string Cifar10Task = "cifar10";

    public bool IsEmpty => Top.Count == 0 && Cifar10 is null;

    public static Classification From(IEnumerable<Prediction> predictions)
    {
        var all = predictions.ToList();
        var top = all
            .Where(p => p.Task == ClassificationTask && p.Label is not null)
            .Select(p => new RankedLabel(RankOf(p) ?? int.MaxValue, p.Label!, p.Confidence))
            .OrderBy(l => l.Rank).ThenByDescending(l => l.Confidence)
            .Take(5)
            .Select((l, i) => l with { Rank = i + 1 })
            .ToList();
        var cifar = all.FirstOrDefault(p => p.Task == Cifar10Task && p.Label is not null);
        return new Classification(top, cifar is null ? null : new RankedLabel(1, cifar.Label!, cifar.Confidence));
    }

    private static int? RankOf(Prediction p) =>
        p.Payload is { ValueKind: JsonValueKind.Object } payload
        && payload.TryGetProperty("rank", out var rank) && rank.ValueKind == JsonValueKind.Number
            ? rank.GetInt32()
            : null;
}
