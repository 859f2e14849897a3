using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Infrastructure;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// Servers behind one address: the sign-in limit counts each office by the address the proxy forwards — but only when
/// the request comes from a proxy the settings name, or anyone could pick an address per attempt.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string ProxyAddress = "10.0.0.5";

    /// <summary>Every request arrives from <see cref="ProxyAddress"/>, as behind the proxy; two sign-ins a minute per client.</summary>
    public sealed class BehindProxy : WorkflowApiFactory
    {
        public BehindProxy(bool trusted)
        {
            Settings["Auth:SignInPermitsPerMinute"] = "2";
            if (trusted) Settings["Proxy:KnownProxies:0"] = ProxyAddress;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FromProxy()));
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, inner) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                    return inner(context);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task SignIn_WhenTheProxyIsKnown_CountsEachForwardedClientOnItsOwn()
    {
        using var factory = new BehindProxy(trusted: true);
        using var first = Client(factory, "203.0.113.10");
        using var second = Client(factory, "203.0.113.20");
        for (var i = 0; i < 2; i++) (await first.SignInAsync("taichinh", "sai")).Dispose();

        using var limited = await first.SignInAsync("taichinh", "sai");
        using var other = await second.SignInAsync("taichinh", "sai");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode); // its own count: a wrong password, not the limit
    }

    [Fact]
    public async Task SignIn_WhenTheProxyIsNotNamedInTheSettings_IgnoresTheForwardedAddress()
    {
        using var factory = new BehindProxy(trusted: false);
        using var first = Client(factory, "203.0.113.10");
        using var second = Client(factory, "203.0.113.20");
        for (var i = 0; i < 2; i++) (await first.SignInAsync("taichinh", "sai")).Dispose();

        using var other = await second.SignInAsync("taichinh", "sai");

        Assert.Equal(HttpStatusCode.TooManyRequests, other.StatusCode); // one address for all: the header claims nothing
    }

    private static HttpClient Client(WorkflowApiFactory factory, string forwardedFor)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
