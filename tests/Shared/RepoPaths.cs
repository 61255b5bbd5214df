using System.Reflection;

namespace BoneTumorInfo.Testing;

/// <summary>A content page as found on disk: its site address and its file under content/.</summary>
public sealed record RepoPage(string Url, string File);

/// <summary>
/// Where the repo is (recorded at build time by tests/Directory.Build.props, so it holds
/// wherever the build output goes), and the site's pages found from the files themselves,
/// not from the app's own index. Linked into every test project.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Content { get; } = Path.Combine(Root, "content");

    /// <summary>The content folder with one planted fault of each kind the checker knows.</summary>
    public static string FaultyContent { get; } = Path.Combine(Root, "tests", "BoneTumorInfo.Content.Tests", "Fixtures", "faulty-content");

    /// <summary>Every published page (drafts are 404 to readers, so they are left out), in file order.</summary>
    public static IReadOnlyList<RepoPage> ContentPages()
    {
        var pages = new List<RepoPage>();
        foreach (var language in Directory.EnumerateDirectories(Content).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            var folder = Path.Combine(Content, language);
            foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (File.ReadLines(file).Take(30).Any(l => l.Trim() == "draft: true")) continue;
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var slug = relative[..^3];
                slug = slug == "index" ? "" : slug.EndsWith("/index", StringComparison.Ordinal) ? slug[..^6] : slug;
                var url = (language == "en" ? "" : "/" + language) + "/" + slug;
                pages.Add(new RepoPage(url.Length > 1 ? url.TrimEnd('/') : url, $"{language}/{relative}"));
            }
        }

        return pages;
    }
}
