using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Seo;

/// <summary>One address per page: a trailing slash or "/index" moves permanently to the page's own address.</summary>
public sealed class CanonicalRedirectTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/conditions/", "/conditions")]
    [InlineData("/conditions/index", "/conditions")]
    [InlineData("/conditions/index/", "/conditions")]
    [InlineData("/conditions/benign-bone-tumours/", "/conditions/benign-bone-tumours")]
    [InlineData("/index", "/")]
    [InlineData("/bn/", "/bn")]
    [InlineData("/bn/index", "/bn")]
    [InlineData("/bn/conditions/", "/bn/conditions")]
    public async Task Another_spelling_of_a_page_s_address_moves_to_its_own(string asked, string canonical)
    {
        var response = await site.CreatePlainClient().GetAsync(new Uri(asked, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/conditions")]
    [InlineData("/bn")]
    [InlineData("/")]
    public async Task The_page_s_own_address_answers_directly(string url)
    {
        var response = await site.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page/")]
    [InlineData("/no-such-page/index")]
    public async Task A_slash_or_index_after_an_unknown_address_is_still_not_found(string url)
    {
        var response = await site.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
