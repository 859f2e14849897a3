using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Workflow.Api.Common;

/// <summary>
/// Several servers behind one address (docs/operations.md §7): the proxy's <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the addresses listed in <c>Proxy:KnownProxies</c>, so the sign-in limit
/// counts each office, not the proxy, and nobody else can claim an address by sending the header.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "Proxy:KnownProxies";

    public static void AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // only the listed proxies, and only the address the last of them saw
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            o.ForwardLimit = 1;
        });
    }

    public static void UseReverseProxy(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0) app.UseForwardedHeaders();
    }

    private static List<IPAddress> KnownProxies(IConfiguration configuration) =>
        (configuration.GetSection(Section).Get<string[]>() ?? []).Select((text, i) => IPAddress.TryParse(text, out var address)
            ? address
            : throw new InvalidOperationException($"{Section}:{i} '{text}' is not an IP address (the proxy's address as the servers see it).")).ToList();
}
