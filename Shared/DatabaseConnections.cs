using Microsoft.Extensions.Configuration;
using Npgsql;

namespace VisionAspire.Shared;

/// <summary>Client-side tuning of the services' Postgres connection string.</summary>
public static class DatabaseConnections
{
    private const int AutoPreparedStatements = 64;

    /// <summary>
    /// Turns on Npgsql's automatic statement preparation for connection string <paramref name="connectionName"/>
    /// (unless it sets Max Auto Prepare itself): the services run a few dozen statements over and over, and a
    /// prepared one skips Postgres' parse and plan on every call. Call before the data source is built.
    /// </summary>
    public static void EnableAutoPrepare(IConfiguration configuration, string connectionName)
    {
        var key = $"ConnectionStrings:{connectionName}";
        if (configuration[key] is not { Length: > 0 } value)
        {
            return;   // the data source registration reports the missing connection string
        }

        var connection = new NpgsqlConnectionStringBuilder(value);
        if (connection.MaxAutoPrepare > 0)
        {
            return;
        }

        connection.MaxAutoPrepare = AutoPreparedStatements;
        configuration[key] = connection.ConnectionString;
    }
}
