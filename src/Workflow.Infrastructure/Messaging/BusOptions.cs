using Microsoft.Extensions.Configuration;

namespace Workflow.Infrastructure.Messaging;

/// <summary>
/// Settings of the message bus (section <c>Bus</c>): <c>Transport</c> is <c>InMemory</c> (one server, the default) or
/// <c>RabbitMq</c> (several servers sharing one broker). The broker is given by <c>Bus:RabbitMq:Uri</c>
/// (<c>amqp://user:password@host:port/virtual-host</c>, <c>amqps://</c> for TLS) or by its parts
/// <c>Host</c>, <c>Port</c>, <c>VirtualHost</c>, <c>Username</c>, <c>Password</c>; a part set beside the URI replaces
/// the URI's (a password from a secret store, say).
/// </summary>
public sealed class BusOptions
{
    public const string Section = "Bus";
    public const string InMemory = "InMemory";
    public const string RabbitMq = "RabbitMq";

    public string Transport { get; init; } = InMemory;

    public RabbitMqEndpoint? Broker { get; init; }

    public bool UsesRabbitMq => Broker is not null;

    /// <exception cref="InvalidOperationException">The transport is unknown or the broker's address is incomplete or malformed; the message names the setting.</exception>
    public static BusOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var transport = section["Transport"] is { Length: > 0 } t ? t : InMemory;
        if (transport.Equals(InMemory, StringComparison.OrdinalIgnoreCase)) return new BusOptions { Transport = InMemory };
        if (!transport.Equals(RabbitMq, StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{Section}:Transport '{transport}' is not supported; use '{InMemory}' or '{RabbitMq}'.");
        return new BusOptions { Transport = RabbitMq, Broker = RabbitMqEndpoint.From(section.GetSection(RabbitMq)) };
    }
}

/// <summary>Where the broker is and who the servers are to it.</summary>
public sealed record RabbitMqEndpoint(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public const int AmqpPort = 5672;
    public const int AmqpsPort = 5671;

    /// <summary>The address without the password, for logs and messages.</summary>
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";

    public static RabbitMqEndpoint From(IConfigurationSection section)
    {
        const string Prefix = $"{BusOptions.Section}:{BusOptions.RabbitMq}";
        string? host = null, virtualHost = null, username = null, password = null;
        int? port = null;
        var tls = false;
        if (section["Uri"] is { Length: > 0 } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
                throw new InvalidOperationException($"{Prefix}:Uri must be an address like amqp://user:password@host:5672/virtual-host (amqps:// for TLS).");
            tls = uri.Scheme == "amqps";
            host = uri.Host;
            port = uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port;
            // the path is the virtual host: none or "/" is the default one, "/%2F" spells it out, "/prod" is "prod"
            var path = uri.AbsolutePath.TrimStart('/');
            virtualHost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                username = Uri.UnescapeDataString(parts[0]);
                password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
            }
        }
        host = section["Host"] is { Length: > 0 } h ? h : host;
        if (section["Port"] is { Length: > 0 } p)
        {
            if (!int.TryParse(p, out var number) || number is < 1 or > 65535)
                throw new InvalidOperationException($"{Prefix}:Port must be a port number (1–65535); it is '{p}'.");
            port = number;
        }
        virtualHost = section["VirtualHost"] is { Length: > 0 } v ? v : virtualHost;
        username = section["Username"] is { Length: > 0 } u ? u : username;
        password = section["Password"] ?? password;
        if (string.IsNullOrEmpty(host))
            throw new InvalidOperationException($"{BusOptions.Section}:Transport is {BusOptions.RabbitMq}: set {Prefix}:Uri (amqp://user:password@host:5672/) or {Prefix}:Host.");
        return new RabbitMqEndpoint(host, port ?? (tls ? AmqpsPort : AmqpPort), virtualHost ?? "/", username ?? "guest", password ?? "guest", tls);
    }
}
