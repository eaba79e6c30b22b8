namespace VisionAspire.Api.People;

/// <summary>The fields of a person; errors map a field to what is wrong with it (empty when valid).</summary>
public static class PersonValidation
{
    public const int MaxLength = 200;

    public static Dictionary<string, string[]> Check(string? name, string? externalId, bool nameRequired)
    {
        var errors = new Dictionary<string, string[]>();
        if (name is null ? nameRequired : name.Trim().Length is 0 or > MaxLength)
        {
            errors["name"] = [$"name is required: 1-{MaxLength} characters, not only spaces."];
        }
        if (externalId is not null && externalId.Trim().Length is 0 or > MaxLength)
        {
            errors["externalId"] = [$"externalId must be 1-{MaxLength} characters, not only spaces, when given."];
        }
        return errors;
    }
}
