using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using VisionAspire.LocalServers;

namespace Aspire.Hosting;

/// <summary>
/// Where no container runtime answers (<see cref="ServerMode"/>), these swap a Redis, Postgres or RabbitMQ container
/// resource for the same server run as a local process from Debian's packages: same resource name, same connection
/// string shape, a health check that <c>WaitFor</c> waits on, data kept in the state folder. Elsewhere, and when
/// publishing, they return the container resource (its published connection string shaped for aspirate, see
/// <see cref="PublishedConnectionStrings"/>).
/// </summary>
public static class LocalProcessExtensions
{
    public static IResourceBuilder<IResourceWithConnectionString> RunAsLocalProcessWithoutDocker(this IResourceBuilder<RedisResource> redis)
    {
        var builder = redis.ApplicationBuilder;
        if (!ServerMode.UseLocalProcesses(builder))
        {
            if (builder.ExecutionContext.IsPublishMode)
            {
                PublishedConnectionStrings.Shape(redis);
            }
            return redis;
        }

        builder.Resources.Remove(redis.Resource);
        var port = LoopbackPort.Free();
        var server = new LocalRedisResource(redis.Resource.Name,
            ServerBinaries.Locate("redis-server", "redis-server", "/usr/bin"),
            StateDirectory.For(builder, redis.Resource.Name),
            redis.Resource.PasswordParameter!);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, ct) =>
        {
            var password = await server.PasswordParameter.GetValueAsync(ct);
            // In a 0600 file, not on the command line where ps shows it. No persistence: it is a cache.
            OwnerOnlyFile.Write(server.ConfigFile, $"""
                bind 127.0.0.1
                port {port}
                dir "{server.WorkingDirectory}"
                requirepass "{password}"
                save ""
                appendonly no
                daemonize no
                """);
        });

        var connectionString = ConnectionStringCapture(builder, server);
        var check = $"{server.Name}_process_check";
        builder.Services.AddHealthChecks().AddRedis(_ => connectionString.Value, name: check);
        return builder.AddResource(server)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRedisResource.PrimaryEndpointName, isProxied: false)
            .WithArgs(server.ConfigFile)
            .WithHealthCheck(check);
    }

    public static IResourceBuilder<IResourceWithConnectionString> RunAsLocalProcessWithoutDocker(this IResourceBuilder<PostgresDatabaseResource> database)
    {
        var builder = database.ApplicationBuilder;
        if (!ServerMode.UseLocalProcesses(builder))
        {
            return database;
        }

        var container = database.Resource.Parent;
        builder.Resources.Remove(database.Resource);
        builder.Resources.Remove(container);

        var binaries = Path.GetDirectoryName(ServerBinaries.Locate("postgres", "postgresql", "/usr/lib/postgresql/*/bin"))!;
        var (command, prefix) = PostgresCluster.Launcher(Path.Combine(binaries, "postgres"));
        var port = LoopbackPort.Free();
        var server = new LocalPostgresServerResource(container.Name, command, StateDirectory.For(builder, container.Name), container.PasswordParameter);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, ct) =>
            await PostgresCluster.PrepareAsync(binaries, server, await server.PasswordParameter.GetValueAsync(ct) ?? "", ct));

        var serverConnectionString = ConnectionStringCapture(builder, server);
        // Aspire mirrors a parent's state onto child resources only for containers: the database is marked running
        // here, once it exists, and its own health check decides from then on.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (ready, ct) =>
        {
            await using var connection = new NpgsqlConnection(serverConnectionString.Value);
            await connection.OpenAsync(ct);
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in server.Databases)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database.DatabaseName } } };
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"")}\"", connection);
                    await create.ExecuteNonQueryAsync(ct);
                }

                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            }
        });

        var serverCheck = $"{server.Name}_process_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => serverConnectionString.Value, name: serverCheck);
        builder.AddResource(server)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresServerResource.PrimaryEndpointName, isProxied: false)
            .WithArgs([.. prefix, "-D", server.DataDirectory, "-p", port.ToString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="])
            .WithHealthCheck(serverCheck);

        var local = new LocalPostgresDatabaseResource(database.Resource.Name, database.Resource.DatabaseName, server);
        server.Databases.Add(local);
        var databaseConnectionString = ConnectionStringCapture(builder, local);
        var databaseCheck = $"{local.Name}_process_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => databaseConnectionString.Value, name: databaseCheck);
        return builder.AddResource(local).WithHealthCheck(databaseCheck);
    }

    public static IResourceBuilder<IResourceWithConnectionString> RunAsLocalProcessWithoutDocker(this IResourceBuilder<RabbitMQServerResource> rabbitMq)
    {
        var builder = rabbitMq.ApplicationBuilder;
        if (!ServerMode.UseLocalProcesses(builder))
        {
            return builder.ExecutionContext.IsPublishMode ? PublishedConnectionStrings.Shape(rabbitMq) : rabbitMq;
        }

        builder.Resources.Remove(rabbitMq.Resource);
        var name = rabbitMq.Resource.Name;
        var folder = StateDirectory.For(builder, name);
        var (port, distributionPort, epmdPort) = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());

        // Its own epmd, stopped with the rest: the one Erlang would start by itself outlives everything.
        var epmdCheck = $"{name}-epmd_process_check";
        builder.Services.AddHealthChecks().Add(new(epmdCheck, _ => new EpmdHealthCheck(epmdPort), null, null));
        var epmd = builder.AddExecutable($"{name}-epmd",
                ServerBinaries.Locate("epmd", "erlang-base", "/usr/bin", "/usr/lib/erlang/erts-*/bin"), folder,
                "-port", epmdPort.ToString(), "-address", "127.0.0.1")
            .WithEndpoint(port: epmdPort, targetPort: epmdPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck(epmdCheck);

        var server = new LocalRabbitMQResource(name,
            ServerBinaries.Locate("rabbitmq-server", "rabbitmq-server", "/usr/lib/rabbitmq/bin"), folder, rabbitMq.Resource.PasswordParameter);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, ct) =>
            RabbitMQConfiguration.Write(folder, port, await server.PasswordParameter.GetValueAsync(ct) ?? ""));

        var connectionString = ConnectionStringCapture(builder, server);
        var check = $"{name}_process_check";
        // The check calls this on every run and does not dispose what it gets: keep one connection, replace it once closed.
        IConnection? connection = null;
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ =>
            connection is { IsOpen: true }
                ? connection
                : connection = await new ConnectionFactory { Uri = new Uri(connectionString.Value) }.CreateConnectionAsync(), name: check);

        var resource = builder.AddResource(server)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRabbitMQResource.PrimaryEndpointName, isProxied: false)
            .WithEndpoint(port: distributionPort, targetPort: distributionPort, scheme: "tcp", name: LocalRabbitMQResource.DistributionEndpointName, isProxied: false)
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in RabbitMQConfiguration.Environment(folder, port, distributionPort, epmdPort))
                {
                    context.EnvironmentVariables[key] = value;
                }
            })
            .WithHealthCheck(check)
            .WaitFor(epmd);
        return resource;
    }

    /// <summary>The resource's connection string, kept when Aspire announces it, for the health checks to read.</summary>
    private static Lazy<string> ConnectionStringCapture<T>(IDistributedApplicationBuilder builder, T resource) where T : IResourceWithConnectionString
    {
        string? value = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            value = await resource.ConnectionStringExpression.GetValueAsync(ct));
        return new Lazy<string>(() => value ?? throw new InvalidOperationException($"The connection string of '{resource.Name}' is not available yet."),
            LazyThreadSafetyMode.PublicationOnly);
    }
}
