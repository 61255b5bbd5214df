using System.Net;

namespace BoneTumorInfo.Web.Tests.Staff;

/// <summary>The staff accounts store is made when the staff area is first asked for; the public site never waits for it or falls with it.</summary>
public sealed class StaffStoreTests
{
    [Fact]
    public async Task When_the_accounts_store_cannot_be_made_the_public_pages_still_serve_and_the_staff_area_answers_with_an_error()
    {
        using var site = new StaffSite();
        // A folder where the database file should be: SQLite cannot open it.
        Directory.CreateDirectory(Path.Combine(site.DataDirectory, "staff.db"));
        using var client = site.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/bn/conditions", UriKind.Relative))).StatusCode);
        var staff = await client.GetAsync(new Uri("/staff/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, staff.StatusCode);
        Assert.True(staff.Headers.CacheControl?.NoStore);
        Assert.Contains(site.Logs.Lines, line => line.Contains("staff accounts store could not be made", StringComparison.Ordinal));

        // Put right, the next staff request makes the store.
        Directory.Delete(Path.Combine(site.DataDirectory, "staff.db"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/staff/login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_staff_page_asked_for_at_once_waits_for_the_store_and_answers()
    {
        using var site = new StaffSite();
        using var client = site.CreatePlainClient();

        var login = await client.GetAsync(new Uri("/staff/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(site.StoreReady().IsCompletedSuccessfully);
    }
}
