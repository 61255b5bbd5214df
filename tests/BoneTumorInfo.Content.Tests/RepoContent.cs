using System.Reflection;

namespace BoneTumorInfo.Content.Tests;

/// <summary>The repo's own content folder (the build records where the repo is).</summary>
public static class RepoContent
{
    public static string Root { get; } = Path.Combine(
        typeof(RepoContent).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "content");
}
