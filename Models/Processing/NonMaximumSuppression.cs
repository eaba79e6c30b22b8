namespace VisionAspire.Models.Processing;

/// <summary>A scored corner box before suppression.</summary>
internal readonly record struct Candidate(float X1, float Y1, float X2, float Y2, float Score, int ClassId, int Index)
{
    public float Area => Math.Max(0, X2 - X1) * Math.Max(0, Y2 - Y1);
}

internal static class NonMaximumSuppression
{
    /// <summary>
    /// Hard NMS: best first, dropping any box whose IoU with a kept box of the same class exceeds
    /// <paramref name="iouThreshold"/>. With <paramref name="perClass"/> false, classes are ignored.
    /// </summary>
    public static List<Candidate> Apply(List<Candidate> candidates, float iouThreshold, bool perClass)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            var suppressed = false;
            foreach (var winner in kept)
            {
                if ((!perClass || winner.ClassId == candidate.ClassId) && IoU(winner, candidate) > iouThreshold)
                {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }
        return kept;
    }

    public static float IoU(in Candidate a, in Candidate b)
    {
        var w = Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1);
        var h = Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }
        var intersection = w * h;
        return intersection / (a.Area + b.Area - intersection);
    }
}
