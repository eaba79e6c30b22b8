namespace VisionAspire.Integration.Tests.Support;

/// <summary>The test classes that share one running topology (started once, disposed after the last of them).</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "AppHost";
}
