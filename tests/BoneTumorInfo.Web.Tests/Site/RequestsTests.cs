using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>How the site answers requests as such: methods it does not take, the request log.</summary>
public sealed class RequestsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("PUT", "/about")]
    [InlineData("DELETE", "/conditions")]
    [InlineData("PATCH", "/appointments/request")]
    [InlineData("TRACE", "/")]
    [InlineData("PUT", "/favicon.svg")]
    public async Task Other_methods_get_a_405_with_the_usual_headers_and_no_error_in_the_log(string method, string path)
    {
        var client = site.CreatePlainClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST", "OPTIONS"], response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []).SelectMany(a => a.Split(", ")).Distinct());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.DoesNotContain(site.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(path, StringComparison.Ordinal) && !l.Contains("responded 405", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_request_writes_one_log_line_with_method_path_status_and_time_but_never_the_query()
    {
        var client = site.CreatePlainClient();

        await client.GetAsync(new Uri("/conditions?q=my+sons+knee", UriKind.Relative));
        await client.GetAsync(new Uri("/no-such-page-for-the-log", UriKind.Relative));

        // The line is written as the response completes, a moment after the client has it.
        var lines = await Poll.Until(
            // Providers show the template's values quoted (HTTP "GET" "/path"); the console does not.
            () => Task.FromResult(site.Logs.Lines.Select(l => l.Replace("\"", "", StringComparison.Ordinal)).Where(l => l.Contains("HTTP GET", StringComparison.Ordinal)).ToList()),
            l => l.Any(x => x.Contains("/no-such-page-for-the-log", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        Assert.Single(lines, l => l.Contains("HTTP GET /conditions responded 200 in", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("HTTP GET /no-such-page-for-the-log responded 404 in", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains("knee", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("/status/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_error_is_an_ordinary_missing_page()
    {
        var (response, page) = await site.CreateClient().GetPage("/error");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }
}
