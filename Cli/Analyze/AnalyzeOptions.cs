namespace VisionAspire.Cli.Analyze;

public sealed record AnalyzeOptions(IReadOnlyList<string> Inputs, AnalysisTasks Tasks, string Detector, bool Json)
{
    private static readonly Dictionary<string, AnalysisTasks> TaskNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["faces"] = AnalysisTasks.Faces,
        ["classify"] = AnalysisTasks.Classify,
        ["objects"] = AnalysisTasks.Objects,
        ["embed"] = AnalysisTasks.Embed,
        ["ocr"] = AnalysisTasks.Ocr,
    };

    public static AnalyzeOptions Parse(string[] args)
    {
        var inputs = new List<string>();
        var tasks = AnalysisTasks.Faces | AnalysisTasks.Classify | AnalysisTasks.Objects;
        var detector = "ultraface";
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--tasks":
                    tasks = ParseTasks(Value(args, ref i));
                    break;
                case "--detector":
                    detector = Value(args, ref i);
                    if (detector is not ("ultraface" or "yunet"))
                    {
                        throw new UsageException("--detector must be ultraface or yunet");
                    }
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option '{option}'");
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }
        if (inputs.Count == 0)
        {
            throw new UsageException("analyze needs at least one file or folder");
        }
        return new AnalyzeOptions(inputs, tasks, detector, json);
    }

    private static AnalysisTasks ParseTasks(string list)
    {
        var tasks = AnalysisTasks.None;
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            tasks |= TaskNames.TryGetValue(name, out var task)
                ? task
                : throw new UsageException($"unknown task '{name}' (known: {string.Join(", ", TaskNames.Keys)})");
        }
        return tasks == AnalysisTasks.None ? throw new UsageException("--tasks is empty") : tasks;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new UsageException($"{args[i - 1]} needs a value");
}

[Flags]
public enum AnalysisTasks
{
    None = 0,
    Faces = 1,
    Classify = 2,
    Objects = 4,
    Embed = 8,
    Ocr = 16,
}
