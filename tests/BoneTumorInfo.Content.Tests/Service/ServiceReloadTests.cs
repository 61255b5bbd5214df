using BoneTumorInfo.Content.Pages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Content.Tests.Service;

/// <summary>Staff edit service.yml while the site runs: pages follow without a restart.</summary>
public sealed class ServiceReloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly TempContent _content = new();
    private readonly ContentStore _store;

    public ServiceReloadTests()
    {
        _content.Write("service.yml", ServiceFixtures.Text("valid.yml"))
            .Write("en/index.md", TestPages.Page("Home", body: "Call the ward on {{ phone.ward }}, day or night."));
        _store = new ContentStore(Options.Create(new ContentOptions { RootPath = _content.Root }), NullLogger<ContentStore>.Instance);
    }

    public void Dispose()
    {
        _store.Dispose();
        _content.Dispose();
    }

    private RenderedPage Home() => _store.Render(_store.Index.Find("en", "")!);

    /// <summary>Polls until the store has seen the edit (the file watcher reports it a moment later).</summary>
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }

        return condition();
    }

    [Fact]
    public async Task A_new_number_in_service_yml_shows_on_the_rendered_page_without_a_restart()
    {
        Assert.Contains(">01700-000000</a>", Home().Html, StringComparison.Ordinal);

        _content.Write("service.yml", ServiceFixtures.Text("valid.yml").Replace("01700-000000", "01811-223344", StringComparison.Ordinal));

        Assert.True(await Eventually(() => Home().Html.Contains(">01811-223344</a>", StringComparison.Ordinal)), Home().Html);
        Assert.Equal("01811-223344", _store.Service?.Ward.National);
    }

    [Fact]
    public async Task A_broken_service_yml_keeps_the_last_good_details_and_says_what_is_wrong()
    {
        Assert.NotNull(_store.Service);

        _content.Write("service.yml", ServiceFixtures.Text("invalid-phone.yml"));

        Assert.True(await Eventually(() => _store.ServiceDiagnostics.Any(d => d.IsError)));
        Assert.Equal(28, _store.ServiceDiagnostics.Single(d => d.IsError).Line);
        Assert.Equal("01700-000000", _store.Service?.Ward.National);
        Assert.Contains(">01700-000000</a>", Home().Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_the_details_as_an_example_is_seen_live()
    {
        Assert.False(_store.Service!.IsExample);

        _content.Write("service.yml", ServiceFixtures.Text("example.yml"));

        Assert.True(await Eventually(() => _store.Service?.IsExample == true));
    }
}
