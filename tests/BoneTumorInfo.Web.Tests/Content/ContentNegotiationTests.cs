using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using BoneTumorInfo.Web.Content;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>
/// A content page is kept as plain, gzip and brotli bytes, made once, and each reader gets the
/// form their browser accepts with that form's own ETag.
/// </summary>
public sealed class ContentNegotiationTests : IDisposable
{
    private readonly TempContentSite _site = new();

    public ContentNegotiationTests()
    {
        _site.Write("en/guide.md", TestPages.Page("Guide title", order: 1, body: string.Join("\n\n", Enumerable.Repeat("Rest the leg and keep it raised. Call the team if it swells.", 40))));
        _site.Write("en/other.md", TestPages.Page("Other title", order: 2));
    }

    public void Dispose() => _site.Dispose();

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string? acceptEncoding, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }

    private static async Task<string> Decoded(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Stream body = new MemoryStream(bytes);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        body = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            _ => throw new InvalidOperationException($"unexpected encoding {encoding}"),
        };
        using var reader = new StreamReader(body);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Brotli_gzip_and_plain_forms_decode_to_the_same_html_with_their_own_etags()
    {
        var client = _site.CreateClient();
        // The first request makes the page; ask each form twice so the stored copy is checked too.
        var responses = new List<(string? Asked, HttpResponseMessage Response)>();
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var asked in new[] { "br", "gzip", null })
            {
                responses.Add((asked, await Send(client, "/guide", asked)));
            }
        }

        var html = await Decoded(responses[^1].Response);
        Assert.Contains("Guide title", html, StringComparison.Ordinal);
        foreach (var (asked, response) in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(asked is null ? [] : [asked], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(response.Headers.ETag!.IsWeak);
            Assert.Equal(html, await Decoded(response));
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        }

        var tags = responses.Take(3).Select(r => r.Response.Headers.ETag!.Tag).ToList();
        Assert.Equal(3, tags.Distinct().Count());
        Assert.Equal(tags, responses.Skip(3).Select(r => r.Response.Headers.ETag!.Tag));
        // Compressed at a real level: the repeated text shrinks to a small part of its size.
        var brotliLength = (await responses[3].Response.Content.ReadAsByteArrayAsync()).Length;
        var gzipLength = (await responses[4].Response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(brotliLength < html.Length / 3, $"brotli {brotliLength} of {html.Length}");
        Assert.True(gzipLength < html.Length / 3, $"gzip {gzipLength} of {html.Length}");
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData(null)]
    public async Task Each_form_answers_its_own_etag_with_304_and_another_forms_etag_with_the_page(string? encoding)
    {
        var client = _site.CreateClient();
        var first = await Send(client, "/guide", encoding);
        var etag = first.Headers.ETag!.ToString();
        var otherEncoding = encoding == "br" ? "gzip" : "br";

        var same = await Send(client, "/guide", encoding, etag);
        var other = await Send(client, "/guide", otherEncoding, etag);

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Empty(await same.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, same.Headers.ETag!.ToString());
        Assert.Contains("Accept-Encoding", same.Headers.Vary);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal([otherEncoding], other.Content.Headers.ContentEncoding);
        Assert.NotEqual(etag, other.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_page_first_asked_with_an_etag_is_made_stored_and_answered_with_304()
    {
        var client = _site.CreateClient();
        var tag = (await Send(client, "/guide", "br")).Headers.ETag!.ToString();

        using var fresh = new TempContentSite();
        fresh.Write("en/guide.md", TestPages.Page("Guide title", order: 1, body: string.Join("\n\n", Enumerable.Repeat("Rest the leg and keep it raised. Call the team if it swells.", 40))));
        fresh.Write("en/other.md", TestPages.Page("Other title", order: 2));
        var freshClient = fresh.CreateClient();
        var answer = await Send(freshClient, "/guide", "br", tag);
        var again = await Send(freshClient, "/guide", "br");

        Assert.Equal(HttpStatusCode.NotModified, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(again.Headers.Age);
    }

    [Fact]
    public async Task A_page_is_compressed_once_however_often_it_is_read_and_not_again_when_another_page_changes()
    {
        var client = _site.CreateClient();
        var pages = _site.Services.GetRequiredService<StoredPages>();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Send(client, "/guide", i % 2 == 0 ? "br" : "gzip, deflate")).StatusCode);
        }

        var afterReads = pages.Compressions;
        Assert.Equal(1, afterReads);

        // A new body for another page (same title and order) leaves this page's HTML as it was.
        _site.Write("en/other.md", TestPages.Page("Other title", order: 2, body: "Brand new words."));
        var other = await Poll.Until(() => Send(client, "/other", null), r => r.Content.ReadAsStringAsync().Result.Contains("Brand new words", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Brand new words", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var guide = await Send(client, "/guide", "br");

        Assert.Equal(HttpStatusCode.OK, guide.StatusCode);
        Assert.Null(guide.Headers.Age);
        Assert.Equal(afterReads + 1, pages.Compressions);
    }

    private static Task AtHighestLevel(StoredPages pages, long count) =>
        Poll.UntilTrue(() => Task.FromResult(pages.CompressedAtHighest >= count), TimeSpan.FromSeconds(15),
            $"fewer than {count} pages compressed at the highest level after 15 s", TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task The_first_reader_gets_quick_forms_which_the_store_then_replaces_with_smaller_ones_under_the_same_etags()
    {
        var client = _site.CreateClient();
        var pages = _site.Services.GetRequiredService<StoredPages>();
        var firstBrotli = await Send(client, "/guide", "br");
        var firstGzip = await Send(client, "/guide", "gzip");

        await AtHighestLevel(pages, 1);
        var laterBrotli = await Send(client, "/guide", "br");
        var laterGzip = await Send(client, "/guide", "gzip");
        var revalidated = await Send(client, "/guide", "br", firstBrotli.Headers.ETag!.ToString());

        Assert.Equal(1, pages.Compressions);
        Assert.Equal(1, pages.CompressedAtHighest);
        Assert.Equal(firstBrotli.Headers.ETag, laterBrotli.Headers.ETag);
        Assert.Equal(firstGzip.Headers.ETag, laterGzip.Headers.ETag);
        var html = await Decoded(firstBrotli);
        Assert.Equal(html, await Decoded(laterBrotli));
        Assert.Equal(html, await Decoded(firstGzip));
        Assert.Equal(html, await Decoded(laterGzip));
        // Brotli at 11 against 4: the same page in fewer bytes.
        Assert.True(laterBrotli.Content.Headers.ContentLength < firstBrotli.Content.Headers.ContentLength,
            $"brotli {laterBrotli.Content.Headers.ContentLength} bytes later against {firstBrotli.Content.Headers.ContentLength} first");
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Head_gets_the_headers_and_length_of_the_form_asked_for_without_a_body()
    {
        var client = _site.CreateClient();
        await Send(client, "/guide", "br");
        // Once the stored forms are the final ones, a GET and a HEAD see the same bytes.
        await AtHighestLevel(_site.Services.GetRequiredService<StoredPages>(), 1);
        var get = await Send(client, "/guide", "br");
        var bytes = await get.Content.ReadAsByteArrayAsync();

        var head = await Send(client, "/guide", "br", method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_appointment_form_and_signed_in_requests_are_never_answered_from_the_store()
    {
        var client = _site.CreateClient();
        var pages = _site.Services.GetRequiredService<StoredPages>();
        var form = await Send(client, "/appointments/request", "br");
        var formAgain = await Send(client, "/appointments/request", "br");
        Assert.Equal(HttpStatusCode.OK, formAgain.StatusCode);
        Assert.Null(formAgain.Headers.Age);
        Assert.Equal(0, pages.Count);
        Assert.NotEqual(await form.Content.ReadAsByteArrayAsync(), await formAgain.Content.ReadAsByteArrayAsync());

        await Send(client, "/guide", "br");
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/guide", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "c3RhZmY6c2VjcmV0");
        var signedIn = await client.SendAsync(request);
        Assert.Null(signedIn.Headers.Age);
    }

    [Theory]
    [InlineData(null, PageEncoding.Identity)]
    [InlineData("", PageEncoding.Identity)]
    [InlineData("gzip, deflate, br, zstd", PageEncoding.Brotli)]
    [InlineData("gzip, deflate", PageEncoding.Gzip)]
    [InlineData("br;q=0, gzip", PageEncoding.Gzip)]
    [InlineData("br;q=0.5, gzip;q=0.8", PageEncoding.Gzip)]
    [InlineData("BR", PageEncoding.Brotli)]
    [InlineData("*", PageEncoding.Brotli)]
    [InlineData("*;q=0", PageEncoding.Identity)]
    [InlineData("gzip;q=0, *", PageEncoding.Brotli)]
    [InlineData("identity", PageEncoding.Identity)]
    [InlineData("br;q=nonsense, gzip;q=0.1", PageEncoding.Gzip)]
    [InlineData("x-gzip", PageEncoding.Gzip)]
    public void The_form_chosen_follows_the_accept_encoding_header(string? header, PageEncoding expected) =>
        Assert.Equal(expected, AcceptEncoding.Choose(header));
}
