namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>A database on a <see cref="PostgresServerResource"/> (value.v0); created when missing once the server is up.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string Name { get; } = name;

    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    public string ConnectionStringExpression => $"{{{Parent.Name}.connectionString}};Database={DatabaseName}";
}
