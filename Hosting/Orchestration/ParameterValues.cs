using System.Text.Json;
using Microsoft.Extensions.Configuration;
using VisionAspire.Hosting.ApplicationModel;
using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>
/// Parameter values for run mode: configuration "Parameters:name" first, else the value saved in
/// &lt;state&gt;/parameters.json, else the default or a generated value, saved there (mode 0600). Thread-safe.
/// </summary>
internal sealed class ParameterValues(string stateDirectory, IConfiguration configuration)
{
    private readonly Lock _gate = new();
    private readonly string _file = Path.Combine(stateDirectory, "parameters.json");
    private Dictionary<string, string>? _saved;

    public string Get(ParameterResource parameter)
    {
        if (configuration[$"Parameters:{parameter.Name}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        lock (_gate)
        {
            _saved ??= File.Exists(_file)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_file)) ?? []
                : [];
            if (!_saved.TryGetValue(parameter.Name, out var value))
            {
                _saved[parameter.Name] = value = parameter.DefaultValue ?? Passwords.Generate();
                File.WriteAllText(_file, JsonSerializer.Serialize(_saved, new JsonSerializerOptions { WriteIndented = true }));
                FileModes.OwnerOnly(_file);
            }
            return value;
        }
    }
}
