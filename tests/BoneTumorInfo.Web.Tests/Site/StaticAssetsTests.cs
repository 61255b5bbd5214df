using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>The build output run in Production (dotnet run -c Release, or the dll started directly) serves real assets.</summary>
public sealed class StaticAssetsTests
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData(null)]
    public async Task The_unpublished_build_in_Production_sends_the_whole_stylesheet(string? encoding)
    {
        var data = Path.Combine(Path.GetTempPath(), "bti-assets-" + Guid.NewGuid().ToString("N"));
        using var web = await WebProcess.StartAsync(data);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = web.BaseAddress };
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var href = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        if (encoding is not null) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);
        var css = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".care-card", css, StringComparison.Ordinal);
        Assert.True(css.Length > 5_000, $"the stylesheet arrived as {css.Length} characters");
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }
}
