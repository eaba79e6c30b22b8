using VisionAspire.Redis;

namespace VisionAspire.Infrastructure.Tests.Redis;

public sealed class RedisConnectionOptionsTests
{
    [Fact]
    public void Parses_aspire_shape()
    {
        var options = RedisConnectionOptions.Parse("cache:6380,password=s3cr=t");
        Assert.Equal("cache", options.Host);
        Assert.Equal(6380, options.Port);
        Assert.Equal("s3cr=t", options.Password);
        Assert.True(options.AbortOnConnectFail);
        Assert.False(options.Ssl);
    }

    [Fact]
    public void Parses_known_options_and_ignores_unknown_ones()
    {
        var options = RedisConnectionOptions.Parse(
            "127.0.0.1:7000,other:7001, password = pw ,ssl=False,abortConnect=false,connectTimeout=250,defaultDatabase=2,name=api,allowAdmin=true,syncTimeout=9");
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(7000, options.Port);
        Assert.Equal("pw", options.Password);
        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.ConnectTimeout);
        Assert.Equal(2, options.Database);
        Assert.Equal("api", options.ClientName);
    }

    [Theory]
    [InlineData("localhost", "localhost", 6379)]
    [InlineData("[::1]:6390", "::1", 6390)]
    [InlineData("[::1]", "::1", 6379)]
    public void Parses_endpoints(string text, string host, int port)
    {
        var options = RedisConnectionOptions.Parse(text);
        Assert.Equal(host, options.Host);
        Assert.Equal(port, options.Port);
    }

    [Theory]
    [InlineData("password=only")]
    [InlineData("host:notaport")]
    [InlineData("host:70000")]
    [InlineData("host:1,ssl=maybe")]
    [InlineData("host:1,connectTimeout=-5")]
    public void Rejects_malformed_strings(string text)
    {
        Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(text));
    }
}
