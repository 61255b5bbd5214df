using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>What the browser tests look for on any page.</summary>
public static class PageChecks
{
    /// <summary>WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules a UK or Bangladeshi public body is held to.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    public static async Task AssertNoAxeViolations(this IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(WcagTags) });
        if (result.Violations.Length == 0) return;

        var report = new StringBuilder($"{what}: {result.Violations.Length} axe violation(s)");
        foreach (var violation in result.Violations)
        {
            report.Append(CultureInfo.InvariantCulture, $"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                var why = string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                report.Append(CultureInfo.InvariantCulture, $"\n    {node.Target}: {node.Html}\n      {why}");
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// Console errors and page errors, which is where a Content-Security-Policy refusal shows up
    /// ("Refused to apply inline style …") along with broken scripts and missing files.
    /// </summary>
    public static List<string> CollectErrors(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add($"page error: {error}");
        };
        page.RequestFailed += (_, request) =>
        {
            lock (errors) errors.Add($"request failed: {request.Url} {request.Failure}");
        };
        return errors;
    }

    public static async Task<IResponse> Open(this IPage page, string path, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Status == status, $"{path} answered {response.Status}, expected {status}");
        return response;
    }

    /// <summary>
    /// Runs an action that posts a form and waits until the answer has replaced the page (the
    /// address may not change, so waiting for a URL is not enough). Works with JavaScript off too:
    /// Playwright's own evaluation runs regardless.
    /// </summary>
    public static async Task AfterNewDocument(this IPage page, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(action);
        await page.EvaluateAsync("() => { document.documentElement.dataset.oldDocument = 'yes'; }");
        await action();
        // A PlaywrightException means the old document went away mid-question: ask the new one.
        await Poll.UntilTrue(() => page.EvaluateAsync<bool>("() => document.readyState === 'complete' && !document.documentElement.dataset.oldDocument"),
            TimeSpan.FromSeconds(15), "the page was not replaced within 15 seconds", null, typeof(PlaywrightException));
    }

    /// <summary>How far the page can be scrolled sideways, in CSS pixels (0 when it fits).</summary>
    public static async Task<int> HorizontalOverflow(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /// <summary>Elements sticking out past the right edge, to say what caused an overflow.</summary>
    public static async Task<string> WideElements(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string>(
            """
            () => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
              .slice(0, 8)
              .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' → ' + Math.round(e.getBoundingClientRect().right) + 'px')
              .join('\n')
            """);
    }

    public static string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(BrowserPaths.Artifacts);
        return Path.Combine(BrowserPaths.Artifacts, name + ".png");
    }
}
