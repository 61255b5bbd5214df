using System.Net;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>
/// The promise behind the confirmation page: a request whose reference was shown survives the
/// web process being killed outright (SIGKILL: no shutdown, no flush, no finally blocks).
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_request_survives_a_kill_9_of_the_web_process()
    {
        var data = Path.Combine(Path.GetTempPath(), "bti-kill-" + Guid.NewGuid().ToString("N"));
        using var web = await WebProcess.StartAsync(data, settings: new Dictionary<string, string> { ["Appointments__Form__PermitLimit"] = "1000000" });
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var baseAddress = web.BaseAddress;
        {
            // Four browsers send forms as fast as they can; the process is killed mid-stream.
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                using var client = KestrelAppointmentSite.CreateBrowser(baseAddress, new CookieContainer());
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await AppointmentForm.Submit(client, AppointmentForm.ValidAnswers());
                        if (response.StatusCode != HttpStatusCode.Redirect) continue;
                        // The redirect is the acknowledgement: its reference is what the person would be shown.
                        var (page, document) = await client.GetPage(response.Headers.Location!.OriginalString);
                        if (page.StatusCode == HttpStatusCode.OK)
                            acknowledged.Add(document.QuerySelector(".confirmation-panel__reference")!.TextContent.Trim());
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Usually 5-10 s. CI runs this beside the browser suite on two cores, where one run
            // reached only 143 in 30 s: the wait is a bound for a starved machine, not a speed test.
            await Poll.Until(() => Task.FromResult(acknowledged.Count), count => count >= 150, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20));
            await web.KillAsync();
            stop.Cancel();
            await Task.WhenAll(senders);
        }

        Assert.True(acknowledged.Count >= 150, $"only {acknowledged.Count} requests were acknowledged before the kill");
        await using var store = new SqliteAppointmentStore(Path.Combine(data, "appointments.db"));
        var stored = (await store.AllReferencesAsync()).ToHashSet();
        var lost = acknowledged.Where(r => !stored.Contains(r)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged requests were lost: {string.Join(", ", lost.Take(5))}");
    }
}
