using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>Two instances behind one load balancer share a key ring folder, so each accepts the other's forms.</summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task A_form_fetched_from_one_instance_is_accepted_by_another()
    {
        var root = Path.Combine(Path.GetTempPath(), "bti-two-" + Guid.NewGuid().ToString("N"));
        var keys = Path.Combine(root, "shared-keys");
        using var first = new KestrelAppointmentSite(Path.Combine(root, "a"), keys).Start();
        using var second = new KestrelAppointmentSite(Path.Combine(root, "b"), keys).Start();
        Assert.NotEqual(first.BaseAddress, second.BaseAddress);

        // One browser: its cookie follows it from one instance to the other, as behind a load balancer.
        var cookies = new CookieContainer();
        using var toFirst = KestrelAppointmentSite.CreateBrowser(first.BaseAddress, cookies);
        using var toSecond = KestrelAppointmentSite.CreateBrowser(second.BaseAddress, cookies);
        var hidden = await AppointmentForm.FetchHiddenFields(toFirst);
        foreach (Cookie cookie in cookies.GetCookies(first.BaseAddress)) cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));

        var response = await AppointmentForm.Post(toSecond, hidden.Concat(AppointmentForm.ValidAnswers()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await second.Store.CountAsync());

        // The confirmation link made by the second instance opens on the first.
        var (confirmation, page) = await toFirst.GetPage(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Equal((await second.Store.AllReferencesAsync()).Single(), page.QuerySelector(".confirmation-panel__reference")!.TextContent.Trim());
    }

    [Fact]
    public async Task Without_a_shared_key_ring_the_other_instance_refuses_the_form()
    {
        var root = Path.Combine(Path.GetTempPath(), "bti-two-" + Guid.NewGuid().ToString("N"));
        using var first = new KestrelAppointmentSite(Path.Combine(root, "a")).Start();
        using var second = new KestrelAppointmentSite(Path.Combine(root, "b")).Start();
        var cookies = new CookieContainer();
        using var toFirst = KestrelAppointmentSite.CreateBrowser(first.BaseAddress, cookies);
        using var toSecond = KestrelAppointmentSite.CreateBrowser(second.BaseAddress, cookies);
        var hidden = await AppointmentForm.FetchHiddenFields(toFirst);
        foreach (Cookie cookie in cookies.GetCookies(first.BaseAddress)) cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));

        var response = await AppointmentForm.Post(toSecond, hidden.Concat(AppointmentForm.ValidAnswers()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await second.Store.CountAsync());
    }
}
