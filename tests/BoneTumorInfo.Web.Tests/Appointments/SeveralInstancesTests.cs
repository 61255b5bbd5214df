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

        var cookies = new CookieContainer();
        using var toFirst = KestrelAppointmentSite.CreateBrowser(first.BaseAddress, cookies);
        var response = await FetchFromOneAndSendToTheOther(first, second, toFirst, cookies);
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
        var response = await FetchFromOneAndSendToTheOther(first, second, toFirst, cookies);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await second.Store.CountAsync());
    }

    /// <summary>
    /// One browser, as behind a load balancer: it fetches the form from the first instance, its
    /// cookies follow it, and it sends the filled form to the second.
    /// </summary>
    private static async Task<HttpResponseMessage> FetchFromOneAndSendToTheOther(
        KestrelAppointmentSite first, KestrelAppointmentSite second, HttpClient toFirst, CookieContainer cookies)
    {
        var hidden = await AppointmentForm.FetchHiddenFields(toFirst);
        foreach (Cookie cookie in cookies.GetCookies(first.BaseAddress)) cookies.Add(second.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        using var toSecond = KestrelAppointmentSite.CreateBrowser(second.BaseAddress, cookies);
        return await AppointmentForm.Post(toSecond, hidden.Concat(AppointmentForm.ValidAnswers()));
    }
}
