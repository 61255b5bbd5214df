using System.Reflection;

namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>Where the repo is (recorded by tests/Directory.Build.props), and its content pages.</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Content { get; } = Path.Combine(Root, "content");

    /// <summary>Screenshots and other things to look at after a run: TestResults/browser under the repo (git-ignored), or BTI_ARTIFACTS_DIR.</summary>
    public static string Artifacts { get; } = Environment.GetEnvironmentVariable("BTI_ARTIFACTS_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Root, "TestResults", "browser");

    /// <summary>Every published Markdown page's address, found from the files (not the app's own index).</summary>
    public static IReadOnlyList<string> ContentPages()
    {
        var urls = new List<string>();
        foreach (var language in Directory.EnumerateDirectories(Content).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var folder = Path.Combine(Content, language!);
            foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                // Drafts are 404 to readers; they are not pages of the site.
                if (File.ReadLines(file).Take(30).Any(l => l.Trim() == "draft: true")) continue;
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/')[..^3];
                var slug = relative == "index" ? "" : relative.EndsWith("/index", StringComparison.Ordinal) ? relative[..^6] : relative;
                var url = (language == "en" ? "" : "/" + language) + "/" + slug;
                urls.Add(url.Length > 1 ? url.TrimEnd('/') : url);
            }
        }

        return urls;
    }
}
