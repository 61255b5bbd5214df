namespace BoneTumorInfo.Content.Tests;

/// <summary>A throw-away content folder for one test.</summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
    {
        Root = Path.Combine(Path.GetTempPath(), "bti-content-" + Guid.NewGuid().ToString("N"), "content");
        Directory.CreateDirectory(Path.Combine(Root, "en"));
    }

    public string Root { get; }

    public static string Page(string title, int order = 0, string body = "Some words.", string extra = "") =>
        $"---\ntitle: {title}\ndescription: About {title}.\norder: {order}\nlast_reviewed: 2026-11-01\nnext_review_due: 2027-11-01\nreviewed_by: Consultant orthopaedic oncologist\n{extra}---\n\n{body}\n";

    public TempContent Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the OS temp cleaner gets it later.
        }
    }
}
