using Npgsql;

namespace VisionAspire.Shared;

/// <summary>Client-side tuning of the services' Postgres data source.</summary>
public static class DatabaseConnections
{
    private const int AutoPreparedStatements = 64;

    /// <summary>
    /// Turns on Npgsql's automatic statement preparation (unless the connection string sets Max Auto Prepare
    /// itself): the services run a few dozen statements over and over, and a prepared one skips Postgres' parse
    /// and plan on every call.
    /// </summary>
    public static void EnableAutoPrepare(NpgsqlDataSourceBuilder dataSource)
    {
        if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }
    }
}
