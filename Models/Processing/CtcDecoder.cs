namespace VisionAspire.Models.Processing;

/// <summary>
/// Greedy CTC decoding: the most likely class per time step, repeats of the previous step and the blank (class 0)
/// dropped; class k (1-based) is line k of the dictionary and the class after the dictionary is a space.
/// The confidence is the mean probability of the kept steps (0 when none is kept).
/// </summary>
internal sealed class CtcDecoder(IReadOnlyList<string> dictionary)
{
    public int ClassCount => dictionary.Count + 2;

    public (string Text, float Confidence) Decode(ReadOnlySpan<float> steps)
    {
        var text = new System.Text.StringBuilder();
        var previous = -1;
        double sum = 0;
        var kept = 0;
        for (var offset = 0; offset + ClassCount <= steps.Length; offset += ClassCount)
        {
            var probabilities = steps.Slice(offset, ClassCount);
            var best = 0;
            for (var k = 1; k < probabilities.Length; k++)
            {
                if (probabilities[k] > probabilities[best])
                {
                    best = k;
                }
            }
            if (best != 0 && best != previous)
            {
                text.Append(best <= dictionary.Count ? dictionary[best - 1] : " ");
                sum += probabilities[best];
                kept++;
            }
            previous = best;
        }
        return (text.ToString(), kept == 0 ? 0 : (float)(sum / kept));
    }
}
