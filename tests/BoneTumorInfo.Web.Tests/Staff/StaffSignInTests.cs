using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class StaffSignInTests
{
    [Fact]
    public async Task A_new_coordinator_changes_the_handed_over_password_then_sets_up_two_factor_before_anything_else()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator");
        var browser = site.NewBrowser();

        var page = await browser.SignIn("rahima@example.org", setUp: false);
        Assert.Equal("/staff/password", page.Path);
        // Nothing else opens until the password is changed.
        Assert.Equal("/staff/password", (await browser.Get("/staff/requests")).Path);

        var chosen = "Correct horse battery staple 7!";
        page = await browser.Submit(page, "Change password", new()
        {
            ["Current password"] = site.Passwords["rahima@example.org"],
            ["New password"] = chosen,
            ["New password again"] = chosen,
        });
        site.Passwords["rahima@example.org"] = chosen;
        Assert.Equal("/staff/two-factor", page.Path);
        Assert.Equal("/staff/two-factor", (await browser.Get("/staff/requests")).Path);

        // The key is shown as text, in groups of four, and a wrong code is refused.
        var key = page.Document.QuerySelector("#shared-key")!.TextContent.Trim();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        var wrong = await browser.Submit(page, "Turn on two-factor sign-in", new() { ["Code from your authenticator app"] = "000000" == StaffSite.Totp(key) ? "111111" : "000000" });
        Assert.Equal("/staff/two-factor", wrong.Path);
        Assert.StartsWith("Error: ", wrong.Document.Title, StringComparison.Ordinal);
        Assert.NotNull(wrong.Document.QuerySelector(".error-summary a[href='#AuthenticatorCode']"));

        page = await browser.Submit(wrong, "Turn on two-factor sign-in", new() { ["Code from your authenticator app"] = StaffSite.Totp(key) });
        Assert.Equal("/staff", page.Path);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/staff/requests")).Status);

        // Next time, the password alone is not enough.
        var later = site.NewBrowser();
        var asked = await later.Submit(await later.Get("/staff/login"), "Sign in", new() { ["E-mail address"] = "rahima@example.org", ["Password"] = chosen });
        Assert.Equal("/staff/login/code", asked.Path);
        Assert.Equal("/staff/login", (await later.Get("/staff/requests")).Path);
        site.Keys["rahima@example.org"] = key;
        Assert.Equal(HttpStatusCode.OK, (await (await site.SignedIn("rahima@example.org")).Get("/staff/requests")).Status);
    }

    [Fact]
    public async Task An_editor_needs_no_two_factor_but_may_set_it_up()
    {
        using var site = new StaffSite();
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = await site.SignedIn("kamal@example.org");
        Assert.DoesNotContain("kamal@example.org", site.Keys.Keys);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/staff/pages")).Status);
        Assert.Contains("Set up two-factor sign-in", (await browser.Get("/staff/two-factor")).Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "editor");
        var browser = site.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            var refused = await browser.Submit(await browser.Get("/staff/login"), "Sign in", new() { ["E-mail address"] = "rahima@example.org", ["Password"] = "Wrong password " + i + "!A" });
            Assert.Equal("/staff/login", refused.Path);
            // The fifth wrong try is the one that locks the account.
            Assert.Contains(i < 4 ? "not right" : "blocked", refused.Main, StringComparison.Ordinal);
        }

        var locked = await browser.Submit(await browser.Get("/staff/login"), "Sign in", new() { ["E-mail address"] = "rahima@example.org", ["Password"] = site.Passwords["rahima@example.org"] });
        Assert.Equal("/staff/login", locked.Path);
        Assert.Contains("blocked", locked.Main, StringComparison.Ordinal);
        Assert.Equal("/staff/login", (await browser.Get("/staff")).Path);
    }

    [Fact]
    public async Task A_session_cookie_kept_from_before_signing_out_is_refused()
    {
        using var site = new StaffSite();
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = await site.SignedIn("kamal@example.org");
        var cookie = browser.SessionCookie;
        Assert.NotNull(cookie);

        var signOut = await browser.Get("/staff/logout");
        Assert.Equal("/staff/login", (await browser.Submit(signOut, "Sign out")).Path);

        // Someone who copied the cookie before the sign-out sends it again.
        using var replay = site.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/pages");
        request.Headers.Add("Cookie", $"{cookie!.Name}={cookie.Value}");
        using var response = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_ends_after_the_idle_time()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        using var site = new StaffSite(services: s => s.AddSingleton<TimeProvider>(clock));
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = await site.SignedIn("kamal@example.org");
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal("/staff", (await browser.Get("/staff")).Path);
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal("/staff", (await browser.Get("/staff")).Path);
        clock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal("/staff/login", (await browser.Get("/staff")).Path);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_http_only_strict_and_kept_to_the_staff_area()
    {
        using var site = new StaffSite();
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = site.NewBrowser();
        var login = await browser.Get("/staff/login");
        var hidden = login.Document.QuerySelectorAll("form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        hidden["Email"] = "kamal@example.org";
        hidden["Password"] = site.Passwords["kamal@example.org"];
        using var response = await browser.Client.PostAsync(new Uri("/staff/login", UriKind.Relative), new FormUrlEncodedContent(hidden));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Secure-bti-staff=", StringComparison.Ordinal));
        Assert.Contains("path=/staff", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // A session cookie: gone when the browser closes (the ticket inside still expires when idle).
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_disabled_account_is_signed_out_at_once_and_cannot_sign_in()
    {
        using var site = new StaffSite();
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = await site.SignedIn("kamal@example.org");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<BoneTumorInfo.Appointments.WorkList.Accounts.StaffAccounts>().DisableAsync("kamal@example.org")).Succeeded);
        }

        Assert.Equal("/staff/login", (await browser.Get("/staff/pages")).Path);
        Assert.Equal("/staff/login", (await site.NewBrowser().SignIn("kamal@example.org")).Path);
    }
}
