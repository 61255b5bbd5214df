namespace BoneTumorInfo.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel socket on loopback, for tests whose requests must reach the server
/// byte for byte (the in-memory test server cannot carry un-normalised paths).
/// </summary>
public sealed class KestrelSite : SiteFactory
{
    public KestrelSite()
    {
        BaseAddress = this.StartOnLoopback();
    }

    public Uri BaseAddress { get; }

    /// <summary>Sends a path exactly as written, without the URI class tidying away "..", "%2e" and friends.</summary>
    public async Task<(int Status, string Body)> GetRaw(string rawPath)
    {
        using var client = new HttpClient();
        var uri = new Uri(BaseAddress.GetLeftPart(UriPartial.Authority) + rawPath, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
