using System.Globalization;
using System.Text.RegularExpressions;
using VisionAspire.Bench.Ocr;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.TestSupport;

// OCR ms/image on the two shared OCR images: OcrReader (PP-OCRv4 det + cls + rec, in-process, after warm-up) next
// to Debian's tesseract 5 CLI (one process per image, as it is used) in the same run, rounds interleaved so a drift
// in machine speed falls on both; character accuracy of both on ocr_testocr.png.
//   apt-get install -y tesseract-ocr   (the bench's setup only)
//   dotnet run -c Release --project bench/Ocr -- [--rounds N] [--threads N]
var rounds = 10;
var threads = 1;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--rounds":
            rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--threads":
            threads = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        default:
            throw new ArgumentException($"unknown option {args[i]}; use --rounds N, --threads N (ONNX Runtime intra-op threads)");
    }
}

string[] images = ["ocr_testocr.png", "ocr_bank_statement.png"];
using var reader = new OcrReader(ModelStore.CreateDefault(InferenceOptions.Default with { IntraOpThreads = threads }));
var pixels = images.ToDictionary(name => name, name =>
{
    using var image = VipsImage.LoadFile(SharedImages.PathOf(name));
    return image.ToPixels();
});

// Warm-up: sessions, pooled buffers, tesseract's page cache.
var ours = images.ToDictionary(name => name, name => reader.Read(pixels[name]).Text);
var theirs = images.ToDictionary(name => name, name => TesseractCli.Read(SharedImages.PathOf(name), threadLimit: null));
var theirsOneThread = images.ToDictionary(name => name, name => TesseractCli.Read(SharedImages.PathOf(name), threadLimit: 1));

var timings = images.ToDictionary(name => name, _ => (Ours: new Samples(), Theirs: new Samples(), TheirsOneThread: new Samples()));
for (var round = 0; round < rounds; round++)
{
    foreach (var name in images)
    {
        timings[name].Ours.Measure(() => reader.Read(pixels[name]), CpuTime.OfThisProcess);
        timings[name].Theirs.Measure(() => TesseractCli.Read(SharedImages.PathOf(name), threadLimit: null), CpuTime.OfChildren);
        timings[name].TheirsOneThread.Measure(() => TesseractCli.Read(SharedImages.PathOf(name), threadLimit: 1), CpuTime.OfChildren);
    }
}

Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores; {rounds} rounds after warm-up; OcrReader with {threads} ONNX Runtime intra-op thread(s); {TesseractCli.Version()} (default settings, `tesseract IMAGE stdout`)"));
Console.WriteLine();
Console.WriteLine("Medians per image; wall = elapsed ms, cpu = CPU ms (user + system) of the engine's process(es); ratio = tesseract / OcrReader (> 1: OcrReader faster).");
Console.WriteLine();
Console.WriteLine("| image | measure | OcrReader | tesseract (OpenMP default) | ratio | tesseract (OMP_THREAD_LIMIT=1) | ratio |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
foreach (var name in images)
{
    var (o, t, t1) = timings[name];
    Console.WriteLine(Invariant($"| {name} | wall ms | {o.WallMedian:0} | {t.WallMedian:0} | {t.WallMedian / o.WallMedian:0.00} | {t1.WallMedian:0} | {t1.WallMedian / o.WallMedian:0.00} |"));
    Console.WriteLine(Invariant($"| {name} | cpu ms | {o.CpuMedian:0} | {t.CpuMedian:0} | {t.CpuMedian / o.CpuMedian:0.00} | {t1.CpuMedian:0} | {t1.CpuMedian / o.CpuMedian:0.00} |"));
}

Console.WriteLine();
Console.WriteLine("| engine | ocr_testocr.png character accuracy | same, whitespace ignored | ocr_bank_statement.png: dates and amounts found |");
Console.WriteLine("|---|---:|---:|---:|");
Console.WriteLine(AccuracyRow("OcrReader (PP-OCRv4)", ours));
Console.WriteLine(AccuracyRow("tesseract", theirs));
Console.WriteLine(AccuracyRow("tesseract, 1 thread", theirsOneThread));
Console.WriteLine();
foreach (var (engine, texts) in new[] { ("OcrReader", ours), ("tesseract", theirs) })
{
    Console.WriteLine($"--- {engine}, ocr_testocr.png:\n{OcrGroundTruth.Normalise(texts["ocr_testocr.png"])}");
}

static string AccuracyRow(string engine, Dictionary<string, string> texts)
{
    var testOcr = texts["ocr_testocr.png"];
    var accuracy = OcrGroundTruth.CharacterAccuracy(OcrGroundTruth.TestOcr, testOcr);
    var withoutSpaces = OcrGroundTruth.CharacterAccuracy(Regex.Replace(OcrGroundTruth.TestOcr, @"\s+", ""), Regex.Replace(testOcr, @"\s+", ""));
    var bank = Regex.Replace(texts["ocr_bank_statement.png"], @"\s+", "");
    var found = OcrGroundTruth.BankStatementValues.Count(bank.Contains);
    return Invariant($"| {engine} | {accuracy:0.0000} | {withoutSpaces:0.0000} | {found} of {OcrGroundTruth.BankStatementValues.Count} |");
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
