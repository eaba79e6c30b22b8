using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Npgsql;
using StackExchange.Redis;

namespace VisionAspire.Shared;

/// <summary>
/// Tells a backend that cannot be reached for now (Postgres restarting or refusing connections, Redis down, the object
/// store unreachable) from a failure of the work itself. Consumers wait such an outage out without spending a
/// delivery attempt; anything else (a constraint violation, a bug, a corrupt message) keeps the attempt limit.
/// </summary>
public static class BackendOutages
{
    public static bool IsOutage(Exception error) => error switch
    {
        AggregateException many => many.InnerExceptions.Any(IsOutage),
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // Without a server error, Npgsql marks a failure transient when the connection broke, was refused or timed out.
        NpgsqlException npgsql => npgsql.IsTransient,
        RedisConnectionException or RedisTimeoutException => true,
        AmazonServiceException { StatusCode: HttpStatusCode.ServiceUnavailable } => true,
        SocketException => true,
        HttpRequestException { StatusCode: null } => true,
        _ => error.InnerException is { } inner && IsOutage(inner),
    };

    /// <summary>
    /// SQLSTATEs of a server that is going away or not taking connections yet: connection exceptions (class 08),
    /// admin or crash shutdown (57P01, 57P02), starting up or shutting down (57P03), too many connections (53300).
    /// </summary>
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" or "53300";
}
