using System.Net;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>Every kind of response the site gives carries the same protective headers.</summary>
public sealed class SecurityHeadersTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static void AssertProtected(HttpResponseMessage response, string what)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;

        var csp = Header("Content-Security-Policy");
        Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var required in new[] { "default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'", "object-src 'none'" })
        {
            Assert.True(directives.Contains(required), $"{what}: CSP lacks {required}: {csp}");
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("*", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.False(string.IsNullOrEmpty(Header("Referrer-Policy")), $"{what}: no Referrer-Policy");
        Assert.Contains("camera=()", Header("Permissions-Policy") ?? "", StringComparison.Ordinal);
        Assert.Null(Header("Server"));
        Assert.Null(Header("X-Powered-By"));
    }

    public static TheoryData<string, int> Responses() => new()
    {
        { "/", 200 },
        { "/bone-tumor-surgery/anaesthesia", 200 },
        { "/no-such-page", 404 },
        { "/Conditions", 301 },
        { "/status/404", 404 },
        { "/appointments/request", 200 },
    };

    [Theory]
    [InlineData("/appointments/request", true)]
    [InlineData("/bn/appointments/request", true)]
    [InlineData("/staff/login", true)]
    [InlineData("/", false)]
    [InlineData("/bn/conditions", false)]
    [InlineData("/search?q=tumour", false)]
    public async Task Only_pages_with_a_person_s_own_data_cut_ties_with_other_sites_windows(string url, bool isolated)
    {
        var response = await site.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
        Assert.Equal(isolated ? "same-origin" : null, response.Headers.TryGetValues("Cross-Origin-Opener-Policy", out var values) ? values.Single() : null);
    }

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Pages_redirects_and_error_pages_carry_the_headers(string url, int status)
    {
        var client = site.CreatePlainClient();

        // Twice: the second answer of a content page comes from the output cache.
        foreach (var attempt in new[] { "first", "second" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(status, (int)response.StatusCode);
            AssertProtected(response, $"{url} ({attempt})");
        }
    }

    [Fact]
    public async Task Not_modified_answers_carry_the_headers()
    {
        var client = site.CreatePlainClient();
        var first = await client.GetAsync(new Uri("/conditions", UriKind.Relative));
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/conditions", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        AssertProtected(response, "304");
    }

    [Fact]
    public async Task The_stylesheet_and_other_static_files_carry_the_headers()
    {
        var client = site.CreatePlainClient();
        var (_, page) = await client.GetPage("/");
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(href);

        var response = await client.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        AssertProtected(response, href);
    }

    [Fact]
    public async Task The_exception_page_carries_the_headers_even_though_the_error_cleared_the_response()
    {
        // A real fault: the appointment store throws while a valid form is being saved.
        using var broken = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IAppointmentInbox, BrokenInbox>()));
        var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await Appointments.AppointmentForm.Submit(client, Appointments.AppointmentForm.ValidAnswers());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("problem with the service", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertProtected(response, "a failed form post");
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        var https = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://bti.example.org"), AllowAutoRedirect = false });
        var http = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://bti.example.org"), AllowAutoRedirect = false });

        var secure = await https.GetAsync(new Uri("/", UriKind.Relative));
        var plain = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.True(secure.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no HSTS over HTTPS");
        Assert.Contains("max-age=31536000", hsts.Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP means nothing and must not be sent");
    }

    /// <summary>An appointment store whose disk has failed.</summary>
    private sealed class BrokenInbox : IAppointmentInbox
    {
        public Task<Enqueued> EnqueueAsync(AppointmentRequest draft, string idempotencyKey, CancellationToken cancellationToken = default) =>
            throw new IOException("disk I/O error");
    }
}

/// <summary>The real server (Kestrel) adds its own headers; the in-memory one cannot show them.</summary>
public sealed class ServerBannerTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    [Fact]
    public async Task Kestrel_does_not_announce_itself()
    {
        using var client = new HttpClient { BaseAddress = site.BaseAddress };

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(",", response.Headers.Server));
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
