using System.Net;
using BoneTumorInfo.Web.Tests.Appointments;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>Behind nginx: the patient's own address and scheme, believed from the configured proxy only.</summary>
public sealed class ReverseProxyTests
{
    private static KestrelAppointmentSite Site(bool proxyConfigured) => new KestrelAppointmentSite(
        Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N")), permitLimit: 1,
        settings: proxyConfigured ? new Dictionary<string, string> { ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" } : null).Start();

    private static async Task<HttpStatusCode> SendFormAs(KestrelAppointmentSite site, string forwardedFor)
    {
        using var client = KestrelAppointmentSite.CreateBrowser(site.BaseAddress, new CookieContainer());
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return (await AppointmentForm.Submit(client, AppointmentForm.ValidAnswers())).StatusCode;
    }

    [Fact]
    public async Task Through_the_configured_proxy_each_patient_has_their_own_rate_limit()
    {
        using var site = Site(proxyConfigured: true);

        Assert.Equal(HttpStatusCode.Redirect, await SendFormAs(site, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.Redirect, await SendFormAs(site, "203.0.113.11"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendFormAs(site, "203.0.113.10"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_spoofed_forwarded_address_changes_nothing()
    {
        using var site = Site(proxyConfigured: false);

        Assert.Equal(HttpStatusCode.Redirect, await SendFormAs(site, "203.0.113.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SendFormAs(site, "203.0.113.11"));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task Hsts_is_sent_when_the_proxy_says_the_patient_used_https(bool proxyConfigured, bool expectHsts)
    {
        using var site = Site(proxyConfigured);
        using var client = new HttpClient { BaseAddress = site.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        // HSTS is never sent to localhost by design; a hospital's site has a name.
        client.DefaultRequestHeaders.Host = "bti.example.org";

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(expectHsts, response.Headers.Contains("Strict-Transport-Security"));
    }
}
