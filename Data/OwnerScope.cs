using Npgsql;

namespace VisionAspire.Data;

/// <summary>
/// Whose rows a query may see and change: one user's (<see cref="Of"/>), or every row, ownerless ones included
/// (<see cref="Everyone"/>: admins, and the pipeline's own services). Repositories put it into their SQL, so a row of
/// another owner is never read, rather than read and then hidden.
/// </summary>
public sealed class OwnerScope
{
    public const string Parameter = "scope_owner";

    private OwnerScope(Guid? userId) => UserId = userId;

    public static OwnerScope Everyone { get; } = new(null);

    /// <summary>The user whose rows are visible; null for <see cref="Everyone"/>.</summary>
    public Guid? UserId { get; }

    public static OwnerScope Of(Guid userId) => new(userId);

    /// <summary>Whether a row owned by <paramref name="ownerId"/> (null: ownerless) is visible, for rows read from a cache.</summary>
    public bool Allows(Guid? ownerId) => UserId is null || UserId == ownerId;

    /// <summary>A SQL condition on <paramref name="column"/> (qualify it where the query joins), true for <see cref="Everyone"/>.</summary>
    public string Condition(string column) => UserId is null ? "TRUE" : $"{column} = @{Parameter}";

    public void AddParameter(NpgsqlParameterCollection parameters)
    {
        if (UserId is { } userId)
        {
            parameters.AddWithValue(Parameter, userId);
        }
    }

    public override string ToString() => UserId is { } id ? $"owner {id}" : "everyone";
}
