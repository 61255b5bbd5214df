using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>
/// The real app, as in production, on a loopback port a browser can reach, over the repo's own
/// content. Appointment requests go to a throw-away folder.
/// </summary>
public sealed class BrowserSite : WebApplicationFactory<Program>
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "bti-browser-" + Guid.NewGuid().ToString("N"));

    public BrowserSite()
    {
        BaseAddress = this.StartOnLoopback();
    }

    public Uri BaseAddress { get; }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        // Build output, not a publish folder: the precompressed copies of the stylesheet live under
        // obj/, and only the static web assets manifest says where (publishing puts them in wwwroot).
        builder.UseStaticWebAssets();
        builder.UseSetting("Content:RootPath", RepoPaths.Content);
        builder.UseSetting("Appointments:DataDirectory", _data);
        // The tests send the form many times from one address; the limit has its own integration test.
        builder.UseSetting("Appointments:Form:PermitLimit", "100000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
