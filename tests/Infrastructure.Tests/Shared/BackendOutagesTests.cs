using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Npgsql;
using StackExchange.Redis;
using VisionAspire.Shared;

namespace VisionAspire.Infrastructure.Tests.Shared;

public sealed class BackendOutagesTests
{
    [Theory]
    [InlineData("57P01")] // admin shutdown: Postgres stopped under a running query
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now: starting up
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void A_server_that_is_going_away_or_not_yet_accepting_is_an_outage(string sqlState) =>
        Assert.True(BackendOutages.IsOutage(ServerError(sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    [InlineData("22P02")] // invalid text representation
    [InlineData("40001")] // serialization failure: contention, not an outage; it keeps the attempt limit
    public void A_statement_the_server_refused_is_not_an_outage(string sqlState) =>
        Assert.False(BackendOutages.IsOutage(ServerError(sqlState)));

    [Fact]
    public void A_refused_or_broken_database_connection_is_an_outage()
    {
        Assert.True(BackendOutages.IsOutage(new NpgsqlException("Failed to connect to 127.0.0.1:5432",
            new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(BackendOutages.IsOutage(new NpgsqlException("Exception while reading from stream",
            new EndOfStreamException())));
    }

    [Fact]
    public void A_database_error_that_is_not_about_the_connection_is_not_an_outage() =>
        Assert.False(BackendOutages.IsOutage(new NpgsqlException("The parameter count does not match")));

    [Fact]
    public void Redis_unreachable_or_timing_out_is_an_outage()
    {
        Assert.True(BackendOutages.IsOutage(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is available")));
        Assert.True(BackendOutages.IsOutage(new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent)));
        Assert.False(BackendOutages.IsOutage(new RedisServerException("WRONGTYPE Operation against a key holding the wrong kind of value")));
    }

    [Fact]
    public void An_object_store_that_is_unreachable_or_unavailable_is_an_outage()
    {
        Assert.True(BackendOutages.IsOutage(new AmazonS3Exception("Error making request",
            new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)))));
        Assert.True(BackendOutages.IsOutage(new AmazonS3Exception("Slow down") { StatusCode = HttpStatusCode.ServiceUnavailable }));
        Assert.False(BackendOutages.IsOutage(new AmazonS3Exception("Access denied") { StatusCode = HttpStatusCode.Forbidden }));
    }

    [Fact]
    public void An_outage_is_found_inside_wrappers_and_among_the_failures_of_a_batch()
    {
        var outage = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        Assert.True(BackendOutages.IsOutage(new InvalidOperationException("storing predictions failed", outage)));
        Assert.True(BackendOutages.IsOutage(new AggregateException(new FormatException("bad"), outage)));
        Assert.False(BackendOutages.IsOutage(new AggregateException(new FormatException("bad"), new ArgumentException("worse"))));
    }

    [Fact]
    public void A_failure_of_the_work_itself_is_not_an_outage()
    {
        Assert.False(BackendOutages.IsOutage(new InvalidOperationException("no such task")));
        Assert.False(BackendOutages.IsOutage(new OutOfMemoryException()));
        Assert.False(BackendOutages.IsOutage(new TimeoutException("a model run took too long")));
    }

    private static PostgresException ServerError(string sqlState) => new("message", "FATAL", "FATAL", sqlState);
}
