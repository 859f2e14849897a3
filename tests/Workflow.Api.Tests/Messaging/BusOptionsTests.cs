using Microsoft.Extensions.Configuration;
using Workflow.Infrastructure.Messaging;

namespace Workflow.Api.Tests.Messaging;

/// <summary>How an operator names the broker (docs/operations.md section 7), and the start-up refusal of a setting that cannot work.</summary>
public sealed class BusOptionsTests
{
    private static BusOptions Read(params (string Key, string Value)[] settings) =>
        BusOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void From_WhenNothingIsSet_IsTheInMemoryBusOfOneServer()
    {
        var options = Read();

        Assert.Equal(BusOptions.InMemory, options.Transport);
        Assert.Null(options.Broker);
    }

    [Theory]
    [InlineData("amqp://workflow:s%40cret@mq.example.gov.vn:5673/prod", "mq.example.gov.vn", 5673, "prod", "workflow", "s@cret", false)]
    [InlineData("amqp://guest:guest@127.0.0.1:41234/", "127.0.0.1", 41234, "/", "guest", "guest", false)]
    [InlineData("amqp://mq/%2F", "mq", 5672, "/", "guest", "guest", false)]
    [InlineData("amqps://workflow@mq.example.gov.vn/tinh-dong-nai", "mq.example.gov.vn", 5671, "tinh-dong-nai", "workflow", "guest", true)]
    public void From_WhenTheBrokerIsGivenByItsUri_TakesHostPortVirtualHostUserAndPasswordFromIt(
        string uri, string host, int port, string virtualHost, string username, string password, bool tls)
    {
        var options = Read(("Bus:Transport", "RabbitMq"), ("Bus:RabbitMq:Uri", uri));

        Assert.Equal(BusOptions.RabbitMq, options.Transport);
        Assert.Equal(new RabbitMqEndpoint(host, port, virtualHost, username, password, tls), options.Broker);
    }

    [Fact]
    public void From_WhenAPartIsSetBesideTheUri_ThePartWins()
    {
        var options = Read(("Bus:Transport", "rabbitmq"), ("Bus:RabbitMq:Uri", "amqp://workflow@mq:5672/prod"), ("Bus:RabbitMq:Password", "from-the-secret-store"));

        Assert.Equal(new RabbitMqEndpoint("mq", 5672, "prod", "workflow", "from-the-secret-store", false), options.Broker);
    }

    [Fact]
    public void From_WhenTheBrokerIsGivenByItsParts_UsesThemWithTheDefaultsForTheRest()
    {
        var options = Read(("Bus:Transport", "RabbitMq"), ("Bus:RabbitMq:Host", "mq.local"), ("Bus:RabbitMq:Username", "workflow"), ("Bus:RabbitMq:Password", "pw"));

        Assert.Equal(new RabbitMqEndpoint("mq.local", 5672, "/", "workflow", "pw", false), options.Broker);
        Assert.Equal("amqp://workflow@mq.local:5672/%2F", options.Broker!.ToString()); // what logs show: never the password
    }

    [Theory]
    [InlineData("Kafka", null, null, "Bus:Transport 'Kafka' is not supported")]
    [InlineData("RabbitMq", null, null, "set Bus:RabbitMq:Uri")]
    [InlineData("RabbitMq", "http://mq:5672/", null, "Bus:RabbitMq:Uri must be an address like amqp://")]
    [InlineData("RabbitMq", "amqp://mq/", "70000", "Bus:RabbitMq:Port must be a port number")]
    public void From_WhenTheSettingCannotWork_RefusesNamingTheSetting(string transport, string? uri, string? port, string expected)
    {
        var settings = new List<(string, string)> { ("Bus:Transport", transport) };
        if (uri is not null) settings.Add(("Bus:RabbitMq:Uri", uri));
        if (port is not null) settings.Add(("Bus:RabbitMq:Port", port));

        var refusal = Assert.Throws<InvalidOperationException>(() => Read([.. settings]));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }
}
