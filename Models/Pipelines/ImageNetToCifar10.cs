namespace VisionAspire.Models;

/// <summary>
/// Derives a CIFAR-10 label from ImageNet-1k predictions (no CIFAR-10 model with a clear license exists for us).
///
/// Each CIFAR-10 class owns a set of ImageNet class indices (0-based, the standard ILSVRC-2012 order of
/// imagenet1k_labels.txt). The probability of a CIFAR-10 class is the sum of the probabilities of the
/// ImageNet classes it owns among the given predictions; the label is the class with the largest sum, or
/// "none" when that sum is below <see cref="MinConfidence"/> (e.g. a bowl of apples, a bedroom, or a brown
/// bear whose top-5 tail holds a dog breed at 0.1 %).
///
///   airplane   404 airliner, 895 warplane, 405 airship, 908 wing
///   automobile 407 ambulance, 436 beach wagon, 468 cab, 511 convertible, 609 jeep, 627 limousine, 656 minivan,
///              661 Model T, 751 racer, 817 sports car, 479 car wheel, 573 go-kart, 575 golfcart
///   bird       7-24 (cock .. great grey owl), 80-100 (grouse .. black swan), 127-146 (stork .. albatross)
///   cat        281-285 (tabby .. Egyptian cat)
///   deer       351 hartebeest, 352 impala, 353 gazelle (CIFAR's "deer" images include antelope-like animals)
///   dog        151-268 (Chihuahua .. Mexican hairless)
///   frog       30-32 (bullfrog, tree frog, tailed frog)
///   horse      339 sorrel, 603 horse cart
///   ship       403 aircraft carrier, 472 canoe, 484 catamaran, 510 container ship, 554 fireboat, 576 gondola,
///              625 lifeboat, 628 liner, 724 pirate ship, 780 schooner, 814 speedboat, 833 submarine,
///              871 trimaran, 913 wreck, 914 yawl
///   truck      555 fire engine, 569 garbage truck, 675 moving van, 717 pickup, 734 police van, 864 tow truck,
///              867 trailer truck, 586 half track, 803 snowplow
///
/// Thread-safe: immutable tables.
/// </summary>
public static class ImageNetToCifar10
{
    public const string None = "none";

    /// <summary>Least summed probability for a CIFAR-10 label; below it the image is "none" of the ten.</summary>
    public const float MinConfidence = 0.1f;

    public static readonly IReadOnlyList<string> Labels =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    private static readonly Dictionary<int, string> ClassOf = Build();

    public sealed record Cifar10Label(string Label, float Confidence);

    /// <summary>The CIFAR-10 class with the most ImageNet probability mass, or <see cref="None"/> with the unassigned mass as confidence.</summary>
    public static Cifar10Label Map(IReadOnlyList<Classification> imageNet)
    {
        var mass = new Dictionary<string, float>();
        foreach (var prediction in imageNet)
        {
            if (ClassOf.TryGetValue(prediction.ClassId, out var cifar))
            {
                mass[cifar] = mass.GetValueOrDefault(cifar) + prediction.Score;
            }
        }

        var best = mass.Count == 0 ? default : mass.MaxBy(kv => kv.Value);
        if (best.Value < MinConfidence)
        {
            var unassigned = 1f - mass.Values.Sum();
            return new Cifar10Label(None, Math.Clamp(unassigned, 0f, 1f));
        }

        return new Cifar10Label(best.Key, Math.Min(best.Value, 1f));
    }

    /// <summary>The CIFAR-10 class an ImageNet class index belongs to, or null.</summary>
    public static string? ClassFor(int imageNetClassId) => ClassOf.GetValueOrDefault(imageNetClassId);

    private static Dictionary<int, string> Build()
    {
        var map = new Dictionary<int, string>();
        void Add(string label, params IEnumerable<int>[] groups)
        {
            foreach (var id in groups.SelectMany(g => g))
            {
                map.Add(id, label);
            }
        }

        static IEnumerable<int> Range(int first, int last) => Enumerable.Range(first, last - first + 1);

        Add("airplane", [404, 895, 405, 908]);
        Add("automobile", [407, 436, 468, 511, 609, 627, 656, 661, 751, 817, 479, 573, 575]);
        Add("bird", Range(7, 24), Range(80, 100), Range(127, 146));
        Add("cat", Range(281, 285));
        Add("deer", [351, 352, 353]);
        Add("dog", Range(151, 268));
        Add("frog", Range(30, 32));
        Add("horse", [339, 603]);
        Add("ship", [403, 472, 484, 510, 554, 576, 625, 628, 724, 780, 814, 833, 871, 913, 914]);
        Add("truck", [555, 569, 675, 717, 734, 864, 867, 586, 803]);
        return map;
    }
}
