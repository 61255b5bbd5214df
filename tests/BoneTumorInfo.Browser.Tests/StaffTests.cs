using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Appointments.WorkList.Accounts;
using BoneTumorInfo.Browser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>
/// The staff area in real Chromium: a coordinator who is also an editor signs in for the first
/// time (password, new password, two-factor set-up), works a request and reads the pages report,
/// signs out and in again with a one-time code; every page on the way passes axe, on a phone and
/// on a desktop screen.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class StaffTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Every_staff_page_a_coordinator_and_editor_uses_has_no_wcag_violations(int width)
    {
        var email = $"rahima-{Guid.NewGuid():N}@example.org";
        var password = await AddAccount(email);
        var reference = $"BT-{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}-AXE{width % 10}";
        await browser.Site.Services.GetRequiredService<WorkListStore>().AddAsync(new AppointmentRequest(
            reference, DateTimeOffset.UtcNow.AddHours(-3), Submitter.ParentOrCarer, "নুসরাত <img src=x onerror=alert(1)>",
            new DateOnly(2014, 5, 2), "+8801712345678", "Ayesha Begum", Service.ChildrensTumourSurgery, CallLanguage.Bengali,
            "Pain above the knee at night <script>alert(1)</script>"));
        var page = await browser.NewPage(width);
        var errors = page.CollectErrors();
        async Task Check(string what)
        {
            await page.AssertNoAxeViolations($"{what} at {width}px");
            Assert.True(await page.HorizontalOverflow() <= 0, $"{what} scrolls sideways at {width}px:\n{await page.WideElements()}");
        }

        // Signed out, the staff area sends you to sign in.
        await page.Open("/staff");
        Assert.EndsWith("/staff/login?ReturnUrl=%2Fstaff", page.Url, StringComparison.Ordinal);
        await Check("sign-in page");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());

        // A handed-over password is changed first...
        Assert.Contains("/staff/password", page.Url, StringComparison.Ordinal);
        await Check("change-password page");
        var chosen = "Correct horse battery staple 7!";
        await page.GetByLabel("Current password").FillAsync(password);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(chosen);
        await page.GetByLabel("New password again").FillAsync(chosen);
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync());

        // ...then a coordinator sets up two-factor sign-in.
        Assert.Contains("/staff/two-factor", page.Url, StringComparison.Ordinal);
        await Check("two-factor set-up page");
        var key = (await page.Locator("#shared-key").TextContentAsync())!.Trim();
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp(key));
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync());
        Assert.EndsWith("/staff", page.Url, StringComparison.Ordinal);
        await Check("staff home page");

        // The inbox and the request, with markup in the name and message shown as text.
        await page.Open("/staff/requests");
        await Check("inbox");
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync());
        Assert.Contains("নুসরাত <img src=x onerror=alert(1)>", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Check("request page");
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync());
        await page.GetByLabel("Called and booked").CheckAsync();
        await page.GetByLabel("Note (optional)").FillAsync("Booked for Tuesday's clinic.");
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync());
        await Check("request page after an outcome");

        // The editors' report of the pages.
        await page.Open("/staff/pages");
        await Check("pages report");

        // Signed out, then in again: the one-time code page.
        await page.Open("/staff/logout");
        await Check("sign-out page");
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync());
        await page.Open("/staff/login");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(chosen);
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
        Assert.Contains("/staff/login/code", page.Url, StringComparison.Ordinal);
        await Check("one-time code page");

        // A wrong code: the error summary, checked too.
        await page.GetByLabel("Code from your authenticator app").FillAsync("000000" == Totp(key) ? "111111" : "000000");
        await page.AfterNewDocument(() => page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync());
        Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
        await Check("one-time code page with an error");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    private async Task<string> AddAccount(string email)
    {
        // Made when first needed (the staff area's first request, or this).
        await browser.Site.Services.GetRequiredService<BoneTumorInfo.Web.Staff.StaffStoreSetUp>().Ready;
        await using var scope = browser.Site.Services.CreateAsyncScope();
        var password = StaffAccounts.GeneratePassword();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .AddAsync(email, "Rahima Akter", [StaffRoles.Coordinator, StaffRoles.Editor], password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return password;
    }

    private static string Totp(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}
