using System.Net;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class StaffSecurityTests
{
    /// <summary>The only staff addresses open without signing in.</summary>
    private static readonly string[] SignInPages = ["/staff/login", "/staff/login/code"];

    private const string SomeReference = "BT-AAAA-AAAA";

    /// <summary>Every staff address the app has, from its own endpoint list: a new page cannot be missed.</summary>
    private static List<(string Path, RouteEndpoint Endpoint)> StaffEndpoints(StaffSite site)
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("staff", StringComparison.OrdinalIgnoreCase) == true)
            .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{reference}", SomeReference, StringComparison.Ordinal), e))
            .ToList();
        // A sanity floor, so a broken filter cannot make the checks below pass on nothing.
        Assert.True(endpoints.Count >= 9, string.Join(", ", endpoints.Select(e => e.Item1)));
        Assert.All(endpoints, e => Assert.DoesNotContain("{", e.Item1, StringComparison.Ordinal));
        return endpoints;
    }

    [Fact]
    public async Task Every_staff_address_sends_someone_signed_out_to_the_sign_in_page_for_reads_and_posts()
    {
        using var site = new StaffSite();
        var browser = site.NewBrowser();
        foreach (var (path, endpoint) in StaffEndpoints(site))
        {
            if (SignInPages.Contains(path))
            {
                Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
                continue;
            }

            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == StaffPolicies.Staff);
            var read = await browser.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(read.StatusCode == HttpStatusCode.Redirect, $"GET {path}: {read.StatusCode}");
            Assert.StartsWith("/staff/login?ReturnUrl=", read.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            var post = await browser.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {path}: {post.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_staff_address_refuses_an_account_without_the_role_it_needs()
    {
        using var site = new StaffSite();
        await site.AddAccountWithoutRole("nobody@example.org");
        await site.AddAccount("editor@example.org", "Kamal Hossain", "editor");
        await site.AddAccount("coordinator@example.org", "Rahima Akter", "coordinator");
        var nobody = site.NewBrowser();
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.SignIn("nobody@example.org")).Status);
        var editor = await site.SignedIn("editor@example.org");
        var coordinator = await site.SignedIn("coordinator@example.org");
        foreach (var (path, endpoint) in StaffEndpoints(site))
        {
            if (SignInPages.Contains(path)) continue;
            Assert.Equal(HttpStatusCode.Forbidden, (await nobody.Client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (policies.Contains(StaffPolicies.Coordinator))
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            }

            if (policies.Contains(StaffPolicies.Editor))
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.Client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Get("/staff/requests")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.Get("/staff/pages")).Status);
    }

    /// <summary>A coordinator and editor signed in, with one request (<see cref="SomeReference"/>) in the work list.</summary>
    private static async Task<StaffBrowser> SignedInWithOneRequest(StaffSite site)
    {
        await site.AddAccount("both@example.org", "Rahima Akter", "coordinator", "editor");
        await site.WorkList.AddAsync(new AppointmentRequest(SomeReference, DateTimeOffset.UtcNow, Submitter.Patient, "Test Person", new DateOnly(2000, 1, 1),
            "+8801712345678", null, Service.NotSure, CallLanguage.English, null));
        return await site.SignedIn("both@example.org");
    }

    [Fact]
    public async Task Every_staff_page_says_store_nothing_and_index_nothing()
    {
        using var site = new StaffSite();
        var browser = await SignedInWithOneRequest(site);
        var signedOut = site.NewBrowser();
        var pages = StaffEndpoints(site).Select(e => e.Path).ToList();
        foreach (var path in pages)
        {
            foreach (var who in new[] { browser, signedOut })
            {
                var page = await who.Get(path, follow: false);
                Assert.Contains("no-store", page.Response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
                Assert.Contains("noindex", string.Join(",", page.Response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
                if (page.Status == HttpStatusCode.OK)
                {
                    Assert.Equal("noindex, nofollow", page.Document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
                }
            }
        }

        // Nothing is served from a cache: a change shows on the next read.
        var before = await browser.Get("/staff/requests");
        await site.WorkList.AddAsync(new AppointmentRequest("BT-BBBB-BBBB", DateTimeOffset.UtcNow, Submitter.Patient, "Other Person", new DateOnly(2000, 1, 1),
            "+8801712345678", null, Service.NotSure, CallLanguage.English, null));
        var after = await browser.Get("/staff/requests");
        Assert.DoesNotContain("BT-BBBB-BBBB", before.Main, StringComparison.Ordinal);
        Assert.Contains("BT-BBBB-BBBB", after.Main, StringComparison.Ordinal);
        Assert.Equal("no-store", after.Response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task No_public_page_links_to_the_staff_area()
    {
        using var site = new StaffSite();
        var browser = site.NewBrowser();
        foreach (var path in new[] { "/", "/bn", "/appointments/request", "/this-page-does-not-exist" })
        {
            var page = await browser.Get(path);
            Assert.DoesNotContain(page.Document.QuerySelectorAll("a[href], form[action]"),
                a => (a.GetAttribute("href") ?? a.GetAttribute("action") ?? "").Contains("/staff", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Every_post_needs_the_antiforgery_token()
    {
        using var site = new StaffSite();
        var browser = await SignedInWithOneRequest(site);
        var detail = await browser.Get("/staff/requests/" + SomeReference);
        var forms = detail.Document.QuerySelectorAll("form[method=post]").ToList();
        Assert.Equal(3, forms.Count);
        foreach (var form in forms)
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : detail.Path;
            var fields = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
                .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
                .Append(new("Outcome", "closed")).Append(new("ConfirmDelete", "true"));
            var response = await browser.Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action}: {response.StatusCode}");
        }

        foreach (var path in new[] { "/staff/logout", "/staff/password", "/staff/two-factor", "/staff/login", "/staff/login/code" })
        {
            var response = await browser.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([new("AuthenticatorCode", "123456")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
        }

        // Nothing happened: still new, nobody holds it, still there.
        var item = await site.WorkList.GetAsync(SomeReference);
        Assert.Equal(BoneTumorInfo.Appointments.WorkList.WorkStatus.New, item!.Status);
        Assert.Null(item.Holder);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/staff")).Status);
    }

    [Fact]
    public async Task Names_and_messages_that_look_like_markup_show_as_text()
    {
        using var site = new StaffSite();
        await site.AddAccount("xss@example.org", "<script>alert('staff')</script>", "coordinator");
        await site.WorkList.AddAsync(new AppointmentRequest(SomeReference, DateTimeOffset.UtcNow, Submitter.Patient,
            "<script>alert('name')</script>", new DateOnly(2000, 1, 1), "+8801712345678", "a@example.com", Service.NotSure, CallLanguage.English,
            "<img src=x onerror=alert('reason')>"));
        var browser = await site.SignedIn("xss@example.org");
        var detail = await browser.Get("/staff/requests/" + SomeReference);
        detail = await browser.Submit(detail, "Assign to me");
        detail = await browser.Submit(detail, "Record outcome", new() { ["No answer (try again)"] = "", ["Note (optional)"] = "<img src=x onerror=alert('note')>" });
        var html = await detail.Response.Content.ReadAsStringAsync();
        Assert.Empty(detail.Document.QuerySelectorAll("main script, main img, footer script"));
        Assert.Contains("<script>alert('name')</script>", detail.Main, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert('reason')>", detail.Main, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert('note')>", detail.Main, StringComparison.Ordinal);
        Assert.Contains("<script>alert('staff')</script>", detail.Main, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
    }
}
