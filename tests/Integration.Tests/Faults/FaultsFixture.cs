using System.Security.Cryptography;
using Aspire.Hosting.Testing;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Integration.Tests.Faults;

/// <summary>
/// The real AppHost with the fault-injection hook armed: every worker replica kills itself on <see cref="Poison"/>
/// (Vision:Faults:CrashOnImageSha256), and every service uses the delivery limit <see cref="DeliveryLimit"/>.
/// </summary>
public sealed class FaultsFixture : IAsyncLifetime
{
    public const int DeliveryLimit = 2;

    private static readonly string[] Services = ["api", "preprocessor", "workers"];

    /// <summary>An object photo made byte-unique for this run, so its SHA-256 is known before the topology starts.</summary>
    public (string Name, byte[] Data) Poison { get; } =
        ("poison.jpg", UniqueImages.WithTag(File.ReadAllBytes(TestPaths.AllImages()[0]), $"poison-{Guid.NewGuid()}"));

    public TestAppHost Host { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var poisonSha256 = Convert.ToHexStringLower(SHA256.HashData(Poison.Data));
        Host = await TestAppHost.StartAsync<Projects.AppHost>(Services, builder =>
        {
            foreach (var service in Services)
            {
                TestAppHost.SetEnvironment(builder, service, "Vision__Messaging__DeliveryLimit", $"{DeliveryLimit}");
            }

            TestAppHost.SetEnvironment(builder, "workers", "Vision__Faults__CrashOnImageSha256", poisonSha256);
        });
        var http = Host.CreateApiClient();
        http.Timeout = TimeSpan.FromMinutes(2);
        Api = new ApiClient(http);
    }

    public async Task DisposeAsync()
    {
        Api?.Http.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultsFixture>
{
    public const string Name = "Faults";
}
