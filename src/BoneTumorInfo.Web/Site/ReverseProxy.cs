using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Site;

/// <summary>The "ReverseProxy" section: the proxies (nginx, a load balancer) whose forwarded headers the site believes.</summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the site, such as 127.0.0.1 for nginx on the same machine.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies, in CIDR form, such as 10.0.0.0/24 for a load balancer pool.</summary>
    public IList<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class ReverseProxy
{
    /// <summary>
    /// Behind a reverse proxy every request comes from the proxy's address over plain HTTP: every
    /// patient would share one rate-limit allowance and HSTS would never be sent. X-Forwarded-For
    /// and X-Forwarded-Proto are taken from the configured proxies only, so anyone else who sends
    /// them changes nothing. With no proxy configured the headers are ignored.
    /// </summary>
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReverseProxyOptions>()
            .BindConfiguration(ReverseProxyOptions.SectionName)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ReverseProxy:KnownProxies must be IP addresses, such as 127.0.0.1.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ReverseProxy:KnownNetworks must be networks in CIDR form, such as 10.0.0.0/24.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what is configured: the framework's default trusts loopback, which would let
            // anything on the machine claim any address.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the patient's address and scheme.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.IsConfigured) app.UseForwardedHeaders();
        return app;
    }
}
