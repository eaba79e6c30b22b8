using System.Data.Common;
using Aspire.Hosting.Testing;
using Npgsql;
using RabbitMQ.Client;
using VisionAspire.Messaging;

namespace VisionAspire.Integration.Tests.Support;

/// <summary>
/// The running topology's database, broker and object store, reached with the connection strings the AppHost hands its
/// services: for tests that play a part of the pipeline themselves (e.g. redeliver a message).
/// </summary>
public sealed class TopologyBackends : IAsyncDisposable
{
    private readonly IConnection _broker;

    private TopologyBackends(NpgsqlDataSource database, IConnection broker, string objectStorePath)
    {
        Database = database;
        _broker = broker;
        Publisher = new MessagePublisher(new BrokerConnection(broker));
        ObjectStorePath = objectStorePath;
    }

    public NpgsqlDataSource Database { get; }

    public MessagePublisher Publisher { get; }

    /// <summary>Root of the filesystem object store the AppHost runs with here (objects under its "objects" folder).</summary>
    public string ObjectStorePath { get; }

    public static async Task<TopologyBackends> ConnectAsync(PipelineFixture fixture)
    {
        var app = fixture.Host.App;
        var database = NpgsqlDataSource.Create((await app.GetConnectionStringAsync("visiondb"))!);
        var factory = new ConnectionFactory { Uri = new Uri((await app.GetConnectionStringAsync("messaging"))!) };
        var broker = await factory.CreateConnectionAsync();
        var storage = new DbConnectionStringBuilder { ConnectionString = await app.GetConnectionStringAsync("storage") };
        return new TopologyBackends(database, broker, (string)storage["Path"]);
    }

    public async ValueTask DisposeAsync()
    {
        await Publisher.DisposeAsync();
        await _broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
