using System.Text.Json;
using System.Text.RegularExpressions;
using BoneTumorInfo.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>
/// The appointment request form in a real browser: accessible when empty, when sent back with
/// problems and when done; usable with the keyboard alone, and without JavaScript.
/// Written against the GOV.UK patterns the form follows: an error summary (class error-summary,
/// heading "There is a problem") linking to each field by id, and a title starting "Error: ".
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class AppointmentFormTests(BrowserFixture browser)
{
    private const string FormPath = "/appointments/request";

    /// <summary>What a parent would answer, by field name. Radios and the checkbox give the value to choose.</summary>
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["SubmittedBy"] = "parent-or-carer",
        ["PatientName"] = "Nusrat Jahan Chowdhury",
        ["DobDay"] = "14",
        ["DobMonth"] = "1",
        ["DobYear"] = "2015",
        ["Phone"] = "01712 345678",
        ["Service"] = "childrens-tumour-surgery",
        ["CallLanguage"] = "bengali",
        ["Reason"] = "A painful swelling above her knee for two months.",
        ["Consent"] = "yes",
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] FieldTags = ["input", "select", "textarea"];

    [GeneratedRegex("/appointments/request/confirmation")]
    private static partial Regex ConfirmationAddress();

    private sealed record Focused(string Tag, string Type, string Name, string Value, bool Checked, string Id);

    private static async Task<Focused> FocusedElement(IPage page)
    {
        var json = await page.EvaluateAsync<string>(
            """
            () => { const e = document.activeElement;
              return JSON.stringify({ tag: e.tagName.toLowerCase(), type: (e.type || '').toLowerCase(), name: e.name || '',
                value: e.value || '', checked: !!e.checked, id: e.id || '' }); }
            """);
        return JsonSerializer.Deserialize<Focused>(json, Json)!;
    }

    private static async Task SendEmptyFormWithKeyboard(IPage page)
    {
        await page.Open(FormPath);
        await page.Locator("main form button[type=submit]").FocusAsync();
        await page.AfterNewDocument(() => page.Keyboard.PressAsync("Enter"));
    }

    [BrowserFact]
    public async Task The_empty_form_has_no_violations_on_a_phone_or_a_desktop()
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await browser.NewPage(width);
            var errors = page.CollectErrors();
            await page.Open(FormPath);

            await page.AssertNoAxeViolations($"empty form at {width}px");
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.True(await page.HorizontalOverflow() <= 0, "the form scrolls sideways");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Sent_empty_the_form_shows_a_focused_error_summary_whose_links_move_focus_to_the_fields()
    {
        var page = await browser.NewPage();
        var errors = page.CollectErrors();
        await SendEmptyFormWithKeyboard(page);

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        var summary = page.Locator(".error-summary");
        Assert.Equal("There is a problem", (await summary.Locator("h2").InnerTextAsync()).Trim());
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"), "the error summary does not have focus");
        await page.AssertNoAxeViolations("form with errors at 360px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PageChecks.ScreenshotPath("form-errors-360"), FullPage = true });

        var links = await summary.Locator("a").AllAsync();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var href = await link.GetAttributeAsync("href");
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            await link.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var focused = await FocusedElement(page);
            Assert.True(focused.Id == href![1..], $"{href}: focus went to <{focused.Tag} id='{focused.Id}'>");
            Assert.Contains(focused.Tag, FieldTags);
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();

        var wide = await browser.NewPage(1280, 900);
        await SendEmptyFormWithKeyboard(wide);
        await wide.AssertNoAxeViolations("form with errors at 1280px");
        await wide.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_form_can_be_completed_with_the_keyboard_alone()
    {
        var page = await browser.NewPage();
        var errors = page.CollectErrors();
        await page.Open(FormPath);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var sent = false;

        for (var presses = 0; presses < 200 && !sent; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var field = await FocusedElement(page);
            if (field.Tag == "button" && field.Type == "submit" && done.Count == Answers.Count)
            {
                await page.Keyboard.PressAsync("Enter");
                sent = true;
            }
            else if (!Answers.TryGetValue(field.Name, out var answer) || done.Contains(field.Name))
            {
                continue;
            }
            else if (field.Type == "radio")
            {
                // Arrow keys move through a radio group and choose as they go.
                for (var step = 0; step < 10 && field.Value != answer; step++)
                {
                    await page.Keyboard.PressAsync("ArrowDown");
                    field = await FocusedElement(page);
                }

                if (!field.Checked) await page.Keyboard.PressAsync("Space");
                Assert.True((await FocusedElement(page)) is { Checked: true } chosen && chosen.Value == answer, $"could not choose {answer} for {field.Name}");
                done.Add(field.Name);
            }
            else if (field.Type == "checkbox")
            {
                if (!field.Checked) await page.Keyboard.PressAsync("Space");
                done.Add(field.Name);
            }
            else
            {
                await page.Keyboard.TypeAsync(answer);
                done.Add(field.Name);
            }
        }

        Assert.True(sent, $"never reached the send button with every answer given; answered: {string.Join(", ", done)}");
        await page.WaitForURLAsync(ConfirmationAddress());
        Assert.DoesNotContain("Error", await page.TitleAsync(), StringComparison.Ordinal);
        var reference = (await page.Locator(".confirmation-panel strong, .confirmation-panel .confirmation-panel__reference").First.InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(reference));
        await page.AssertNoAxeViolations("confirmation page at 360px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PageChecks.ScreenshotPath("form-confirmation-360") });
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        await page.SetViewportSizeAsync(1280, 900);
        await page.AssertNoAxeViolations("confirmation page at 1280px");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Without_javascript_the_form_reports_problems_and_then_sends()
    {
        var page = await browser.NewPage(javaScript: false);
        await SendEmptyFormWithKeyboard(page);

        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".error-summary").IsVisibleAsync());
        // Without the script, a summary link still leads to its field (the browser follows the fragment).
        var first = page.Locator(".error-summary a").First;
        var target = (await first.GetAttributeAsync("href"))!;
        await first.ClickAsync();
        Assert.EndsWith(target, page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(target).IsVisibleAsync());

        await page.Locator("#patient-name").FillAsync(Answers["PatientName"]);
        await page.Locator("#dob-day").FillAsync(Answers["DobDay"]);
        await page.Locator("#dob-month").FillAsync(Answers["DobMonth"]);
        await page.Locator("#dob-year").FillAsync(Answers["DobYear"]);
        await page.Locator("#phone").FillAsync(Answers["Phone"]);
        foreach (var name in new[] { "SubmittedBy", "Service", "CallLanguage" })
        {
            await page.Locator($"input[name='{name}'][value='{Answers[name]}']").CheckAsync();
        }

        await page.Locator("input[name='Consent']").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(ConfirmationAddress());
        Assert.True(await page.Locator(".confirmation-panel").IsVisibleAsync());
        await page.Context.CloseAsync();
    }
}
