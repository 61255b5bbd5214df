using System.Net;
using System.Text.Json;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>Links and unreadable folders under content/: nothing outside is served, everything else stays up.</summary>
public sealed class ContentFolderFaultsTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private readonly TempContentSite _site = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "bti-outside-" + Guid.NewGuid().ToString("N"));

    public ContentFolderFaultsTests()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllBytes(Path.Combine(_outside, "secret.png"), Png);
        _site.Write("en/guide.md", TestPages.Page("Guide", order: 1));
        _site.WriteBytes("en/images/knee.png", Png);
    }

    public void Dispose()
    {
        _site.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task An_image_named_link_to_a_file_outside_the_content_folder_is_not_served()
    {
        File.CreateSymbolicLink(Path.Combine(_site.Root, "en/images/passwd.png"), "/etc/passwd");
        var client = _site.CreateClient();

        var inside = await client.GetAsync(new Uri("/content-files/en/images/knee.png", UriKind.Relative));
        var outside = await client.GetAsync(new Uri("/content-files/en/images/passwd.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.DoesNotContain("root:", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_folder_leading_outside_serves_none_of_its_images()
    {
        Directory.CreateSymbolicLink(Path.Combine(_site.Root, "en/elsewhere"), _outside);

        var response = await _site.CreateClient().GetAsync(new Uri("/content-files/en/elsewhere/secret.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_folder_that_leads_to_the_whole_disk_leaves_every_page_up_and_readiness_names_it()
    {
        Directory.CreateSymbolicLink(Path.Combine(_site.Root, "en/everything"), "/");
        var client = _site.CreateClient();

        var (page, _) = await client.GetPage("/guide");
        var (form, _) = await client.GetPage("/appointments/request");
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var content = health.RootElement.GetProperty("checks").GetProperty("content");
        Assert.Equal("Degraded", content.GetProperty("status").GetString());
        Assert.Contains("en/everything", content.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
