using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>The form's protections against floods: a per-client rate limit and a body size limit.</summary>
public sealed class AppointmentLimitsTests
{
    [Fact]
    public async Task Too_many_posts_from_one_client_get_a_plain_words_429_and_store_nothing()
    {
        using var site = new AppointmentSite(Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N")), permitLimit: 2);
        var client = site.CreateFormClient();
        for (var i = 0; i < 2; i++)
        {
            var ok = await AppointmentForm.Submit(client, AppointmentForm.ValidAnswers());
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var refused = await AppointmentForm.Submit(client, AppointmentForm.ValidAnswers());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await AppointmentForm.Read(refused);
        Assert.Contains("wait", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, await site.Store.CountAsync());

        // Reading the form is never limited.
        var (get, _) = await client.GetPage("/appointments/request");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_and_stores_nothing()
    {
        // The in-memory test server cannot limit a body; Kestrel does.
        using var site = new KestrelAppointmentSite(Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N"))).Start();
        using var client = KestrelAppointmentSite.CreateBrowser(site.BaseAddress, new CookieContainer());
        var answers = AppointmentForm.ValidAnswers();
        answers["Reason"] = new string('x', 200_000);
        var response = await AppointmentForm.Submit(client, answers);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await AppointmentForm.Read(response);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Contains("too long", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await site.Store.CountAsync());
    }
}
