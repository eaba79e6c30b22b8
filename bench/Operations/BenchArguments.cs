using System.Globalization;

namespace VisionAspire.Operations.Bench;

/// <param name="SharpUrl">A running sharp service (sharp-resize-server.cjs) measured with the same client as the Api.</param>
/// <param name="ApiProcessId">The process of --api URL, whose CPU per operation is then measured (--api-pid).</param>
/// <param name="SharpProcessId">The same for --sharp URL (--sharp-pid).</param>
/// <param name="Original">Use the photo as it is instead of scaling it to 2700x2200 first.</param>
/// <param name="WarmupOperations">Operations of the unmeasured pass each service gets before the rounds against sharp
/// (--warmup; default: one measurement's worth).</param>
internal sealed record BenchArguments(
    int Operations, int? WarmupOperations, string? ApiUrl, string? SharpUrl, int? ApiProcessId, int? SharpProcessId, string Photo, bool Original, IReadOnlyList<int> Concurrencies)
{
    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments(48, null, null, null, null, null, "car_plate_bmw.jpg", false, [2, 8]);
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
                "--warmup" => result with { WarmupOperations = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--api" => result with { ApiUrl = args[++i] },
                "--sharp" => result with { SharpUrl = args[++i] },
                "--api-pid" => result with { ApiProcessId = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--sharp-pid" => result with { SharpProcessId = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--photo" => result with { Photo = args[++i] },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --ops N, --warmup N, --api URL, --api-pid PID, --sharp URL, --sharp-pid PID, --photo NAME, --original."),
            };
        }

        return result;
    }
}
