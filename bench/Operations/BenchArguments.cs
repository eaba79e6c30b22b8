using System.Globalization;

namespace VisionAspire.Operations.Bench;

/// <param name="SharpUrl">A running sharp service (sharp-resize-server.cjs) measured with the same client as the Api.</param>
/// <param name="Original">Use the photo as it is instead of scaling it to 2700x2200 first.</param>
internal sealed record BenchArguments(int Operations, string? ApiUrl, string? SharpUrl, string Photo, bool Original, IReadOnlyList<int> Concurrencies)
{
    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments(48, null, null, "car_plate_bmw.jpg", false, [2, 8]);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--original")
            {
                result = result with { Original = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value.");
            }

            result = args[i] switch
            {
                "--ops" => result with { Operations = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--api" => result with { ApiUrl = args[++i] },
                "--sharp" => result with { SharpUrl = args[++i] },
                "--photo" => result with { Photo = args[++i] },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --ops N, --api URL, --sharp URL, --photo NAME, --original."),
            };
        }

        return result;
    }
}
