using System.Globalization;

namespace VisionAspire.Operations.Bench;

internal sealed record BenchArguments(int Operations, string? ApiUrl, string Photo, IReadOnlyList<int> Concurrencies)
{
    public static BenchArguments Parse(string[] args)
    {
        var result = new BenchArguments(48, null, "car_plate_bmw.jpg", [2, 8]);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result = args[i] switch
            {
                "--ops" => result with { Operations = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--api" => result with { ApiUrl = args[i + 1] },
                "--photo" => result with { Photo = args[i + 1] },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --ops N, --api URL, --photo NAME."),
            };
        }

        return result;
    }
}
