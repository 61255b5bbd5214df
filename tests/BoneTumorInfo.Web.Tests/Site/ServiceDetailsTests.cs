using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>The service's own details, from content/service.yml, on every page.</summary>
public sealed class ServiceDetailsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("/", "tel:+880255667788", "02-55667788")]
    [InlineData("/bn", "tel:+880255667788", "০২-৫৫৬৬৭৭৮৮")]
    [InlineData("/no-such-page", "tel:+880255667788", "02-55667788")]
    public async Task Every_footer_names_the_service_and_its_main_number_as_a_tap_to_call_link(string path, string href, string shown)
    {
        var (_, page) = await site.CreateClient().GetPage(path);

        var footer = page.QuerySelector("footer")!;
        var number = footer.QuerySelectorAll("a.phone-number").FirstOrDefault(a => a.GetAttribute("href") == href);
        Assert.NotNull(number);
        Assert.Equal(shown, number.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(footer.QuerySelector(".site-footer__name")?.TextContent));
        Assert.Contains(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") is "/contact" or "/bn/contact");
        Assert.Contains(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") is "/accessibility" or "/bn/accessibility");
        Assert.Contains(footer.QuerySelectorAll("a"), a => a.GetAttribute("href") == "tel:999");
    }

    [Theory]
    [InlineData("/contact")]
    [InlineData("/bn/contact")]
    [InlineData("/accessibility")]
    [InlineData("/bn/accessibility")]
    public async Task The_contact_and_accessibility_pages_exist_in_both_languages(string path)
    {
        var (response, page) = await site.CreateClient().GetPage(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("{{", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_page_gives_every_number_one_tap_away()
    {
        var (_, page) = await site.CreateClient().GetPage("/contact");

        var numbers = page.QuerySelectorAll("main a[href^='tel:']").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Contains("tel:+880255667788", numbers);
        Assert.Contains("tel:+8801700000000", numbers);
        Assert.Contains("tel:999", numbers);
    }

    [Fact]
    public async Task While_the_profile_is_an_example_every_page_says_the_details_are_examples()
    {
        var (_, english) = await site.CreateClient().GetPage("/");
        var (_, bengali) = await site.CreateClient().GetPage("/bn");

        Assert.Contains("examples", english.QuerySelector(".example-notice[role=note]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("উদাহরণ", bengali.QuerySelector(".example-notice[role=note]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_service_profile_shows_no_example_notice()
    {
        using var content = new TempContentSite();
        var profile = File.ReadAllText(Path.Combine(RepoPaths.Content, "service.yml")).Replace("example: true", "example: false", StringComparison.Ordinal);
        content.Write("service.yml", profile);

        var (_, page) = await content.CreateClient().GetPage("/");

        Assert.Null(page.QuerySelector(".example-notice"));
        Assert.NotNull(page.QuerySelector("footer a.phone-number"));
    }

    [Fact]
    public async Task A_page_past_its_review_date_tells_readers_calmly_and_a_current_one_does_not()
    {
        using var content = new TempContentSite();
        content.Write("en/guide.md", TestPages.Page("Guide", order: 1));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero));
        using var dated = content.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = dated.CreateClient();

        var (_, current) = await client.GetPage("/guide");
        // TestPages are due for review on 1 November 2027: the day after, the page says so. Any
        // content change empties the output cache, as the passing of time does within the hour.
        clock.SetUtcNow(new DateTimeOffset(2027, 11, 2, 6, 0, 0, TimeSpan.Zero));
        content.Write("en/other.md", TestPages.Page("Other", order: 2));
        var (_, overdue) = await Poll.Until(() => client.GetPage("/guide"), p => p.Document.QuerySelector(".review-notice") is not null, TimeSpan.FromSeconds(15));

        Assert.Null(current.QuerySelector(".review-notice"));
        Assert.Contains("due for review", overdue.QuerySelector(".review-notice[role=note]")?.TextContent, StringComparison.Ordinal);
    }
}
