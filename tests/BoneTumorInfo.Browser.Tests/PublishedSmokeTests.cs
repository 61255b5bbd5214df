using System.Text.RegularExpressions;
using BoneTumorInfo.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>Smoke tests against the published output in Production, as a hospital runs it.</summary>
[Collection(PublishedTests.Name)]
public sealed partial class PublishedSmokeTests(PublishedFixture published)
{
    [GeneratedRegex("/appointments/request/confirmation")]
    private static partial Regex ConfirmationAddress();

    [BrowserTheory]
    [InlineData("/")]
    [InlineData("/bone-tumor-surgery/anaesthesia")]
    [InlineData("/bn/conditions/malignant-bone-tumours")]
    public async Task A_published_page_arrives_styled_without_errors_and_passes_axe(string path)
    {
        var page = await published.NewPage();
        var errors = page.CollectErrors();
        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        // The stylesheet applied: the header has the brand colour, not the browser's default white.
        var header = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor");
        Assert.Equal("rgb(14, 74, 92)", header);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.AssertNoAxeViolations($"published {path}");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_published_form_takes_a_request_and_the_request_log_writes_a_line_for_it()
    {
        var page = await published.NewPage();
        await page.GotoAsync("/appointments/request");
        await page.GetByLabel("I am the patient", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Patient's full name").FillAsync("Published Smoke " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByLabel("Day").FillAsync("3");
        await page.GetByLabel("Month").FillAsync("Mar");
        await page.GetByLabel("Year").FillAsync("1990");
        await page.GetByLabel("Phone number").FillAsync("01712 345678");
        await page.GetByLabel("I'm not sure").CheckAsync();
        await page.GetByLabel("English").CheckAsync();
        await page.GetByLabel("I agree to the hospital using these details to contact me about this request").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await page.WaitForURLAsync(ConfirmationAddress());

        Assert.Equal("Request sent", (await page.Locator("h1").TextContentAsync())?.Trim());
        var logged = await Poll.Until(() => Task.FromResult(published.Output.ToList()),
            lines => lines.Any(l => l.Contains("HTTP POST /appointments/request responded 302", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        // In the format appsettings.json gives (with its source), so the published settings were read.
        Assert.Contains(logged, l => l.Contains("RequestLoggingMiddleware: HTTP POST /appointments/request responded 302", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, l => l.Contains("Published Smoke", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
