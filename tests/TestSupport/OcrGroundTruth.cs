using System.Text.RegularExpressions;

namespace VisionAspire.TestSupport;

/// <summary>The printed text of the shared OCR images (shared/images/README.md) and the character accuracy used to score readers.</summary>
public static partial class OcrGroundTruth
{
    /// <summary>The eight lines printed in ocr_testocr.png.</summary>
    public const string TestOcr =
        "This is a lot of 12 point text to test the\n" +
        "ocr code and see if it works on all types\n" +
        "of file format.\n" +
        "The quick brown dog jumped over the\n" +
        "lazy fox. The quick brown dog jumped\n" +
        "over the lazy fox. The quick brown dog\n" +
        "jumped over the lazy fox. The quick\n" +
        "brown dog jumped over the lazy fox.";

    /// <summary>
    /// Dates and amounts printed in ocr_bank_statement.png (each distinct value once), for a whitespace-free
    /// comparison: PP-OCRv4 often drops the spaces between words.
    /// </summary>
    public static IReadOnlyList<string> BankStatementValues { get; } =
    [
        "FIRSTCHEQUING", "100,000.00", "31Jul2018", "99,878.08", "01Aug2018", "4987", "36.07", "99,914.15",
        "800.04", "100,775.12", "823.34", "101,598.46", "14.54", "101,583.92", "32,414.50", "68,769.42",
        "1,500.00", "70,269.42", "02Aug2018", "48.08", "70,317.50", "70.51", "70,388.01", "500.00", "70,888.01",
    ];

    /// <summary>
    /// <c>1 - Levenshtein(expected, actual) / length(expected)</c> after normalising both: whitespace runs within a
    /// line collapsed to one space, lines trimmed, empty lines dropped, lines joined with a newline (MANIFEST section 6).
    /// </summary>
    public static double CharacterAccuracy(string expected, string actual)
    {
        var truth = Normalise(expected);
        return 1 - (double)Levenshtein(truth, Normalise(actual)) / truth.Length;
    }

    public static string Normalise(string text) =>
        string.Join('\n', text.Split('\n')
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0));

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Whitespace();
}
