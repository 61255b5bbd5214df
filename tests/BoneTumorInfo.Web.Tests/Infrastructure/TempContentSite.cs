namespace BoneTumorInfo.Web.Tests.Infrastructure;

/// <summary>The app over a throw-away content folder that a test may edit while the app runs.</summary>
public sealed class TempContentSite : SiteFactory
{
    public TempContentSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "bti-site-" + Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Path.Combine(Root, "en"));
        Write("en/index.md", TestPages.Page("Home page"));
    }

    public string Root { get; }

    protected override string? ContentRoot => Root;

    public TempContentSite Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Root, relative));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
